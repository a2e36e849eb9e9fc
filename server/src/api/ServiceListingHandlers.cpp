#include "api/ServiceListingHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperationLog.h"
#include "services/ServiceListingService.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void ServiceListingHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, ServiceListingService::listFilters());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_services.list(exchange.principal(), query)));
}

void ServiceListingHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_services.get(exchange.principal(), AdminRequest::id(exchange)));
}

void ServiceListingHandlers::submit(Exchange& exchange)
{
    const auto record = m_services.submit(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "service.submit", "service",
                 std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void ServiceListingHandlers::review(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_services.review(exchange.principal(), id, *AdminRequest::body(exchange));
    const bool approved = record->getValue<std::string>("reviewStatus") == "approved";
    m_log.record(exchange.principal(), approved ? "service.approve" : "service.reject", "service", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void ServiceListingHandlers::setRunning(Exchange& exchange, bool running)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_services.setRunning(exchange.principal(), id, running, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), running ? "service.start" : "service.stop", "service", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

} // namespace citycode::server

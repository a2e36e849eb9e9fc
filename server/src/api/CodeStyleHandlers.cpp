#include "api/CodeStyleHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/CodeStyleService.h"
#include "services/OperationLog.h"
#include "storage/CodeStyleRepository.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void CodeStyleHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, CodeStyleRepository::view().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_service.list(exchange.principal(), query)));
}

void CodeStyleHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_service.get(exchange.principal(), AdminRequest::id(exchange)));
}

void CodeStyleHandlers::create(Exchange& exchange)
{
    const auto record = m_service.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-style.create", "code-style",
                 std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void CodeStyleHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-style.update", "code-style", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void CodeStyleHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_service.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-style.delete", "code-style", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

void CodeStyleHandlers::activate(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.activate(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-style.activate", "code-style", std::to_string(id),
                 "code type " + record->getValue<std::string>("codeType"));
    exchange.sendJson(Status::HTTP_OK, *record);
}

} // namespace citycode::server

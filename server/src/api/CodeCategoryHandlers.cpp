#include "api/CodeCategoryHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/CodeCategoryService.h"
#include "services/OperationLog.h"
#include "storage/CodeCategoryRepository.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void CodeCategoryHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, CodeCategoryRepository::view().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_service.list(exchange.principal(), query)));
}

void CodeCategoryHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_service.get(exchange.principal(), AdminRequest::id(exchange)));
}

void CodeCategoryHandlers::create(Exchange& exchange)
{
    const auto record = m_service.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-category.create", "code-category",
                 std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void CodeCategoryHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_service.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-category.update", "code-category", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void CodeCategoryHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_service.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-category.delete", "code-category", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

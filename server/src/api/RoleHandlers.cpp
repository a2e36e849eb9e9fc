#include "api/RoleHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/RoleService.h"

namespace citycode::server {

namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void answerDeleted(Exchange& exchange, std::size_t count)
{
    Poco::JSON::Object body;
    body.set("deleted", count);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace

void RoleHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, RoleService::listFilters());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_roles.list(exchange.principal(), query)));
}

void RoleHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_roles.get(exchange.principal(), AdminRequest::id(exchange)));
}

void RoleHandlers::create(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_CREATED, *m_roles.create(exchange.principal(), *AdminRequest::body(exchange)));
}

void RoleHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    exchange.sendJson(Status::HTTP_OK, *m_roles.update(exchange.principal(), id, *AdminRequest::body(exchange)));
}

void RoleHandlers::remove(Exchange& exchange)
{
    answerDeleted(exchange, m_roles.remove(exchange.principal(), {AdminRequest::id(exchange)}));
}

void RoleHandlers::batchRemove(Exchange& exchange)
{
    answerDeleted(exchange,
                  m_roles.remove(exchange.principal(), AdminRequest::ids(*AdminRequest::body(exchange), "ids", true)));
}

} // namespace citycode::server

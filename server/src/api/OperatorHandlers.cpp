#include "api/OperatorHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperatorService.h"

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

void OperatorHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, OperatorService::listFilters());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_operators.list(exchange.principal(), query)));
}

void OperatorHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_operators.get(exchange.principal(), AdminRequest::id(exchange)));
}

void OperatorHandlers::create(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_CREATED, *m_operators.create(exchange.principal(), *AdminRequest::body(exchange)));
}

void OperatorHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    exchange.sendJson(Status::HTTP_OK, *m_operators.update(exchange.principal(), id, *AdminRequest::body(exchange)));
}

void OperatorHandlers::remove(Exchange& exchange)
{
    answerDeleted(exchange, m_operators.remove(exchange.principal(), {AdminRequest::id(exchange)}));
}

void OperatorHandlers::batchRemove(Exchange& exchange)
{
    const auto ids = AdminRequest::ids(*AdminRequest::body(exchange), "ids", true);
    answerDeleted(exchange, m_operators.remove(exchange.principal(), ids));
}

void OperatorHandlers::enable(Exchange& exchange)
{
    m_operators.setEnabled(exchange.principal(), AdminRequest::id(exchange), true);
    Poco::JSON::Object body;
    body.set("status", "enabled");
    exchange.sendJson(Status::HTTP_OK, body);
}

void OperatorHandlers::disable(Exchange& exchange)
{
    m_operators.setEnabled(exchange.principal(), AdminRequest::id(exchange), false);
    Poco::JSON::Object body;
    body.set("status", "disabled");
    exchange.sendJson(Status::HTTP_OK, body);
}

void OperatorHandlers::resetPassword(Exchange& exchange)
{
    Poco::JSON::Object body;
    body.set("oneTimePassword", m_operators.resetPassword(exchange.principal(), AdminRequest::id(exchange)));
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

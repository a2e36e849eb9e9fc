#include "api/MenuHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/MenuService.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void MenuHandlers::tree(Exchange& exchange)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("items", m_menus.tree());
    exchange.sendJson(Status::HTTP_OK, body);
}

void MenuHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_menus.get(AdminRequest::id(exchange)));
}

void MenuHandlers::create(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_CREATED, *m_menus.create(exchange.principal(), *AdminRequest::body(exchange)));
}

void MenuHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    exchange.sendJson(Status::HTTP_OK, *m_menus.update(exchange.principal(), id, *AdminRequest::body(exchange)));
}

void MenuHandlers::remove(Exchange& exchange)
{
    m_menus.remove(exchange.principal(), AdminRequest::id(exchange));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

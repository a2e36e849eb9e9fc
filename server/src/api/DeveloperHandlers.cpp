#include "api/DeveloperHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/AppService.h"
#include "services/OperationLog.h"
#include "storage/BaseConfigViews.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void DeveloperHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, BaseConfigViews::developers().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_apps.developers(exchange.principal(), query)));
}

void DeveloperHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_apps.renameDeveloper(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "developer.update", "developer", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void DeveloperHandlers::rotateSecret(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const std::string secret = m_apps.rotateSecret(exchange.principal(), id);
    m_log.record(exchange.principal(), "developer.secret", "developer", std::to_string(id));
    Poco::JSON::Object body;
    body.set("appSecret", secret);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

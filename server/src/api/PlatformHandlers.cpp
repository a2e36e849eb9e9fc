#include "api/PlatformHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperationLog.h"
#include "services/PlatformService.h"
#include "storage/BaseConfigViews.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void PlatformHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, BaseConfigViews::platforms().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_platforms.list(exchange.principal(), query)));
}

void PlatformHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_platforms.get(exchange.principal(), AdminRequest::id(exchange)));
}

void PlatformHandlers::create(Exchange& exchange)
{
    const CreatedPlatform created = m_platforms.create(exchange.principal(), *AdminRequest::body(exchange));
    const std::string id = std::to_string(created.platform->getValue<Poco::Int64>("id"));
    m_log.record(exchange.principal(), "platform.create", "platform", id, "administrator " + created.adminUsername);
    // 001 §4.4.3: the administrator's one-time password is shown to the creator once.
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("platform", created.platform);
    body.set("adminUsername", created.adminUsername);
    body.set("adminPassword", created.adminPassword);
    exchange.sendJson(Status::HTTP_CREATED, body);
}

void PlatformHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_platforms.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "platform.update", "platform", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void PlatformHandlers::setEnabled(Exchange& exchange, bool enabled)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto record = m_platforms.setEnabled(exchange.principal(), id, enabled);
    m_log.record(exchange.principal(), enabled ? "platform.enable" : "platform.disable", "platform",
                 std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *record);
}

void PlatformHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_platforms.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "platform.delete", "platform", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

#include "api/SettingsHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperationLog.h"
#include "services/SettingsService.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void SettingsHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_settings.get(exchange.principal()));
}

void SettingsHandlers::update(Exchange& exchange)
{
    const auto body = AdminRequest::body(exchange);
    const auto settings = m_settings.update(exchange.principal(), *body);
    std::string names;
    for (const std::string& name : body->getNames())
        names += (names.empty() ? "" : ", ") + name;
    m_log.record(exchange.principal(), "settings.update", "settings", "system", names);
    exchange.sendJson(Status::HTTP_OK, *settings);
}

} // namespace citycode::server

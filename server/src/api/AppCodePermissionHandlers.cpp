#include "api/AppCodePermissionHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/AppCodePermissionService.h"
#include "services/OperationLog.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void AppCodePermissionHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_permissions.get(exchange.principal(), AdminRequest::id(exchange)));
}

void AppCodePermissionHandlers::update(Exchange& exchange)
{
    const Poco::Int64 appId = AdminRequest::id(exchange);
    const auto result = m_permissions.set(exchange.principal(), appId, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "app.code-permissions", "app", std::to_string(appId),
                 std::string("generate ") + (result->getValue<bool>("generate") ? "on" : "off") + ", scan " +
                     (result->getValue<bool>("scan") ? "on" : "off"));
    exchange.sendJson(Status::HTTP_OK, *result);
}

} // namespace citycode::server

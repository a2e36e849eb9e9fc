#include "api/OpenApiRoutes.h"

#include "api/OpenApiHandlers.h"
#include "api/Routes.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addOpenApiRoutes(Router& router, const ApiServices& services)
{
    auto open = std::make_shared<OpenApiHandlers>(services.openApi);
    // 001 §5.1.1-5.1.3, §5.1.8-5.1.13: open (register the user), show (issue), decode (verify).
    struct CodeRoutes
    {
        const char* type;
        const char* openPath;
        const char* showPath;
        const char* decodePath;
    };
    for (const CodeRoutes& code :
         {CodeRoutes{"personal", "/api/openPersonalCode", "/api/showPersonalCode", "/identity/decodeIdentityCode"},
          CodeRoutes{"health", "/api/openHealthCode", "/api/showHealthCode", "/health/decodeHealthCode"},
          CodeRoutes{"payment", "/api/openPaymentCode", "/api/showPaymentCode", "/payment/decodePaymentCode"}}) {
        const std::string type = code.type;
        router.add("POST", code.openPath, [open, type](Exchange& e) { open->open(e, type); });
        // Show and decode only read (cached lookups, SQLite) before their one durable write,
        // which they wait for without holding the thread (Exchange::later): fast routes.
        router.add("POST", code.showPath, [open, type](Exchange& e) { open->show(e, type); }).fast = true;
        router.add("POST", code.decodePath, [open, type](Exchange& e) { open->decode(e, type); }).fast = true;
    }
    // Terminals trade one request signed with their registered key for a session key.
    router.add("POST", "/api/v1/terminal/session", [open](Exchange& e) { open->terminalSession(e); });
    // 001 §5.1.4-5.1.7: data bound to a user.
    router.add("POST", "/bindData/bindData", [open](Exchange& e) { open->bindData(e); });
    router.add("POST", "/bindData/getBindData", [open](Exchange& e) { open->getBindData(e); });
    router.add("POST", "/bindData/getBindDataList", [open](Exchange& e) { open->getBindDataList(e); });
    router.add("POST", "/bindData/unbindData", [open](Exchange& e) { open->unbindData(e); });
    // 001 §5.1.14-5.1.16: order notices, idempotent by order number.
    using Kind = PaymentNoticeService::Kind;
    router.add("POST", "/traffic/notifyTrafficPay", [open](Exchange& e) { open->notify(e, Kind::Traffic); });
    router.add("POST", "/payment/notifyPaymentCreate", [open](Exchange& e) { open->notify(e, Kind::Create); });
    router.add("POST", "/payment/notifyPaymentResult", [open](Exchange& e) { open->notify(e, Kind::Result); });
}

} // namespace citycode::server

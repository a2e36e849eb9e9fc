#include "api/StaticCodeRoutes.h"

#include "api/Routes.h"
#include "api/StaticCodeHandlers.h"
#include "api/StaticCodeOpenHandlers.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addStaticCodeRoutes(Router& router, const ApiServices& services)
{
    using Access = RouteAccess;
    using Operation = StaticCodeStateMachine::Operation;
    auto codes = std::make_shared<StaticCodeHandlers>(services.staticCodes);
    const std::string path = "/admin/v1/static-codes";
    router.add("GET", path, Access::permission("code:static:list"), [codes](Exchange& e) { codes->list(e); });
    router.add("POST", path, Access::permission("code:static:add"), [codes](Exchange& e) { codes->create(e); });
    router.add("GET", path + "/{id}", Access::permission("code:static:list"), [codes](Exchange& e) { codes->get(e); });
    router.add("GET", path + "/{id}/symbol.png", Access::permission("code:static:list"),
               [codes](Exchange& e) { codes->symbol(e); });
    // Change of information has its own key; the state operations share one.
    for (const Operation operation : StaticCodeStateMachine::transitions()) {
        const std::string key = operation == Operation::Change ? "code:static:edit" : "code:static:state";
        router.add("POST", path + "/{id}/" + StaticCodeStateMachine::name(operation), Access::permission(key),
                   [codes, operation](Exchange& e) { codes->perform(e, operation); });
    }

    // 002 §8.1: the interfaces of the apps that bring static code scenes to the platform, signed
    // like the rest of the open API (docs/open-api.md); the code is named by "codeNumber".
    auto open = std::make_shared<StaticCodeOpenHandlers>(services.openApi, services.staticCodes);
    for (const auto& [openPath, operation] :
         {std::pair<const char*, Operation>{"/staticCode/register", Operation::Register},
          {"/staticCode/apply", Operation::Apply},
          {"/staticCode/enable", Operation::Enable},
          {"/staticCode/disable", Operation::Disable},
          {"/staticCode/reportLost", Operation::ReportLost},
          {"/staticCode/change", Operation::Change},
          {"/staticCode/query", Operation::Query}}) {
        const Operation op = operation;
        router.add("POST", openPath, [open, op](Exchange& e) { open->handle(e, op); });
    }
}

} // namespace citycode::server

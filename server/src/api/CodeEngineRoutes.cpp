#include "api/CodeEngineRoutes.h"

#include "api/AppCodePermissionHandlers.h"
#include "api/CodeRuleHandlers.h"
#include "api/CodeSpecHandlers.h"
#include "api/Routes.h"
#include "api/TerminalHandlers.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addCodeEngineRoutes(Router& router, const ApiServices& services)
{
    using Access = RouteAccess;

    // Code specifications (001 §4.2.2): read by every operator, changed by the main platform.
    auto specs = std::make_shared<CodeSpecHandlers>(services.codeSpecs, services.operationLog);
    const std::string sp = "/admin/v1/code-specs";
    router.add("GET", sp, Access::permission("code:spec:list"), [specs](Exchange& e) { specs->list(e); });
    router.add("POST", sp, Access::permission("code:spec:add"), [specs](Exchange& e) { specs->create(e); });
    router.add("GET", sp + "/{id}", Access::permission("code:spec:list"), [specs](Exchange& e) { specs->get(e); });
    router.add("PUT", sp + "/{id}", Access::permission("code:spec:edit"), [specs](Exchange& e) { specs->update(e); });
    router.add("DELETE", sp + "/{id}", Access::permission("code:spec:delete"),
               [specs](Exchange& e) { specs->remove(e); });
    router.add("POST", sp + "/{id}/enable", Access::permission("code:spec:status"),
               [specs](Exchange& e) { specs->enable(e); });
    router.add("POST", sp + "/{id}/disable", Access::permission("code:spec:status"),
               [specs](Exchange& e) { specs->disable(e); });

    // Code rules and their versions (001 §4.2.3). Sub-platforms read the rules of their pool.
    auto rules = std::make_shared<CodeRuleHandlers>(services.codeRules, services.operationLog);
    const std::string cr = "/admin/v1/code-rules";
    router.add("GET", cr, Access::permission("code:rule:list"), [rules](Exchange& e) { rules->list(e); });
    router.add("POST", cr, Access::permission("code:rule:add"), [rules](Exchange& e) { rules->create(e); });
    router.add("GET", cr + "/{id}", Access::permission("code:rule:list"), [rules](Exchange& e) { rules->get(e); });
    router.add("DELETE", cr + "/{id}", Access::permission("code:rule:delete"),
               [rules](Exchange& e) { rules->remove(e); });
    router.add("PUT", cr + "/{id}/steps/{step}", Access::permission("code:rule:edit"),
               [rules](Exchange& e) { rules->saveStep(e); });
    router.add("POST", cr + "/{id}/publish", Access::permission("code:rule:publish"),
               [rules](Exchange& e) { rules->publish(e); });
    router.add("POST", cr + "/{id}/enable", Access::permission("code:rule:status"),
               [rules](Exchange& e) { rules->enable(e); });
    router.add("POST", cr + "/{id}/disable", Access::permission("code:rule:status"),
               [rules](Exchange& e) { rules->disable(e); });
    router.add("POST", cr + "/{id}/push", Access::permission("code:rule:push"),
               [rules](Exchange& e) { rules->push(e); });
    router.add("POST", cr + "/{id}/remove-from-pool", Access::permission("code:rule:remove"),
               [rules](Exchange& e) { rules->removeFromPool(e); });
    router.add("POST", cr + "/{id}/update-spec", Access::permission("code:rule:edit"),
               [rules](Exchange& e) { rules->updateFromSpec(e); });
    router.add("GET", cr + "/{id}/diff", Access::permission("code:rule:list"),
               [rules](Exchange& e) { rules->diff(e); });
    router.add("GET", cr + "/{id}/versions", Access::permission("code:rule:list"),
               [rules](Exchange& e) { rules->versions(e); });
    router.add("POST", cr + "/{id}/versions", Access::permission("code:rule:version"),
               [rules](Exchange& e) { rules->createVersion(e); });
    router.add("GET", cr + "/{id}/versions/{version}", Access::permission("code:rule:list"),
               [rules](Exchange& e) { rules->version(e); });
    router.add("PUT", cr + "/{id}/versions/{version}", Access::permission("code:rule:version"),
               [rules](Exchange& e) { rules->editVersion(e); });
    router.add("POST", cr + "/{id}/versions/{version}/enable", Access::permission("code:rule:version"),
               [rules](Exchange& e) { rules->enableVersion(e); });
    router.add("POST", cr + "/{id}/versions/{version}/disable", Access::permission("code:rule:version"),
               [rules](Exchange& e) { rules->disableVersion(e); });

    // Rules linked to an app (001 §4.3 关联码规则) and its generate/scan permissions (000 §2.2.5).
    router.add("GET", "/admin/v1/apps/{id}/code-rules", Access::permission("base:app:list"),
               [rules](Exchange& e) { rules->appRules(e); });
    router.add("POST", "/admin/v1/apps/{id}/code-rules", Access::permission("code:rule:link"),
               [rules](Exchange& e) { rules->link(e); });
    router.add("DELETE", "/admin/v1/apps/{id}/code-rules/{ruleId}", Access::permission("code:rule:link"),
               [rules](Exchange& e) { rules->unlink(e); });
    auto permissions = std::make_shared<AppCodePermissionHandlers>(services.appCodePermissions, services.operationLog);
    router.add("GET", "/admin/v1/apps/{id}/permissions", Access::permission("code:permission:list"),
               [permissions](Exchange& e) { permissions->get(e); });
    router.add("PUT", "/admin/v1/apps/{id}/permissions", Access::permission("code:permission:edit"),
               [permissions](Exchange& e) { permissions->update(e); });

    // Scanner terminals (002 §5.3.1.3).
    auto terminals = std::make_shared<TerminalHandlers>(services.terminals, services.operationLog);
    const std::string tm = "/admin/v1/terminals";
    router.add("GET", tm, Access::permission("code:terminal:list"), [terminals](Exchange& e) { terminals->list(e); });
    router.add("POST", tm, Access::permission("code:terminal:add"), [terminals](Exchange& e) { terminals->create(e); });
    router.add("GET", tm + "/{id}", Access::permission("code:terminal:list"),
               [terminals](Exchange& e) { terminals->get(e); });
    router.add("PUT", tm + "/{id}", Access::permission("code:terminal:edit"),
               [terminals](Exchange& e) { terminals->update(e); });
    router.add("DELETE", tm + "/{id}", Access::permission("code:terminal:delete"),
               [terminals](Exchange& e) { terminals->remove(e); });
    router.add("POST", tm + "/{id}/enable", Access::permission("code:terminal:status"),
               [terminals](Exchange& e) { terminals->enable(e); });
    router.add("POST", tm + "/{id}/disable", Access::permission("code:terminal:status"),
               [terminals](Exchange& e) { terminals->disable(e); });
}

} // namespace citycode::server

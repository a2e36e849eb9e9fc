#include "api/Routes.h"

#include "api/AppHandlers.h"
#include "api/AuthHandlers.h"
#include "api/CacheHandlers.h"
#include "api/CodeEngineRoutes.h"
#include "api/DeveloperHandlers.h"
#include "api/HealthHandler.h"
#include "api/KeyRoutes.h"
#include "api/MenuHandlers.h"
#include "api/MetricsHandler.h"
#include "api/OnboardingHandlers.h"
#include "api/OpenApiRoutes.h"
#include "api/OperationLogHandlers.h"
#include "api/OperatorHandlers.h"
#include "api/PlatformHandlers.h"
#include "api/Profile003Routes.h"
#include "api/ReferenceDataHandlers.h"
#include "api/RoleHandlers.h"
#include "api/ServiceListingHandlers.h"
#include "api/StaticCodeRoutes.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addRoutes(Router& router, const ApiServices& services)
{
    auto health = std::make_shared<HealthHandler>(services.health);

    router.add("GET", "/health", [health](Exchange& e) { health->get(e); });
    router.add("GET", "/metrics", [&metrics = services.metrics](Exchange& e) { metrics.get(e); });

    // Console sign-in (api/AuthHandlers.h). Logout, me and the password change stay open while
    // the initial password must be changed; everything else then answers PASSWORD_CHANGE_REQUIRED.
    auto auth = std::make_shared<AuthHandlers>(services.auth, services.captchas);
    const RouteAccess signedIn = RouteAccess::duringPasswordChange();
    router.add("GET", "/admin/v1/auth/captcha", [auth](Exchange& e) { auth->captcha(e); });
    router.add("POST", "/admin/v1/auth/login", [auth](Exchange& e) { auth->login(e); });
    router.add("POST", "/admin/v1/auth/logout", signedIn, [auth](Exchange& e) { auth->logout(e); });
    router.add("GET", "/admin/v1/auth/me", signedIn, [auth](Exchange& e) { auth->me(e); });
    router.add("POST", "/admin/v1/auth/password", signedIn, [auth](Exchange& e) { auth->changePassword(e); });

    auto menus = std::make_shared<MenuHandlers>(services.menus);
    using Access = RouteAccess;
    router.add("GET", "/admin/v1/menus", Access::permission("system:menu:list"),
               [menus](Exchange& e) { menus->tree(e); });
    router.add("POST", "/admin/v1/menus", Access::permission("system:menu:add"),
               [menus](Exchange& e) { menus->create(e); });
    router.add("GET", "/admin/v1/menus/{id}", Access::permission("system:menu:list"),
               [menus](Exchange& e) { menus->get(e); });
    router.add("PUT", "/admin/v1/menus/{id}", Access::permission("system:menu:edit"),
               [menus](Exchange& e) { menus->update(e); });
    router.add("DELETE", "/admin/v1/menus/{id}", Access::permission("system:menu:delete"),
               [menus](Exchange& e) { menus->remove(e); });

    auto operators = std::make_shared<OperatorHandlers>(services.operators);
    const std::string ops = "/admin/v1/operators";
    router.add("GET", ops, Access::permission("system:operator:list"),
               [operators](Exchange& e) { operators->list(e); });
    router.add("POST", ops, Access::permission("system:operator:add"),
               [operators](Exchange& e) { operators->create(e); });
    router.add("POST", ops + "/batch-delete", Access::permission("system:operator:delete"),
               [operators](Exchange& e) { operators->batchRemove(e); });
    router.add("GET", ops + "/{id}", Access::permission("system:operator:list"),
               [operators](Exchange& e) { operators->get(e); });
    router.add("PUT", ops + "/{id}", Access::permission("system:operator:edit"),
               [operators](Exchange& e) { operators->update(e); });
    router.add("DELETE", ops + "/{id}", Access::permission("system:operator:delete"),
               [operators](Exchange& e) { operators->remove(e); });
    router.add("POST", ops + "/{id}/enable", Access::permission("system:operator:edit"),
               [operators](Exchange& e) { operators->enable(e); });
    router.add("POST", ops + "/{id}/disable", Access::permission("system:operator:edit"),
               [operators](Exchange& e) { operators->disable(e); });
    router.add("POST", ops + "/{id}/reset-password", Access::permission("system:operator:reset"),
               [operators](Exchange& e) { operators->resetPassword(e); });

    auto roles = std::make_shared<RoleHandlers>(services.roles);
    const std::string rls = "/admin/v1/roles";
    router.add("GET", rls, Access::permission("system:role:list"), [roles](Exchange& e) { roles->list(e); });
    router.add("POST", rls, Access::permission("system:role:add"), [roles](Exchange& e) { roles->create(e); });
    router.add("POST", rls + "/batch-delete", Access::permission("system:role:delete"),
               [roles](Exchange& e) { roles->batchRemove(e); });
    router.add("GET", rls + "/{id}", Access::permission("system:role:list"), [roles](Exchange& e) { roles->get(e); });
    router.add("PUT", rls + "/{id}", Access::permission("system:role:edit"),
               [roles](Exchange& e) { roles->update(e); });
    router.add("DELETE", rls + "/{id}", Access::permission("system:role:delete"),
               [roles](Exchange& e) { roles->remove(e); });

    auto logs = std::make_shared<OperationLogHandlers>(services.operationLog);
    router.add("GET", "/admin/v1/operation-logs", Access::permission("system:log:list"),
               [logs](Exchange& e) { logs->list(e); });
    router.add("GET", "/admin/v1/operation-logs/export", Access::permission("system:log:export"),
               [logs](Exchange& e) { logs->exportCsv(e); });

    // 001 §4.12.3 缓存管理: the answering node's caches; main-platform operators only.
    auto caches = std::make_shared<CacheHandlers>(services.caches, services.operationLog);
    router.add("GET", "/admin/v1/caches", Access::permission("system:cache:list"),
               [caches](Exchange& e) { caches->list(e); });
    router.add("POST", "/admin/v1/caches/flush", Access::permission("system:cache:flush"),
               [caches](Exchange& e) { caches->flushAll(e); });
    router.add("POST", "/admin/v1/caches/{name}/flush", Access::permission("system:cache:flush"),
               [caches](Exchange& e) { caches->flush(e); });

    // Platforms, apps, developers, the shelf, onboarding (001 §4.3-4.6, 004). Services apply the
    // tenant scope of the principal; foreign ids answer 404 like missing ones.
    auto platforms = std::make_shared<PlatformHandlers>(services.platforms, services.operationLog);
    router.add("GET", "/admin/v1/platforms", Access::permission("base:platform:list"),
               [platforms](Exchange& e) { platforms->list(e); });
    router.add("POST", "/admin/v1/platforms", Access::permission("base:platform:add"),
               [platforms](Exchange& e) { platforms->create(e); });
    router.add("GET", "/admin/v1/platforms/{id}", Access::permission("base:platform:list"),
               [platforms](Exchange& e) { platforms->get(e); });
    router.add("PUT", "/admin/v1/platforms/{id}", Access::permission("base:platform:edit"),
               [platforms](Exchange& e) { platforms->update(e); });
    router.add("DELETE", "/admin/v1/platforms/{id}", Access::permission("base:platform:delete"),
               [platforms](Exchange& e) { platforms->remove(e); });
    router.add("POST", "/admin/v1/platforms/{id}/enable", Access::permission("base:platform:status"),
               [platforms](Exchange& e) { platforms->enable(e); });
    router.add("POST", "/admin/v1/platforms/{id}/disable", Access::permission("base:platform:status"),
               [platforms](Exchange& e) { platforms->disable(e); });

    auto apps = std::make_shared<AppHandlers>(services.apps, services.operationLog);
    router.add("GET", "/admin/v1/apps", Access::permission("base:app:list"), [apps](Exchange& e) { apps->list(e); });
    router.add("POST", "/admin/v1/apps", Access::permission("base:app:add"), [apps](Exchange& e) { apps->create(e); });
    router.add("GET", "/admin/v1/apps/{id}", Access::permission("base:app:list"),
               [apps](Exchange& e) { apps->get(e); });
    router.add("PUT", "/admin/v1/apps/{id}", Access::permission("base:app:edit"),
               [apps](Exchange& e) { apps->update(e); });
    router.add("DELETE", "/admin/v1/apps/{id}", Access::permission("base:app:delete"),
               [apps](Exchange& e) { apps->remove(e); });
    router.add("POST", "/admin/v1/apps/{id}/enable", Access::permission("base:app:status"),
               [apps](Exchange& e) { apps->enable(e); });
    router.add("POST", "/admin/v1/apps/{id}/disable", Access::permission("base:app:status"),
               [apps](Exchange& e) { apps->disable(e); });
    router.add("GET", "/admin/v1/shelf", Access::permission("base:app:list"), [apps](Exchange& e) { apps->shelf(e); });
    router.add("PUT", "/admin/v1/shelf/{appId}", Access::permission("base:app:edit"),
               [apps](Exchange& e) { apps->shelve(e); });
    router.add("DELETE", "/admin/v1/shelf/{appId}", Access::permission("base:app:edit"),
               [apps](Exchange& e) { apps->unshelve(e); });

    auto developers = std::make_shared<DeveloperHandlers>(services.apps, services.operationLog);
    router.add("GET", "/admin/v1/developers", Access::permission("base:developer:list"),
               [developers](Exchange& e) { developers->list(e); });
    router.add("PUT", "/admin/v1/developers/{id}", Access::permission("base:developer:edit"),
               [developers](Exchange& e) { developers->update(e); });
    router.add("POST", "/admin/v1/developers/{id}/secret", Access::permission("base:developer:secret"),
               [developers](Exchange& e) { developers->rotateSecret(e); });

    auto onboarding = std::make_shared<OnboardingHandlers>(services.onboarding, services.operationLog);
    router.add("GET", "/admin/v1/app-applications", Access::permission("base:onboarding:list"),
               [onboarding](Exchange& e) { onboarding->list(e); });
    router.add("POST", "/admin/v1/app-applications", Access::permission("base:onboarding:apply"),
               [onboarding](Exchange& e) { onboarding->submit(e); });
    router.add("GET", "/admin/v1/app-applications/{id}", Access::permission("base:onboarding:list"),
               [onboarding](Exchange& e) { onboarding->get(e); });
    router.add("POST", "/admin/v1/app-applications/{id}/review", Access::permission("base:onboarding:review"),
               [onboarding](Exchange& e) { onboarding->review(e); });

    // Service listing applications and the emergency stop/start of a service (004 §4, 001 §4.5).
    auto listings = std::make_shared<ServiceListingHandlers>(services.serviceListings, services.operationLog);
    router.add("GET", "/admin/v1/services", Access::permission("base:onboarding:list"),
               [listings](Exchange& e) { listings->list(e); });
    router.add("POST", "/admin/v1/services", Access::permission("base:onboarding:apply"),
               [listings](Exchange& e) { listings->submit(e); });
    router.add("GET", "/admin/v1/services/{id}", Access::permission("base:onboarding:list"),
               [listings](Exchange& e) { listings->get(e); });
    router.add("POST", "/admin/v1/services/{id}/review", Access::permission("base:onboarding:review"),
               [listings](Exchange& e) { listings->review(e); });
    router.add("POST", "/admin/v1/services/{id}/stop", Access::permission("base:onboarding:service"),
               [listings](Exchange& e) { listings->stop(e); });
    router.add("POST", "/admin/v1/services/{id}/start", Access::permission("base:onboarding:service"),
               [listings](Exchange& e) { listings->start(e); });

    // Regions, industries and dictionaries (001 §4.12.2-4.12.3): shared by every platform, changed
    // by the main platform only (the service checks it, the add/edit/delete keys are main-only).
    struct ReferenceRoutes
    {
        ReferenceKind kind;
        const char* path;
        const char* area;
        const char* permission; // "<prefix>:" + list | add | edit | delete
    };
    for (const ReferenceRoutes& kind :
         {ReferenceRoutes{ReferenceKind::Region, "/admin/v1/regions", "region", "base:region:"},
          ReferenceRoutes{ReferenceKind::Industry, "/admin/v1/industries", "industry", "base:industry:"},
          ReferenceRoutes{ReferenceKind::DictionaryGroup, "/admin/v1/dictionaries", "dictionary", "system:dict:"},
          ReferenceRoutes{ReferenceKind::DictionaryEntry, "/admin/v1/dictionary-entries", "dictionary-entry",
                          "system:dict:"}}) {
        auto data = std::make_shared<ReferenceDataHandlers>(services.referenceData, services.operationLog, kind.kind,
                                                            kind.area);
        const std::string path = kind.path;
        const std::string key = kind.permission;
        router.add("GET", path, Access::permission(key + "list"), [data](Exchange& e) { data->list(e); });
        router.add("POST", path, Access::permission(key + "add"), [data](Exchange& e) { data->create(e); });
        router.add("POST", path + "/batch-delete", Access::permission(key + "delete"),
                   [data](Exchange& e) { data->batchRemove(e); });
        router.add("GET", path + "/{id}", Access::permission(key + "list"), [data](Exchange& e) { data->get(e); });
        router.add("PUT", path + "/{id}", Access::permission(key + "edit"), [data](Exchange& e) { data->update(e); });
        router.add("DELETE", path + "/{id}", Access::permission(key + "delete"),
                   [data](Exchange& e) { data->remove(e); });
        router.add("POST", path + "/{id}/enable", Access::permission(key + "edit"),
                   [data](Exchange& e) { data->enable(e); });
        router.add("POST", path + "/{id}/disable", Access::permission(key + "edit"),
                   [data](Exchange& e) { data->disable(e); });
    }

    addCodeEngineRoutes(router, services); // code specs, code rules and versions, app code permissions, terminals
    addKeyRoutes(router, services);        // keys, trust list, settings, code styles/categories/numbering/subjects
    addStaticCodeRoutes(router, services); // static codes (002 §5.3.2.4)
    addOpenApiRoutes(router, services);    // the open API of apps and terminals (001 §5)
    addProfile003Routes(router, services); // the 003 Appendix B profile (docs/open-api-profile-003.md)
}

} // namespace citycode::server

#include "api/KeyRoutes.h"

#include "api/CodeCategoryHandlers.h"
#include "api/CodeStyleHandlers.h"
#include "api/CodeSubjectHandlers.h"
#include "api/KeyHandlers.h"
#include "api/NumberingHandlers.h"
#include "api/Routes.h"
#include "api/SettingsHandlers.h"
#include "api/TrustListHandlers.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addKeyRoutes(Router& router, const ApiServices& services)
{
    using Access = RouteAccess;

    // 003 §7.2.2: scanners and consoles download the trust list without signing in; its
    // signature, not the transport, makes it trustworthy.
    auto trustList = std::make_shared<TrustListHandlers>(services.trustList);
    router.add("GET", "/api/v1/trust-list", [trustList](Exchange& e) { trustList->document(e); });
    router.add("GET", "/api/v1/trust-list/anchor", [trustList](Exchange& e) { trustList->anchor(e); });

    auto keys = std::make_shared<KeyHandlers>(services.keys, services.operationLog);
    router.add("GET", "/admin/v1/keys", Access::permission("code:key:list"), [keys](Exchange& e) { keys->list(e); });
    router.add("POST", "/admin/v1/keys/rotate", Access::permission("code:key:rotate"),
               [keys](Exchange& e) { keys->rotate(e); });
    router.add("GET", "/admin/v1/keys/{id}", Access::permission("code:key:list"),
               [keys](Exchange& e) { keys->get(e); });
    router.add("POST", "/admin/v1/emergency-codes", Access::permission("code:key:emergency"),
               [keys](Exchange& e) { keys->issueEmergencyCode(e); });

    auto settings = std::make_shared<SettingsHandlers>(services.settings, services.operationLog);
    router.add("GET", "/admin/v1/settings", Access::permission("system:setting:list"),
               [settings](Exchange& e) { settings->get(e); });
    router.add("PUT", "/admin/v1/settings", Access::permission("system:setting:edit"),
               [settings](Exchange& e) { settings->update(e); });

    // The code-engine configuration of 000 §2.2.3-2.2.4: styles, categories, numbering, subjects.
    auto styles = std::make_shared<CodeStyleHandlers>(services.codeStyles, services.operationLog);
    const std::string cs = "/admin/v1/code-styles";
    router.add("GET", cs, Access::permission("code:style:list"), [styles](Exchange& e) { styles->list(e); });
    router.add("POST", cs, Access::permission("code:style:add"), [styles](Exchange& e) { styles->create(e); });
    router.add("GET", cs + "/{id}", Access::permission("code:style:list"), [styles](Exchange& e) { styles->get(e); });
    router.add("PUT", cs + "/{id}", Access::permission("code:style:edit"),
               [styles](Exchange& e) { styles->update(e); });
    router.add("DELETE", cs + "/{id}", Access::permission("code:style:delete"),
               [styles](Exchange& e) { styles->remove(e); });
    router.add("POST", cs + "/{id}/activate", Access::permission("code:style:activate"),
               [styles](Exchange& e) { styles->activate(e); });

    auto categories = std::make_shared<CodeCategoryHandlers>(services.codeCategories, services.operationLog);
    const std::string cc = "/admin/v1/code-categories";
    router.add("GET", cc, Access::permission("code:category:list"), [categories](Exchange& e) { categories->list(e); });
    router.add("POST", cc, Access::permission("code:category:add"),
               [categories](Exchange& e) { categories->create(e); });
    router.add("GET", cc + "/{id}", Access::permission("code:category:list"),
               [categories](Exchange& e) { categories->get(e); });
    router.add("PUT", cc + "/{id}", Access::permission("code:category:edit"),
               [categories](Exchange& e) { categories->update(e); });
    router.add("DELETE", cc + "/{id}", Access::permission("code:category:delete"),
               [categories](Exchange& e) { categories->remove(e); });

    auto numbering = std::make_shared<NumberingHandlers>(services.numbering, services.operationLog);
    const std::string nr = "/admin/v1/numbering-rules";
    router.add("GET", nr, Access::permission("code:numbering:list"), [numbering](Exchange& e) { numbering->list(e); });
    router.add("POST", nr, Access::permission("code:numbering:add"),
               [numbering](Exchange& e) { numbering->create(e); });
    router.add("GET", nr + "/{id}", Access::permission("code:numbering:list"),
               [numbering](Exchange& e) { numbering->get(e); });
    router.add("PUT", nr + "/{id}", Access::permission("code:numbering:edit"),
               [numbering](Exchange& e) { numbering->update(e); });
    router.add("DELETE", nr + "/{id}", Access::permission("code:numbering:delete"),
               [numbering](Exchange& e) { numbering->remove(e); });
    router.add("POST", nr + "/{id}/allocate", Access::permission("code:numbering:allocate"),
               [numbering](Exchange& e) { numbering->allocate(e); });

    auto subjects = std::make_shared<CodeSubjectHandlers>(services.codeSubjects, services.operationLog);
    const std::string sj = "/admin/v1/code-subjects";
    router.add("GET", sj, Access::permission("code:subject:list"), [subjects](Exchange& e) { subjects->list(e); });
    router.add("POST", sj, Access::permission("code:subject:add"), [subjects](Exchange& e) { subjects->create(e); });
    router.add("GET", sj + "/{id}", Access::permission("code:subject:list"),
               [subjects](Exchange& e) { subjects->get(e); });
    router.add("PUT", sj + "/{id}", Access::permission("code:subject:edit"),
               [subjects](Exchange& e) { subjects->update(e); });
    router.add("DELETE", sj + "/{id}", Access::permission("code:subject:delete"),
               [subjects](Exchange& e) { subjects->remove(e); });
}

} // namespace citycode::server

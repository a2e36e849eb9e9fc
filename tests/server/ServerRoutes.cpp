#include "ServerRoutes.h"

#include "TempDir.h"
#include "api/MetricsHandler.h"
#include "api/Routes.h"
#include "http/AddressList.h"
#include "http/HttpMetrics.h"
#include "http/Router.h"
#include "services/AppCodePermissionService.h"
#include "services/AppService.h"
#include "services/AuthService.h"
#include "services/CacheRegistry.h"
#include "services/CaptchaService.h"
#include "services/CodeCategoryService.h"
#include "services/CodeEngineStore.h"
#include "services/CodeRuleService.h"
#include "services/CodeSpecService.h"
#include "services/CodeStyleService.h"
#include "services/CodeSubjectService.h"
#include "services/HealthService.h"
#include "services/KeyService.h"
#include "services/LoginThrottle.h"
#include "services/MenuService.h"
#include "services/NumberingService.h"
#include "services/OnboardingService.h"
#include "services/OpenApiServices.h"
#include "services/OperationLog.h"
#include "services/OperatorService.h"
#include "services/PersonalDataCipher.h"
#include "services/PlatformService.h"
#include "services/Profile003Service.h"
#include "services/ReferenceDataService.h"
#include "services/RoleService.h"
#include "services/ServiceListingService.h"
#include "services/SessionService.h"
#include "services/SettingsService.h"
#include "services/StaticCodeService.h"
#include "services/TerminalService.h"
#include "services/TrustListService.h"
#include "storage/Database.h"

#include <Poco/Logger.h>

namespace citycode::test {

using namespace citycode::server;

std::vector<RouteEntry> ServerRoutes::all()
{
    // Mirrors ServerApp::serve(); a service added there is added here.
    TempDir dir;
    Database database("sqlite:" + dir.file("routes.db"), dir.path(), 2);
    Poco::Logger& log = Poco::Logger::get("routes");
    const AuthSettings settings;
    const PersonalDataCipher cipher(common::Bytes(PersonalDataCipher::kKeyBytes, 1));
    HealthService health(database, log);
    HttpMetrics metrics;
    MetricsHandler metricsHandler(metrics, database, AddressList::parse(""));
    SessionService sessions(database, settings);
    CaptchaService captchas(database);
    LoginThrottle throttle(database, settings);
    OperationLog operationLog(database);
    AuthService auth(database, settings, sessions, captchas, throttle, operationLog);
    MenuService menus(database);
    OperatorService operators(database);
    RoleService roles(database);
    PlatformService platforms(database);
    AppService apps(database, cipher);
    OnboardingService onboarding(database, cipher, apps);
    ServiceListingService serviceListings(database);
    ReferenceDataService referenceData(database);
    CacheRegistry caches;
    CodeSpecService codeSpecs(database);
    CodeRuleService codeRules(database);
    AppCodePermissionService appCodePermissions(database);
    TerminalService terminals(database);
    CodeEngineStore codeEngine(database);
    SettingsService systemSettings(database);
    KeyService keys(database, cipher, systemSettings, KeyService::Options{});
    TrustListService trustList(keys, systemSettings, "routes");
    CodeStyleService codeStyles(database);
    CodeCategoryService codeCategories(database);
    NumberingService numbering(database);
    CodeSubjectService codeSubjects(database);
    StaticCodeService staticCodes(database, cipher);
    OpenApiServices openApi(database, cipher, codeEngine, keys, "", log);
    Profile003Service profile003(database, cipher, openApi, keys, codeEngine);
    Router router(1024);
    addRoutes(router, {health,
                       metricsHandler,
                       auth,
                       captchas,
                       menus,
                       operationLog,
                       caches,
                       operators,
                       roles,
                       platforms,
                       apps,
                       onboarding,
                       serviceListings,
                       referenceData,
                       codeSpecs,
                       codeRules,
                       appCodePermissions,
                       terminals,
                       codeEngine,
                       keys,
                       systemSettings,
                       trustList,
                       codeStyles,
                       codeCategories,
                       numbering,
                       codeSubjects,
                       staticCodes,
                       openApi,
                       profile003});
    std::vector<RouteEntry> entries;
    for (const Router::Route& route : router.routes()) {
        RouteEntry entry;
        entry.method = route.method;
        for (const std::string& segment : route.segments)
            entry.pattern += "/" + segment;
        entry.isPublic = route.access.kind() == RouteAccess::Kind::Public;
        entry.permission = route.access.permissionKey();
        entries.push_back(entry);
    }
    database.close();
    return entries;
}

} // namespace citycode::test

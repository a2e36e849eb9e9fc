#include "ServerRoutes.h"

#include "TempDir.h"
#include "api/MetricsHandler.h"
#include "api/Routes.h"
#include "http/AddressList.h"
#include "http/HttpMetrics.h"
#include "http/Router.h"
#include "services/AppService.h"
#include "services/AuthService.h"
#include "services/CaptchaService.h"
#include "services/HealthService.h"
#include "services/LoginThrottle.h"
#include "services/MenuService.h"
#include "services/OnboardingService.h"
#include "services/OperationLog.h"
#include "services/OperatorService.h"
#include "services/PersonalDataCipher.h"
#include "services/PlatformService.h"
#include "services/ReferenceDataService.h"
#include "services/RoleService.h"
#include "services/ServiceListingService.h"
#include "services/SessionService.h"
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
    Router router(1024);
    addRoutes(router, {health, metricsHandler, auth, captchas, menus, operationLog, operators, roles, platforms, apps,
                       onboarding, serviceListings, referenceData});

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

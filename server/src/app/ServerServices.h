#pragma once

#include "api/MetricsHandler.h"
#include "api/Routes.h"
#include "http/HttpMetrics.h"
#include "services/AppCodePermissionService.h"
#include "services/AppService.h"
#include "services/AuthService.h"
#include "services/AuthSettings.h"
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

#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Database;
class PersonalDataCipher;

// Every service the HTTP API calls, built once in dependency order over one database: what
// ServerApp serves with, and what the route-table tests build to read the routes, so the two
// cannot drift apart. Members are declared in construction order; none of them touch the
// database while being built.
class ServerServices
{
public:
    struct Options
    {
        AuthSettings auth;
        SystemSettings settingDefaults;  // keys.signing_alg, keys.overlap_seconds
        std::string metricsAllow;        // server.metrics_allow
        std::string mainPlatformName;    // the trust list's issuer
        std::string testClockOffsetFile; // testing.clock_offset_file; empty: the system clock
    };

    ServerServices(Database& database, const PersonalDataCipher& cipher, const Options& options, Poco::Logger& log);
    ServerServices(const ServerServices&) = delete;
    ServerServices& operator=(const ServerServices&) = delete;

    // The references addRoutes() takes.
    ApiServices api();

    HttpMetrics metrics;
    HealthService health;
    MetricsHandler metricsHandler;
    SessionService sessions;
    CaptchaService captchas;
    LoginThrottle throttle;
    OperationLog operationLog;
    CacheRegistry caches;
    AuthService auth;
    MenuService menus;
    OperatorService operators;
    RoleService roles;
    PlatformService platforms;
    AppService apps;
    OnboardingService onboarding;
    ServiceListingService serviceListings;
    ReferenceDataService referenceData;
    CodeSpecService codeSpecs;
    CodeRuleService codeRules;
    AppCodePermissionService appCodePermissions;
    TerminalService terminals;
    CodeEngineStore codeEngine;
    SettingsService settings;
    KeyService keys;
    TrustListService trustList;
    CodeStyleService codeStyles;
    CodeCategoryService codeCategories;
    NumberingService numbering;
    CodeSubjectService codeSubjects;
    StaticCodeService staticCodes;
    OpenApiServices openApi;
    Profile003Service profile003;
};

} // namespace citycode::server

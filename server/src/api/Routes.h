#pragma once

namespace citycode::server {

class AuthService;
class CacheRegistry;
class CaptchaService;
class HealthService;
class MenuService;
class OperationLog;
class OperatorService;
class RoleService;
class MetricsHandler;
class OnboardingService;
class OpenApiServices;
class PlatformService;
class Profile003Service;
class ReferenceDataService;
class ServiceListingService;
class StaticCodeService;
class AppService;
class CodeCategoryService;
class CodeStyleService;
class CodeSubjectService;
class KeyService;
class NumberingService;
class SettingsService;
class TrustListService;
class AppCodePermissionService;
class CodeEngineLookup;
class CodeRuleService;
class CodeSpecService;
class Router;
class TerminalService;

// The services the HTTP API calls; owned by ServerApp and alive while the server runs.
struct ApiServices
{
    HealthService& health;
    MetricsHandler& metrics; // built by ServerApp: it reads the HTTP layer's counters and the pool
    AuthService& auth;
    CaptchaService& captchas;
    MenuService& menus;
    OperationLog& operationLog;
    CacheRegistry& caches; // this node's in-memory caches (services/CacheRegistry.h)
    OperatorService& operators;
    RoleService& roles;
    PlatformService& platforms;
    AppService& apps; // apps, developers and the shelf
    OnboardingService& onboarding;
    ServiceListingService& serviceListings;
    ReferenceDataService& referenceData; // regions, industries, dictionaries
    // Code engine admin (001 §4.2, 000 §2.2.5) and the lookup the open API reads (CodeEngineLookup.h).
    CodeSpecService& codeSpecs;
    CodeRuleService& codeRules;
    AppCodePermissionService& appCodePermissions;
    TerminalService& terminals;
    CodeEngineLookup& codeEngine;
    // Code keys (services/KeyStore.h, KeyService.h), system settings and the signed trust list.
    KeyService& keys;
    SettingsService& settings;
    TrustListService& trustList;
    // Code-engine configuration (000 §2.2.3-2.2.4).
    CodeStyleService& codeStyles;
    CodeCategoryService& codeCategories;
    NumberingService& numbering; // allocateFor(ruleId, n): unique code numbers
    CodeSubjectService& codeSubjects;
    StaticCodeService& staticCodes; // 002 §5.3.2.4, §8.1
    OpenApiServices& openApi;       // the open API of apps and terminals (001 §5, docs/open-api.md)
    Profile003Service& profile003;  // the 003 Appendix B profile over the same services
};

// Fills the route table: one line per endpoint (method, path, handler).
void addRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

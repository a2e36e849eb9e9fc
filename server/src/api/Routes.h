#pragma once

namespace citycode::server {

class AuthService;
class CaptchaService;
class HealthService;
class MenuService;
class OperationLog;
class OperatorService;
class RoleService;
class MetricsHandler;
class OnboardingService;
class PlatformService;
class ReferenceDataService;
class ServiceListingService;
class AppService;
class Router;

// The services the HTTP API calls; owned by ServerApp and alive while the server runs.
struct ApiServices
{
    HealthService& health;
    MetricsHandler& metrics; // built by ServerApp: it reads the HTTP layer's counters and the pool
    AuthService& auth;
    CaptchaService& captchas;
    MenuService& menus;
    OperationLog& operationLog;
    OperatorService& operators;
    RoleService& roles;
    PlatformService& platforms;
    AppService& apps; // apps, developers and the shelf
    OnboardingService& onboarding;
    ServiceListingService& serviceListings;
    ReferenceDataService& referenceData; // regions, industries, dictionaries
};

// Fills the route table: one line per endpoint (method, path, handler).
void addRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

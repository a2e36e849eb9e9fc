#pragma once

namespace citycode::server {

class Router;
struct ApiServices;

// The route lines of the code engine's admin API: code specs, code rules and versions, rules
// linked to apps, app generate/scan permissions, scanner terminals; called by addRoutes.
void addCodeEngineRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

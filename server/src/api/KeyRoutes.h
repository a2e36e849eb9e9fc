#pragma once

namespace citycode::server {

class Router;
struct ApiServices;

// The route lines of the code keys, the trust list, the system settings and the code-engine
// configuration (code styles, categories, numbering rules, subjects); called by addRoutes.
void addKeyRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

#pragma once

namespace citycode::server {

class Router;
struct ApiServices;

// The route table of static codes (002 §5.3.2.4, §8.1): /admin/v1/static-codes and its
// operations for the console, /staticCode/* for apps; called once by addRoutes().
void addStaticCodeRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

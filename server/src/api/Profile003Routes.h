#pragma once

namespace citycode::server {

class Router;
struct ApiServices;

// The routes of the 003 Appendix B profile, under /profile003/ (docs/open-api-profile-003.md).
void addProfile003Routes(Router& router, const ApiServices& services);

} // namespace citycode::server

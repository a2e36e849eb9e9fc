#pragma once

namespace citycode::server {

class Router;
struct ApiServices;

// The open API routes of 001 §5 (docs/open-api.md). They are public for the Router (no admin
// session); each handler authenticates the signed request itself.
void addOpenApiRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

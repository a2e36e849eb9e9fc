#pragma once

namespace citycode::server {

class HealthService;
class Router;

// The services the HTTP API calls; owned by ServerApp and alive while the server runs.
struct ApiServices
{
    HealthService& health;
};

// Fills the route table: one line per endpoint (method, path, handler).
void addRoutes(Router& router, const ApiServices& services);

} // namespace citycode::server

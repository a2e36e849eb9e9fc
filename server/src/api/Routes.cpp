#include "api/Routes.h"

#include "api/HealthHandler.h"
#include "http/Router.h"

#include <memory>

namespace citycode::server {

void addRoutes(Router& router, const ApiServices& services)
{
    auto health = std::make_shared<HealthHandler>(services.health);

    router.add("GET", "/health", [health](Exchange& e) { health->get(e); });
}

} // namespace citycode::server

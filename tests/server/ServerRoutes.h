#pragma once

#include <string>
#include <vector>

namespace citycode::test {

// One line of the server's route table as the tests see it.
struct RouteEntry
{
    std::string method;
    std::string pattern;    // e.g. "/admin/v1/platforms/{id}"
    bool isPublic = false;  // no session needed
    std::string permission; // the menu permission key, or empty
};

// The real route table of citycode-server: api/Routes.cpp's addRoutes() run on a Router with the
// server's real services over a scratch SQLite database (they are only constructed, never
// called). For TestOpenApi and TestTenantIsolation, so that a new route is checked the day it is
// added.
class ServerRoutes
{
public:
    static std::vector<RouteEntry> all();
};

} // namespace citycode::test

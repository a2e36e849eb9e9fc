#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 2: sessions, captchas, login throttling, the menu tree (seeded with
// the console's navigation and its permission keys), roles, role menus, operator roles and the
// operation log. Kept apart from Migrations.cpp because the menu seed is long.
class AuthorisationSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server

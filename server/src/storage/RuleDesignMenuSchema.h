#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 8: the buttons that design code rules (create, edit, publish,
// delete) become main-platform menus, as the service has always required (001 §4.2.3: the main
// platform designs rules and pushes them into the sub-platforms' pools). A sub-platform's
// console then no longer offers actions its server refuses.
class RuleDesignMenuSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server

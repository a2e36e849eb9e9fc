#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 4: code specifications, code rules and their versions, the links
// of rules to apps, per-app generate/scan permissions and scanner terminals (001 §4.2,
// 000 §2.2.5, 002 §5.3.1.3), plus the permission keys (menus) of their admin routes.
class CodeEngineSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server

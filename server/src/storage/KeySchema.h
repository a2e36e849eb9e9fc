#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 5: code keys (sealed at rest), system settings, code styles, code
// categories, numbering rules with their database-allocated sequences, code subjects, and the
// permission keys of their admin screens. Kept apart from Migrations.cpp because it is long.
class KeySchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server

#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 7: static codes (002 §5.3.2.4, §8.1), their state history, the
// counter that numbers them, and the menu keys of the static code screens.
class StaticCodeSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server

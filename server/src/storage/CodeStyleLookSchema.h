#pragma once

#include <string>
#include <vector>

namespace citycode::server {

// The statements of migration 9: the symbol a code style draws (symbology, error-correction
// level, quiet zone, module size, print size, logo area) next to its colours and logo, so that
// the server issues a rule's code exactly as the console's style designer shows it.
class CodeStyleLookSchema
{
public:
    static std::vector<std::string> statements();
};

} // namespace citycode::server

#pragma once

#include <string>
#include <vector>

namespace citycode::cli {

// Returns the process exit status; throws UsageError or common::Error.
int runQr(const std::vector<std::string>& args);

} // namespace citycode::cli

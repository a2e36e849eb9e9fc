#pragma once

#include <string>
#include <vector>

namespace citycode::cli {

// Each returns the process exit status; throws UsageError or common::Error.
int runKeygen(const std::vector<std::string>& args);
int runPubkey(const std::vector<std::string>& args);
int runSign(const std::vector<std::string>& args);
int runVerify(const std::vector<std::string>& args);
int runSm3(const std::vector<std::string>& args);

} // namespace citycode::cli

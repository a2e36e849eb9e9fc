#pragma once

#include <string>
#include <vector>

namespace citycode::cli {

// Emergency codes and trust lists (003 §7.2.2). Each returns the exit status; throws
// UsageError or common::Error.
int runSignCode(const std::vector<std::string>& args);
int runTrustList(const std::vector<std::string>& args);
int runVerifyCode(const std::vector<std::string>& args);

} // namespace citycode::cli

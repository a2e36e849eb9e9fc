#pragma once

#include <string>

namespace citycode::server {

// The X-Request-Id of every answer and log line: 32 hex characters, a random 64-bit prefix drawn
// once per process followed by a 64-bit counter, so ids are unique across nodes and restarts
// without coordination, and cost no random-generator call per request (they are names for
// support, not secrets: nothing is authorised by knowing one).
std::string nextRequestId();

} // namespace citycode::server

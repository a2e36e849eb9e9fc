#pragma once

#include "services/Principal.h"

#include <optional>
#include <string>

namespace citycode::server {

// Turns the bearer token of a request into the Principal calling it. The Router asks it for every
// route that is not public; the session service implements it.
class Authenticator
{
public:
    virtual ~Authenticator() = default;

    // The principal of a live session, with remoteAddress filled in; nothing for an unknown,
    // ended or expired token. Must be thread-safe: every worker thread calls it.
    virtual std::optional<Principal> authenticate(const std::string& token, const std::string& remoteAddress) = 0;
};

} // namespace citycode::server

#pragma once

#include <Poco/Types.h>

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// One failed-login counter ("account:NAME" or "address:IP").
struct LoginFailures
{
    Poco::Int64 failures = 0;
    std::string windowStartedAt;
    std::string blockedUntil; // empty: not blocked
};

// The login_failures table on the caller's session.
class LoginFailureRepository
{
public:
    explicit LoginFailureRepository(Poco::Data::Session& session) : m_session(session) {}

    std::optional<LoginFailures> find(const std::string& key);
    void save(const std::string& key, const LoginFailures& failures);
    void remove(const std::string& key);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

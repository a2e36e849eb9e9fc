#pragma once

#include "citycode/common/Error.h"
#include "services/AuthSettings.h"

#include <string>

namespace citycode::server {

class Database;

// Thrown while an account or address must wait before its next login attempt; the handler
// answers 429 LOGIN_THROTTLED with Retry-After (RFC 9110 §10.2.3) in seconds.
class LoginThrottled : public common::Error
{
public:
    explicit LoginThrottled(long long retryAfterSeconds)
        : common::Error("LOGIN_THROTTLED",
                        "too many failed logins; try again in " + std::to_string(retryAfterSeconds) + " s"),
          m_retryAfterSeconds(retryAfterSeconds)
    {
    }

    long long retryAfterSeconds() const { return m_retryAfterSeconds; }

private:
    long long m_retryAfterSeconds;
};

// Slows down password guessing per account and per address (QUALITY.md): failures are counted
// in the database (shared by all nodes) within a window; beyond the free failures each attempt
// waits exponentially longer, up to a cap. The wait ends by itself and a window without failures
// resets the count, so an attacker can delay the real user but never lock them out for good.
class LoginThrottle
{
public:
    LoginThrottle(Database& database, const AuthSettings& settings) : m_database(database), m_settings(settings) {}

    // Throws LoginThrottled while the account or the address has to wait.
    void check(const std::string& username, const std::string& address);
    void recordFailure(const std::string& username, const std::string& address);
    // A correct password clears the account's count (not the address's: one known account must
    // not give an attacker fresh guesses at the others).
    void recordSuccess(const std::string& username);

private:
    Database& m_database;
    AuthSettings m_settings;
};

} // namespace citycode::server

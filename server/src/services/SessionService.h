#pragma once

#include "http/Authenticator.h"
#include "services/AuthSettings.h"

#include <Poco/Types.h>

#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

class Database;

// A new session's bearer token, shown to the client once.
struct IssuedSession
{
    Poco::Int64 id = 0;
    std::string token;
    std::string expiresAt;
};

// Console sessions (QUALITY.md "Administrators and tenants"): tokens of 256 random bits, stored as
// their SHA-256 only; ended at logout, when a new login replaces them, when the operator is
// disabled, deleted or its password reset, after the idle and the absolute timeout. Sessions
// live in the database so that any server node can serve any request. Thread-safe.
class SessionService : public Authenticator
{
public:
    SessionService(Database& database, const AuthSettings& settings) : m_database(database), m_settings(settings) {}

    // Ends the operator's other sessions and opens a new one, on the caller's session (so it is
    // part of the login transaction).
    IssuedSession open(Poco::Data::Session& session, Poco::Int64 operatorId, const std::string& remoteAddress);

    std::optional<Principal> authenticate(const std::string& token, const std::string& remoteAddress) override;

    void end(Poco::Int64 sessionId);
    // Ends every session of the operator except `keep` (0: all), on the caller's session.
    static void endAllOf(Poco::Data::Session& session, Poco::Int64 operatorId, Poco::Int64 keep = 0);

    static std::string hashToken(const std::string& token);

private:
    Database& m_database;
    AuthSettings m_settings;
};

} // namespace citycode::server

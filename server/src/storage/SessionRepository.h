#pragma once

#include <Poco/Types.h>

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// A console session with what authenticating a request needs of its operator and platform.
struct SessionLookup
{
    Poco::Int64 id = 0;
    Poco::Int64 operatorId = 0;
    std::string lastSeenAt;
    std::string expiresAt;
    std::string username;
    Poco::Int64 platformId = 0;
    bool operatorEnabled = false;
    bool platformEnabled = false;
    bool mainPlatform = false;
    bool mustChangePassword = false;
    bool initialAdmin = false;
};

// The sessions table on the caller's session. Tokens are only ever seen as their hashes here.
class SessionRepository
{
public:
    explicit SessionRepository(Poco::Data::Session& session) : m_session(session) {}

    Poco::Int64 insert(const std::string& tokenHash, Poco::Int64 operatorId, const std::string& remoteAddress,
                       const std::string& createdAt, const std::string& expiresAt);
    std::optional<SessionLookup> findByTokenHash(const std::string& tokenHash);
    void touch(Poco::Int64 id, const std::string& at);
    void remove(Poco::Int64 id);
    // Ends every session of the operator, except `keep` (0: none).
    void removeForOperator(Poco::Int64 operatorId, Poco::Int64 keep = 0);
    // Deletes sessions idle since before `idleBefore` or expired before `now`.
    void removeStale(const std::string& idleBefore, const std::string& now);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

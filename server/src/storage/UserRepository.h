#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Types.h>

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

class Database;

// A city user as stored: the three elements sealed, each with its search hash.
struct StoredUser
{
    Poco::Int64 id = 0;
    Poco::Int64 platformId = 0;
    Poco::Int64 appId = 0;
    std::string nameSealed, nameHash;
    std::string idNumberSealed, idNumberHash;
    std::string phoneSealed, phoneHash;
    std::string certType;
    bool enabled = true;
};

// SQL of the city_users table (migration 6).
class UserRepository
{
public:
    explicit UserRepository(Poco::Data::Session& session) : m_session(session) {}

    std::optional<StoredUser> byId(Poco::Int64 id);
    // Whether user `id` exists and is enabled, without reading its sealed fields (show and verify
    // ask this on every request).
    bool isEnabled(Poco::Int64 id);
    std::optional<StoredUser> byIdNumberHash(const std::string& hash);

    // byId and isEnabled for the open API's show and verify, outside any transaction: on SQLite
    // through Database::sqliteReads() (no pooled session), on PostgreSQL through a pooled session.
    static std::optional<StoredUser> byId(Database& database, Poco::Int64 id);
    static bool isEnabled(Database& database, Poco::Int64 id);

    // Inserts unless a user with this ID number exists (ON CONFLICT DO NOTHING); returns the id
    // of the new or the existing user.
    Poco::Int64 insertOrFind(const StoredUser& user);

private:
    std::optional<StoredUser> one(const std::string& where, const Poco::Dynamic::Var& value);

    Poco::Data::Session& m_session;
};

} // namespace citycode::server

#pragma once

#include "storage/ListQuery.h"

#include <Poco/Types.h>

#include <optional>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// A console account as created (001 §4.12). passwordHash is the output of Passwords::hash;
// no clear-text password ever reaches storage.
struct NewOperator
{
    Poco::Int64 platformId = 0;
    std::string username;
    std::string displayName;
    std::string passwordHash;
    bool mustChangePassword = false;
    bool initialAdmin = false;
};

// An operator as stored, with what login and scope checks need of its platform.
struct OperatorRecord
{
    Poco::Int64 id = 0;
    Poco::Int64 platformId = 0;
    std::string platformName;
    bool mainPlatform = false;
    bool platformEnabled = false;
    std::string username;
    std::string displayName;
    std::string passwordHash;
    bool enabled = false;
    bool mustChangePassword = false;
    bool initialAdmin = false;
};

// Reads and writes the operators table on the caller's session (so it can share a transaction).
class OperatorRepository
{
public:
    explicit OperatorRepository(Poco::Data::Session& session) : m_session(session) {}

    // Inserts an enabled operator and returns its id. Throws Poco::Data exceptions on constraint
    // violations (duplicate user name, unknown platform).
    Poco::Int64 insert(const NewOperator& account);

    // User names are compared exactly (they are stored as typed).
    std::optional<OperatorRecord> findByUsername(const std::string& username);
    std::optional<OperatorRecord> findById(Poco::Int64 id);

    void setPassword(Poco::Int64 id, const std::string& passwordHash, bool mustChangePassword);
    void setStatus(Poco::Int64 id, bool enabled);
    void setDisplayName(Poco::Int64 id, const std::string& displayName);
    // Deletes the operator with its sessions and role assignments. Throws Poco::Data exceptions
    // when other records still refer to it.
    void remove(Poco::Int64 id);

    // A page of operators (fields id, username, displayName, platformId, platformName, status,
    // mustChangePassword, createdAt, updatedAt) within the scope; filters username, displayName
    // (substring), status, platformId, createdFrom/createdTo.
    ListPage list(const ListQuery& query, std::optional<Poco::Int64> scopePlatform);
    // The same fields for one operator, nullptr when not in the scope.
    Poco::JSON::Object::Ptr detail(Poco::Int64 id, std::optional<Poco::Int64> scopePlatform);
    static std::vector<std::string> listFilters();

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace citycode::server {

class Database;

// Console operators (001 §4.12.1 操作员管理): list, detail, create with roles and a one-time
// password, edit, delete, batch delete, enable/disable, reset password. Scope: a sub-platform
// operator sees and changes only its own platform's operators and grants only roles whose
// permissions it holds itself; the initial administrator only creates main-platform operators
// (PRODUCT.md "Users"). Disabling, deleting and resetting end the operator's sessions. Records
// outside the scope are answered NOT_FOUND, like missing ones.
class OperatorService
{
public:
    explicit OperatorService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    static std::vector<std::string> listFilters();
    // The list fields plus "roles": [{id, name, code}].
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // body {username, displayName, platformId?, roleIds?, status?} -> {operator, oneTimePassword}.
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& body);
    // body {displayName?, roleIds?, status?}
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& body);
    // Deletes all or nothing; returns how many were deleted.
    std::size_t remove(const Principal& principal, const std::vector<Poco::Int64>& ids);
    void setEnabled(const Principal& principal, Poco::Int64 id, bool enabled);
    // A new one-time password, shown once; it must be changed at the next login.
    std::string resetPassword(const Principal& principal, Poco::Int64 id);

private:
    Database& m_database;
};

} // namespace citycode::server

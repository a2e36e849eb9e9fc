#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace citycode::server {

class Database;

// Roles with function permissions (001 §4.12.1 角色管理): list, detail with menu ids, create,
// edit, delete, batch delete, the role's menus. Scope: a sub-platform operator manages only its
// own platform's roles; nobody puts a permission into a role that they do not hold themselves,
// and sub-platform roles never hold main-only menus. Built-in roles are read-only; a role still
// given to operators is not deleted (ROLE_IN_USE).
class RoleService
{
public:
    explicit RoleService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    static std::vector<std::string> listFilters();
    // The list fields plus "menuIds".
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // body {name, code, description?, status?, platformId?, menuIds?}
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& body);
    // body {name?, description?, status?, menuIds?}
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& body);
    std::size_t remove(const Principal& principal, const std::vector<Poco::Int64>& ids);

private:
    Database& m_database;
};

} // namespace citycode::server

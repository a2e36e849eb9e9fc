#pragma once

#include "storage/ListQuery.h"

#include <Poco/Types.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// A role as stored (001 §4.12.1 角色管理).
struct RoleRecord
{
    Poco::Int64 id = 0;
    Poco::Int64 platformId = 0;
    std::string name;
    std::string code;
    std::string description;
    bool builtin = false;
    bool enabled = true;
};

// The roles, role_menus and operator_roles tables on the caller's session, and the permissions
// an operator's roles give.
class RoleRepository
{
public:
    // Codes of the built-in roles: every menu (main platform) or every menu a sub-platform may hold.
    static constexpr char kSuperAdmin[] = "super_admin";
    static constexpr char kPlatformAdmin[] = "platform_admin";

    explicit RoleRepository(Poco::Data::Session& session) : m_session(session) {}

    Poco::Int64 insert(const RoleRecord& role);
    void update(const RoleRecord& role); // name, description, status
    std::optional<RoleRecord> find(Poco::Int64 id);
    std::optional<RoleRecord> findByCode(Poco::Int64 platformId, const std::string& code);
    // Deletes the role and its menus; callers check countOperators() first.
    void remove(Poco::Int64 id);
    Poco::Int64 countOperators(Poco::Int64 roleId);

    // The permission keys a role gives (built-in roles: all menus, or all a sub-platform may hold).
    std::set<std::string> permissionsOfRole(const RoleRecord& role);

    std::vector<Poco::Int64> menuIds(Poco::Int64 roleId);
    void setMenus(Poco::Int64 roleId, const std::vector<Poco::Int64>& menuIds);

    std::vector<RoleRecord> rolesOf(Poco::Int64 operatorId);
    void setOperatorRoles(Poco::Int64 operatorId, const std::vector<Poco::Int64>& roleIds);

    // The permission keys of the enabled menus the operator's enabled roles give. Main-only menus
    // count only for main-platform operators, whatever a role holds.
    std::set<std::string> permissionsOf(Poco::Int64 operatorId, bool mainPlatform);

    // Fields id, platformId, platformName, name, code, description, builtin, status, createdAt,
    // updatedAt; filters name, code (substring), status, platformId, createdFrom/createdTo.
    ListPage list(const ListQuery& query, std::optional<Poco::Int64> scopePlatform);
    Poco::JSON::Object::Ptr detail(Poco::Int64 id, std::optional<Poco::Int64> scopePlatform);
    static std::vector<std::string> listFilters();

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

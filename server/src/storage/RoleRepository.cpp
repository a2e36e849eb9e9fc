#include "storage/RoleRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

namespace {

const ViewSpec& roleView()
{
    static const ViewSpec view{"roles r JOIN platforms p ON p.id = r.platform_id",
                               "r.id",
                               "r.platform_id",
                               "r.created_at",
                               "r.id ASC",
                               {
                                   {"id", "r.id", FilterKind::Integer, true},
                                   {"platformId", "r.platform_id", FilterKind::Integer, true},
                                   {"platformName", "p.name", FilterKind::None, false},
                                   {"name", "r.name", FilterKind::Like, true},
                                   {"code", "r.code", FilterKind::Like, true},
                                   {"description", "r.description", FilterKind::None, false},
                                   {"builtin", "r.builtin", FilterKind::None, false},
                                   {"status", "r.status", FilterKind::Exact, true},
                                   {"createdAt", "r.created_at", FilterKind::None, true},
                                   {"updatedAt", "r.updated_at", FilterKind::None, true},
                               }};
    return view;
}

RoleRecord toRole(const Poco::JSON::Object::Ptr& row)
{
    RoleRecord role;
    role.id = row->getValue<Poco::Int64>("id");
    role.platformId = row->getValue<Poco::Int64>("platform_id");
    role.name = row->getValue<std::string>("name");
    role.code = row->getValue<std::string>("code");
    role.description = row->getValue<std::string>("description");
    role.builtin = row->getValue<Poco::Int64>("builtin") != 0;
    role.enabled = row->getValue<std::string>("status") == "enabled";
    return role;
}

constexpr char kRoleColumns[] = "SELECT r.id, r.platform_id, r.name, r.code, r.description, r.builtin, r.status"
                                " FROM roles r ";

} // namespace

Poco::Int64 RoleRepository::insert(const RoleRecord& role)
{
    return RecordStore(m_session).insert("roles", {{"platform_id", role.platformId},
                                                   {"name", role.name},
                                                   {"code", role.code},
                                                   {"description", role.description},
                                                   {"builtin", static_cast<Poco::Int64>(role.builtin ? 1 : 0)},
                                                   {"status", std::string(role.enabled ? "enabled" : "disabled")}});
}

void RoleRepository::update(const RoleRecord& role)
{
    RecordStore(m_session).update("roles", role.id,
                                  {{"name", role.name},
                                   {"description", role.description},
                                   {"status", std::string(role.enabled ? "enabled" : "disabled")}});
}

std::optional<RoleRecord> RoleRepository::find(Poco::Int64 id)
{
    const auto rows = RecordStore(m_session).select(std::string(kRoleColumns) + "WHERE r.id = $1", {id});
    if (rows.empty())
        return std::nullopt;
    return toRole(rows.front());
}

std::optional<RoleRecord> RoleRepository::findByCode(Poco::Int64 platformId, const std::string& code)
{
    const auto rows = RecordStore(m_session).select(
        std::string(kRoleColumns) + "WHERE r.platform_id = $1 AND r.code = $2", {platformId, code});
    if (rows.empty())
        return std::nullopt;
    return toRole(rows.front());
}

void RoleRepository::remove(Poco::Int64 id)
{
    RecordStore store(m_session);
    store.execute("DELETE FROM role_menus WHERE role_id = $1", {id});
    store.execute("DELETE FROM operator_roles WHERE role_id = $1", {id});
    store.execute("DELETE FROM roles WHERE id = $1", {id});
}

Poco::Int64 RoleRepository::countOperators(Poco::Int64 roleId)
{
    return RecordStore(m_session).scalar("SELECT COUNT(*) FROM operator_roles WHERE role_id = $1", {roleId});
}

std::set<std::string> RoleRepository::permissionsOfRole(const RoleRecord& role)
{
    std::string sql = "SELECT m.permission FROM menus m";
    std::vector<SqlValue> values;
    if (!role.builtin) {
        sql += " JOIN role_menus rm ON rm.menu_id = m.id WHERE rm.role_id = $1";
        values.emplace_back(role.id);
    } else if (role.code != kSuperAdmin) {
        sql += " WHERE m.main_only = 0";
    }
    std::set<std::string> permissions;
    for (const auto& row : RecordStore(m_session).select(sql, values))
        permissions.insert(row->getValue<std::string>("permission"));
    return permissions;
}

std::vector<Poco::Int64> RoleRepository::menuIds(Poco::Int64 roleId)
{
    std::vector<Poco::Int64> ids;
    for (const auto& row :
         RecordStore(m_session).select("SELECT menu_id FROM role_menus WHERE role_id = $1 ORDER BY menu_id", {roleId}))
        ids.push_back(row->getValue<Poco::Int64>("menu_id"));
    return ids;
}

void RoleRepository::setMenus(Poco::Int64 roleId, const std::vector<Poco::Int64>& menuIds)
{
    RecordStore store(m_session);
    store.execute("DELETE FROM role_menus WHERE role_id = $1", {roleId});
    for (const Poco::Int64 menuId : menuIds)
        store.execute("INSERT INTO role_menus (role_id, menu_id) VALUES ($1, $2)", {roleId, menuId});
}

std::vector<RoleRecord> RoleRepository::rolesOf(Poco::Int64 operatorId)
{
    std::vector<RoleRecord> roles;
    for (const auto& row : RecordStore(m_session).select(
             std::string(kRoleColumns) +
                 "JOIN operator_roles o ON o.role_id = r.id WHERE o.operator_id = $1 ORDER BY r.id",
             {operatorId}))
        roles.push_back(toRole(row));
    return roles;
}

void RoleRepository::setOperatorRoles(Poco::Int64 operatorId, const std::vector<Poco::Int64>& roleIds)
{
    RecordStore store(m_session);
    store.execute("DELETE FROM operator_roles WHERE operator_id = $1", {operatorId});
    for (const Poco::Int64 roleId : roleIds)
        store.execute("INSERT INTO operator_roles (operator_id, role_id) VALUES ($1, $2)", {operatorId, roleId});
}

std::set<std::string> RoleRepository::permissionsOf(Poco::Int64 operatorId, bool mainPlatform)
{
    // Menus of the operator's enabled roles, plus every menu for a built-in role (all menus for
    // super_admin, the non-main-only ones for platform_admin).
    const auto rows = RecordStore(m_session).select(
        "SELECT m.permission, m.main_only FROM menus m WHERE m.status = 'enabled' AND ("
        " m.id IN (SELECT rm.menu_id FROM role_menus rm JOIN roles r ON r.id = rm.role_id"
        "  JOIN operator_roles o ON o.role_id = r.id WHERE o.operator_id = $1 AND r.status = 'enabled')"
        " OR EXISTS (SELECT 1 FROM roles r JOIN operator_roles o ON o.role_id = r.id"
        "  WHERE o.operator_id = $2 AND r.status = 'enabled' AND r.builtin = 1"
        "  AND (r.code = 'super_admin' OR m.main_only = 0)))",
        {operatorId, operatorId});
    std::set<std::string> permissions;
    for (const auto& row : rows) {
        if (mainPlatform || row->getValue<Poco::Int64>("main_only") == 0)
            permissions.insert(row->getValue<std::string>("permission"));
    }
    return permissions;
}

ListPage RoleRepository::list(const ListQuery& query, std::optional<Poco::Int64> scopePlatform)
{
    return RecordStore(m_session).list(roleView(), query, scopePlatform);
}

Poco::JSON::Object::Ptr RoleRepository::detail(Poco::Int64 id, std::optional<Poco::Int64> scopePlatform)
{
    return RecordStore(m_session).find(roleView(), id, scopePlatform);
}

std::vector<std::string> RoleRepository::listFilters()
{
    return roleView().filterNames();
}

} // namespace citycode::server

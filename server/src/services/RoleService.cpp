#include "services/RoleService.h"

#include "citycode/common/Error.h"
#include "services/BaseConfigSupport.h"
#include "services/OperationLog.h"
#include "storage/Database.h"
#include "storage/MenuRepository.h"
#include "storage/RoleRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include <map>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

std::vector<Poco::Int64> idArray(const Poco::JSON::Object& body, const std::string& field)
{
    std::vector<Poco::Int64> ids;
    const auto array = body.getArray(field);
    if (!array)
        throw common::Error("BAD_REQUEST", field + " must be an array of ids");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto value = array->get(static_cast<unsigned>(i));
        if (!value.isInteger())
            throw common::Error("BAD_REQUEST", field + " must be an array of ids");
        ids.push_back(value.convert<Poco::Int64>());
    }
    return ids;
}

// Checks that the menus exist, that the caller holds each of them, and that a sub-platform
// role gets no main-only menu.
void checkMenus(Poco::Data::Session& session, const Principal& principal, bool mainPlatformRole,
                const std::vector<Poco::Int64>& menuIds)
{
    std::map<Poco::Int64, MenuRecord> menus;
    for (const MenuRecord& menu : MenuRepository(session).all())
        menus[menu.id] = menu;
    for (const Poco::Int64 id : menuIds) {
        const auto it = menus.find(id);
        if (it == menus.end())
            throw common::Error("BAD_REQUEST", "menu " + std::to_string(id) + " does not exist");
        if (!principal.has(it->second.permission))
            throw common::Error("FORBIDDEN", "you cannot grant " + it->second.permission + ", which you do not hold");
        if (it->second.mainOnly && !mainPlatformRole)
            throw common::Error("BAD_REQUEST", it->second.permission + " is for main-platform roles only");
    }
}

RoleRecord scoped(RoleRepository& roles, const Principal& principal, Poco::Int64 id)
{
    const auto role = roles.find(id);
    if (!role || !principal.canAccessPlatform(role->platformId))
        throw common::Error("NOT_FOUND", "role not found");
    return *role;
}

bool isMainPlatform(Poco::Data::Session& session, Poco::Int64 platformId)
{
    // The one main platform is the only one whose roles may hold main-only menus.
    return RoleRepository(session).findByCode(platformId, RoleRepository::kSuperAdmin).has_value();
}

} // namespace

ListPage RoleService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RoleRepository(session).list(query, Support::scopeOf(principal));
}

std::vector<std::string> RoleService::listFilters()
{
    return RoleRepository::listFilters();
}

Poco::JSON::Object::Ptr RoleService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    RoleRepository roles(session);
    auto record = Support::found(roles.detail(id, Support::scopeOf(principal)), "role");
    Poco::JSON::Array::Ptr menuIds = new Poco::JSON::Array;
    for (const Poco::Int64 menuId : roles.menuIds(id))
        menuIds->add(menuId);
    record->set("menuIds", menuIds);
    return record;
}

Poco::JSON::Object::Ptr RoleService::create(const Principal& principal, const Poco::JSON::Object& body)
{
    RoleRecord role;
    role.name = *Support::text(body, "name", true, 100);
    role.code = *Support::text(body, "code", true, 64);
    role.description = Support::text(body, "description", false, 500).value_or("");
    role.enabled = Support::status(body, false).value_or("enabled") == "enabled";
    role.platformId = Support::integer(body, "platformId", false).value_or(principal.platformId);
    if (!principal.canAccessPlatform(role.platformId))
        throw common::Error("NOT_FOUND", "platform not found");
    const std::vector<Poco::Int64> menuIds =
        body.has("menuIds") && !body.isNull("menuIds") ? idArray(body, "menuIds") : std::vector<Poco::Int64>{};

    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    RoleRepository roles(session);
    if (roles.findByCode(role.platformId, role.code))
        throw common::Error("ROLE_CODE_TAKEN", "the platform has a role with this code");
    checkMenus(session, principal, isMainPlatform(session, role.platformId), menuIds);
    try {
        role.id = roles.insert(role);
    } catch (const Poco::Exception&) {
        throw common::Error("NOT_FOUND", "platform not found");
    }
    roles.setMenus(role.id, menuIds);
    OperationLog::record(session, principal, "role.create", "role", std::to_string(role.id), role.code);
    transaction.commit();
    return get(principal, role.id);
}

Poco::JSON::Object::Ptr RoleService::update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& body)
{
    {
        Poco::Data::Session session = m_database.session();
        Transaction transaction(session);
        RoleRepository roles(session);
        RoleRecord role = scoped(roles, principal, id);
        if (role.builtin)
            throw common::Error("ROLE_BUILTIN", "built-in roles cannot be changed");
        role.name = Support::text(body, "name", false, 100).value_or(role.name);
        if (role.name.empty())
            throw common::Error("BAD_REQUEST", "name must not be empty");
        role.description = Support::text(body, "description", false, 500).value_or(role.description);
        if (const auto status = Support::status(body, false))
            role.enabled = *status == "enabled";
        roles.update(role);
        if (body.has("menuIds")) {
            const std::vector<Poco::Int64> menuIds = idArray(body, "menuIds");
            checkMenus(session, principal, isMainPlatform(session, role.platformId), menuIds);
            roles.setMenus(id, menuIds);
        }
        OperationLog::record(session, principal, "role.update", "role", std::to_string(id), role.code);
        transaction.commit();
    }
    return get(principal, id);
}

std::size_t RoleService::remove(const Principal& principal, const std::vector<Poco::Int64>& ids)
{
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    RoleRepository roles(session);
    for (const Poco::Int64 id : ids) {
        const RoleRecord role = scoped(roles, principal, id);
        if (role.builtin)
            throw common::Error("ROLE_BUILTIN", "built-in roles cannot be deleted");
        if (roles.countOperators(id) > 0)
            throw common::Error("ROLE_IN_USE", "role " + role.code + " is still given to operators");
        roles.remove(id);
        OperationLog::record(session, principal, "role.delete", "role", std::to_string(id), role.code);
    }
    transaction.commit();
    return ids.size();
}

} // namespace citycode::server

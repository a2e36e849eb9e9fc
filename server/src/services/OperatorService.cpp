#include "services/OperatorService.h"

#include "citycode/common/Error.h"
#include "services/BaseConfigSupport.h"
#include "services/OperationLog.h"
#include "services/Passwords.h"
#include "services/SessionService.h"
#include "storage/Database.h"
#include "storage/OperatorRepository.h"
#include "storage/RoleRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include <algorithm>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

// User names: letters, digits, '.', '_', '-' (they appear in logs and file names).
void checkUsername(const std::string& username)
{
    const bool valid = username.size() >= 3 && username.size() <= 64 &&
                       std::all_of(username.begin(), username.end(),
                                   [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; });
    if (!valid)
        throw common::Error("BAD_REQUEST", "username: 3 to 64 letters, digits, '.', '_' or '-'");
}

// The operator `id` within the caller's scope; NOT_FOUND otherwise.
OperatorRecord scoped(OperatorRepository& operators, const Principal& principal, Poco::Int64 id)
{
    const auto found = operators.findById(id);
    if (!found || !principal.canAccessPlatform(found->platformId))
        throw common::Error("NOT_FOUND", "operator not found");
    return *found;
}

// Checks that every role exists on `platformId` and gives only permissions the caller holds.
void checkGrantable(RoleRepository& roles, const Principal& principal, Poco::Int64 platformId,
                    const std::vector<Poco::Int64>& roleIds)
{
    for (const Poco::Int64 roleId : roleIds) {
        const auto role = roles.find(roleId);
        if (!role || role->platformId != platformId)
            throw common::Error("BAD_REQUEST", "role " + std::to_string(roleId) + " is not a role of that platform");
        for (const std::string& permission : roles.permissionsOfRole(*role)) {
            if (!principal.has(permission))
                throw common::Error("FORBIDDEN", "role " + role->code + " gives the permission " + permission +
                                                     ", which you do not hold yourself");
        }
    }
}

Poco::JSON::Object::Ptr withRoles(Poco::Data::Session& session, Poco::JSON::Object::Ptr record, Poco::Int64 id)
{
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const RoleRecord& role : RoleRepository(session).rolesOf(id)) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("id", role.id);
        item->set("name", role.name);
        item->set("code", role.code);
        list->add(item);
    }
    record->set("roles", list);
    return record;
}

} // namespace

ListPage OperatorService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return OperatorRepository(session).list(query, Support::scopeOf(principal));
}

std::vector<std::string> OperatorService::listFilters()
{
    return OperatorRepository::listFilters();
}

Poco::JSON::Object::Ptr OperatorService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    const auto record = Support::found(OperatorRepository(session).detail(id, Support::scopeOf(principal)), "operator");
    return withRoles(session, record, id);
}

Poco::JSON::Object::Ptr OperatorService::create(const Principal& principal, const Poco::JSON::Object& body)
{
    const std::string username = *Support::text(body, "username", true, 64);
    checkUsername(username);
    const std::string displayName = *Support::text(body, "displayName", true, 100);
    const Poco::Int64 platformId = Support::integer(body, "platformId", false).value_or(principal.platformId);
    const auto status = Support::status(body, false);
    const std::vector<Poco::Int64> roleIds = [&] {
        std::vector<Poco::Int64> ids;
        if (body.has("roleIds") && !body.isNull("roleIds")) {
            const auto array = body.getArray("roleIds");
            if (!array)
                throw common::Error("BAD_REQUEST", "roleIds must be an array of ids");
            for (std::size_t i = 0; i < array->size(); ++i) {
                const auto value = array->get(static_cast<unsigned>(i));
                if (!value.isInteger())
                    throw common::Error("BAD_REQUEST", "roleIds must be an array of ids");
                ids.push_back(value.convert<Poco::Int64>());
            }
        }
        return ids;
    }();
    // A platform id outside the scope is answered like a missing platform.
    if (!principal.canAccessPlatform(platformId))
        throw common::Error("NOT_FOUND", "platform not found");
    if (principal.initialAdmin && platformId != principal.platformId)
        throw common::Error("FORBIDDEN", "the initial administrator only creates main-platform administrators");

    const std::string password = Passwords::generate();
    const std::string hash = Passwords::hash(password); // before the write lock: it takes 0.15 s
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    OperatorRepository operators(session);
    RoleRepository roles(session);
    if (operators.findByUsername(username))
        throw common::Error("USERNAME_TAKEN", "an operator with this user name exists");
    checkGrantable(roles, principal, platformId, roleIds);
    NewOperator account;
    account.platformId = platformId;
    account.username = username;
    account.displayName = displayName;
    account.passwordHash = hash;
    account.mustChangePassword = true;
    Poco::Int64 id = 0;
    try {
        id = operators.insert(account);
    } catch (const Poco::Exception&) {
        // No such platform (the foreign key), for a main-platform caller.
        throw common::Error("NOT_FOUND", "platform not found");
    }
    if (status && *status == "disabled")
        operators.setStatus(id, false);
    roles.setOperatorRoles(id, roleIds);
    OperationLog::record(session, principal, "operator.create", "operator", std::to_string(id), username);
    Poco::JSON::Object::Ptr answer = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    answer->set("operator", withRoles(session, operators.detail(id, std::nullopt), id));
    answer->set("oneTimePassword", password);
    transaction.commit();
    return answer;
}

Poco::JSON::Object::Ptr OperatorService::update(const Principal& principal, Poco::Int64 id,
                                                const Poco::JSON::Object& body)
{
    const auto displayName = Support::text(body, "displayName", false, 100);
    const auto status = Support::status(body, false);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    OperatorRepository operators(session);
    RoleRepository roles(session);
    const OperatorRecord target = scoped(operators, principal, id);
    if (displayName) {
        if (displayName->empty())
            throw common::Error("BAD_REQUEST", "displayName must not be empty");
        operators.setDisplayName(id, *displayName);
    }
    if (body.has("roleIds")) {
        if (id == principal.operatorId)
            throw common::Error("OPERATOR_SELF", "you cannot change your own roles");
        std::vector<Poco::Int64> roleIds;
        const auto array = body.getArray("roleIds");
        if (!array)
            throw common::Error("BAD_REQUEST", "roleIds must be an array of ids");
        for (std::size_t i = 0; i < array->size(); ++i) {
            const auto value = array->get(static_cast<unsigned>(i));
            if (!value.isInteger())
                throw common::Error("BAD_REQUEST", "roleIds must be an array of ids");
            roleIds.push_back(value.convert<Poco::Int64>());
        }
        checkGrantable(roles, principal, target.platformId, roleIds);
        roles.setOperatorRoles(id, roleIds);
    }
    if (status && (*status == "enabled") != target.enabled) {
        if (id == principal.operatorId)
            throw common::Error("OPERATOR_SELF", "you cannot disable yourself");
        operators.setStatus(id, *status == "enabled");
        if (*status != "enabled")
            SessionService::endAllOf(session, id);
    }
    OperationLog::record(session, principal, "operator.update", "operator", std::to_string(id));
    const auto record = withRoles(session, operators.detail(id, std::nullopt), id);
    transaction.commit();
    return record;
}

std::size_t OperatorService::remove(const Principal& principal, const std::vector<Poco::Int64>& ids)
{
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    OperatorRepository operators(session);
    for (const Poco::Int64 id : ids) {
        const OperatorRecord target = scoped(operators, principal, id);
        if (id == principal.operatorId)
            throw common::Error("OPERATOR_SELF", "you cannot delete yourself");
        if (target.initialAdmin && !principal.initialAdmin)
            throw common::Error("FORBIDDEN", "the initial administrator can only be disabled");
        try {
            operators.remove(id);
        } catch (const Poco::Exception&) {
            throw common::Error("OPERATOR_IN_USE",
                                "operator " + target.username +
                                    " is referred to by other records (reviews, applications); disable it");
        }
        OperationLog::record(session, principal, "operator.delete", "operator", std::to_string(id), target.username);
    }
    transaction.commit();
    return ids.size();
}

void OperatorService::setEnabled(const Principal& principal, Poco::Int64 id, bool enabled)
{
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    OperatorRepository operators(session);
    scoped(operators, principal, id);
    if (id == principal.operatorId)
        throw common::Error("OPERATOR_SELF", "you cannot disable or enable yourself");
    operators.setStatus(id, enabled);
    if (!enabled)
        SessionService::endAllOf(session, id);
    OperationLog::record(session, principal, enabled ? "operator.enable" : "operator.disable", "operator",
                         std::to_string(id));
    transaction.commit();
}

std::string OperatorService::resetPassword(const Principal& principal, Poco::Int64 id)
{
    const std::string password = Passwords::generate();
    const std::string hash = Passwords::hash(password);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    OperatorRepository operators(session);
    scoped(operators, principal, id);
    if (id == principal.operatorId)
        throw common::Error("OPERATOR_SELF", "change your own password with the password change instead");
    operators.setPassword(id, hash, true);
    SessionService::endAllOf(session, id);
    OperationLog::record(session, principal, "operator.reset-password", "operator", std::to_string(id));
    transaction.commit();
    return password;
}

} // namespace citycode::server

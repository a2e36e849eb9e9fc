#include "services/PlatformService.h"

#include "services/BaseConfigSupport.h"
#include "services/Passwords.h"
#include "storage/BaseConfigRepository.h"
#include "storage/BaseConfigViews.h"
#include "storage/Database.h"
#include "storage/OperatorRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/URI.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

void checkServiceAddress(const std::string& address)
{
    if (address.empty())
        return;
    try {
        const Poco::URI uri(address);
        if ((uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty())
            return;
    } catch (const Poco::Exception&) {
    }
    throw common::Error("BAD_REQUEST", "serviceAddress must be an http:// or https:// URL");
}

// Operator user names: letters, digits, '.', '_', '-' (they appear in logs and URLs).
void checkUsername(const std::string& name)
{
    if (name.size() < 3 || name.size() > 32)
        throw common::Error("BAD_REQUEST", "adminUsername must have 3 to 32 characters");
    for (const char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            throw common::Error("BAD_REQUEST", "adminUsername may hold letters, digits, '.', '_' and '-' only");
    }
}

} // namespace

ListPage PlatformService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(BaseConfigViews::platforms(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr PlatformService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(BaseConfigViews::platforms(), id, Support::scopeOf(principal)),
                          "platform");
}

CreatedPlatform PlatformService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    Support::requireMainPlatform(principal, "create platforms");
    const std::string name = *Support::text(input, "name", true, 100);
    const std::string address = Support::text(input, "serviceAddress", false, 500).value_or("");
    const std::string username = *Support::text(input, "adminUsername", true, 32);
    checkServiceAddress(address);
    checkUsername(username);

    CreatedPlatform created;
    created.adminUsername = username;
    created.adminPassword = Passwords::generate();
    const std::string passwordHash = Passwords::hash(created.adminPassword); // before the write lock

    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    if (store.scalar("SELECT COUNT(*) FROM platforms WHERE name = $1", {name}) > 0)
        throw common::Error("PLATFORM_NAME_TAKEN", "a platform with this name exists");
    if (store.scalar("SELECT COUNT(*) FROM operators WHERE username = $1", {username}) > 0)
        throw common::Error("OPERATOR_NAME_TAKEN", "an operator with this user name exists");
    const Poco::Int64 id =
        store.insert("platforms", {{"kind", std::string("sub")}, {"name", name}, {"service_address", address}});
    NewOperator admin;
    admin.platformId = id;
    admin.username = username;
    admin.displayName = name + " administrator";
    admin.passwordHash = passwordHash;
    admin.mustChangePassword = true; // a one-time password (001 §4.4.3)
    const Poco::Int64 operatorId = OperatorRepository(session).insert(admin);
    repository.grantPlatformAdminRole(id, operatorId);
    created.platform = store.find(BaseConfigViews::platforms(), id, std::nullopt);
    transaction.commit();
    return created;
}

Poco::JSON::Object::Ptr PlatformService::update(const Principal& principal, Poco::Int64 id,
                                                const Poco::JSON::Object& input)
{
    const auto name = Support::text(input, "name", false, 100);
    const auto address = Support::text(input, "serviceAddress", false, 500);
    if (name && name->empty())
        throw common::Error("BAD_REQUEST", "name must not be empty");
    if (address)
        checkServiceAddress(*address);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    Support::found(store.find(BaseConfigViews::platforms(), id, Support::scopeOf(principal)), "platform");
    if (name && store.scalar("SELECT COUNT(*) FROM platforms WHERE name = $1 AND id <> $2", {*name, id}) > 0)
        throw common::Error("PLATFORM_NAME_TAKEN", "a platform with this name exists");
    std::vector<std::pair<std::string, SqlValue>> columns;
    if (name)
        columns.emplace_back("name", *name);
    if (address)
        columns.emplace_back("service_address", *address);
    store.update("platforms", id, columns);
    auto record = store.find(BaseConfigViews::platforms(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr PlatformService::setEnabled(const Principal& principal, Poco::Int64 id, bool enabled)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    const auto platform =
        Support::found(store.find(BaseConfigViews::platforms(), id, Support::scopeOf(principal)), "platform");
    // 001 §4.4.2 5): only main-platform operators enable or disable sub-platforms.
    Support::requireMainPlatform(principal, "enable or disable platforms");
    if (platform->getValue<std::string>("kind") == "main")
        throw common::Error("MAIN_PLATFORM_PROTECTED", "the main platform cannot be disabled");
    if (!enabled) {
        if (repository.countShelvedApps(id) > 0)
            throw common::Error("PLATFORM_APP_ON_SHELF",
                                "an app of this platform is on the user-facing shelf; unlist it first");
        repository.disableAppsOf(id);
    }
    store.update("platforms", id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
    auto record = store.find(BaseConfigViews::platforms(), id, std::nullopt);
    transaction.commit();
    return record;
}

void PlatformService::remove(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    const auto platform = Support::found(
        repository.store().find(BaseConfigViews::platforms(), id, Support::scopeOf(principal)), "platform");
    Support::requireMainPlatform(principal, "delete platforms");
    if (platform->getValue<std::string>("kind") == "main")
        throw common::Error("MAIN_PLATFORM_PROTECTED", "the main platform cannot be deleted");
    if (repository.countApps(id) > 0)
        throw common::Error("PLATFORM_HAS_APPS", "the platform has apps; delete them first");
    repository.deletePlatform(id);
    transaction.commit();
}

} // namespace citycode::server

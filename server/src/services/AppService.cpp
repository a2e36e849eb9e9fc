#include "services/AppService.h"

#include "citycode/common/Crypto.h"
#include "services/BaseConfigSupport.h"
#include "services/PersonalDataCipher.h"
#include "storage/BaseConfigRepository.h"
#include "storage/BaseConfigViews.h"
#include "storage/CodeEngineViews.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

constexpr std::size_t kAppCodeBytes = 15; // 30 hex digits, the AppCode form of 004 §3
constexpr std::size_t kSecretBytes = 32;  // 256 bits for HMAC-SM3/HMAC-SHA256 keys
constexpr char kSecretColumn[] = "developers.secret";

void checkIndustry(RecordStore& store, const std::optional<Poco::Int64>& industryId)
{
    if (industryId && store.scalar("SELECT COUNT(*) FROM industries WHERE id = $1", {*industryId}) == 0)
        throw common::Error("BAD_REQUEST", "industryId names no industry");
}

Poco::JSON::Object::Ptr developerOf(RecordStore& store, Poco::Int64 appId)
{
    ListQuery query;
    query.filters["appId"] = std::to_string(appId);
    const ListPage page = store.list(BaseConfigViews::developers(), query, std::nullopt);
    return page.items.empty() ? nullptr : page.items.front();
}

} // namespace

Poco::JSON::Object::Ptr AppService::scopedApp(Poco::Data::Session& session, const Principal& principal, Poco::Int64 id)
{
    return Support::found(RecordStore(session).find(BaseConfigViews::apps(), id, Support::scopeOf(principal)), "app");
}

ListPage AppService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(BaseConfigViews::apps(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr AppService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    auto app = scopedApp(session, principal, id);
    app->set("developer", developerOf(store, id));
    // 001 §4.3 5): the detail shows the linked code rules (CodeRuleService links them).
    ListQuery linked;
    linked.filters["appId"] = std::to_string(id);
    linked.pageSize = ListQuery::kMaxPageSize;
    Poco::JSON::Array::Ptr rules = new Poco::JSON::Array;
    for (const auto& rule : store.list(CodeEngineViews::appCodeRules(), linked, std::nullopt).items)
        rules->add(rule);
    app->set("codeRules", rules);
    return app;
}

CreatedApp AppService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    const std::string name = *Support::text(input, "name", true, 100);
    const std::string organisation = Support::text(input, "organisation", false, 200).value_or("");
    const std::string description = Support::text(input, "description", false, 2000).value_or("");
    const std::string developerName = *Support::text(input, "developerName", true, 100);
    const auto industryId = Support::integer(input, "industryId", false);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    checkIndustry(store, industryId);
    // 001 §4.3.2 1): every operator creates apps on their own platform only.
    CreatedApp created = createOn(session, principal.platformId, name, organisation, description, developerName);
    if (industryId) {
        store.update("apps", created.app->getValue<Poco::Int64>("id"), {{"industry_id", *industryId}});
        created.app = store.find(BaseConfigViews::apps(), created.app->getValue<Poco::Int64>("id"), std::nullopt);
    }
    transaction.commit();
    return created;
}

CreatedApp AppService::createOn(Poco::Data::Session& session, Poco::Int64 platformId, const std::string& name,
                                const std::string& organisation, const std::string& description,
                                const std::string& developerName)
{
    BaseConfigRepository repository(session);
    RecordStore& store = repository.store();
    if (store.scalar("SELECT COUNT(*) FROM platforms WHERE id = $1 AND status = 'enabled'", {platformId}) == 0)
        throw common::Error("PLATFORM_DISABLED", "apps cannot be created on a disabled platform");
    if (store.scalar("SELECT COUNT(*) FROM apps WHERE platform_id = $1 AND name = $2", {platformId, name}) > 0)
        throw common::Error("APP_NAME_TAKEN", "the platform has an app with this name");
    CreatedApp created;
    created.secret = common::toHex(common::randomBytes(kSecretBytes));
    const Poco::Int64 id = store.insert("apps", {{"platform_id", platformId},
                                                 {"app_code", common::toHex(common::randomBytes(kAppCodeBytes))},
                                                 {"name", name},
                                                 {"organisation", organisation},
                                                 {"description", description}});
    repository.insertDeveloper(id, developerName, m_cipher.seal(created.secret, kSecretColumn));
    created.app = store.find(BaseConfigViews::apps(), id, std::nullopt);
    created.developer = developerOf(store, id);
    return created;
}

Poco::JSON::Object::Ptr AppService::update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input)
{
    const auto name = Support::text(input, "name", false, 100);
    const auto organisation = Support::text(input, "organisation", false, 200);
    const auto description = Support::text(input, "description", false, 2000);
    const auto industryId = Support::integer(input, "industryId", false);
    if (name && name->empty())
        throw common::Error("BAD_REQUEST", "name must not be empty");
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto app = scopedApp(session, principal, id);
    checkIndustry(store, industryId);
    if (name && store.scalar("SELECT COUNT(*) FROM apps WHERE platform_id = $1 AND name = $2 AND id <> $3",
                             {app->getValue<Poco::Int64>("platformId"), *name, id}) > 0)
        throw common::Error("APP_NAME_TAKEN", "the platform has an app with this name");
    std::vector<std::pair<std::string, SqlValue>> columns;
    if (name)
        columns.emplace_back("name", *name);
    if (organisation)
        columns.emplace_back("organisation", *organisation);
    if (description)
        columns.emplace_back("description", *description);
    if (industryId)
        columns.emplace_back("industry_id", *industryId);
    store.update("apps", id, columns);
    auto record = store.find(BaseConfigViews::apps(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr AppService::setEnabled(const Principal& principal, Poco::Int64 id, bool enabled)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    const auto app = scopedApp(session, principal, id);
    if (!enabled && repository.appOnShelf(id))
        throw common::Error("APP_ON_SHELF", "the app is on the user-facing shelf; unlist it first");
    if (enabled && repository.store().scalar("SELECT COUNT(*) FROM platforms WHERE id = $1 AND status = 'enabled'",
                                             {app->getValue<Poco::Int64>("platformId")}) == 0)
        throw common::Error("PLATFORM_DISABLED", "the app's platform is disabled");
    repository.store().update("apps", id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
    auto record = repository.store().find(BaseConfigViews::apps(), id, std::nullopt);
    transaction.commit();
    return record;
}

void AppService::remove(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    const auto app = scopedApp(session, principal, id);
    if (app->getValue<std::string>("status") != "disabled")
        throw common::Error("APP_NOT_DISABLED", "only disabled apps can be deleted; disable it first");
    repository.deleteApp(id);
    transaction.commit();
}

ListPage AppService::shelf(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(BaseConfigViews::shelf(), query, Support::scopeOf(principal));
}

void AppService::list(const Principal& principal, Poco::Int64 appId, Poco::Int64 position)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    const auto app = scopedApp(session, principal, appId);
    if (app->getValue<std::string>("status") != "enabled")
        throw common::Error("APP_DISABLED", "only enabled apps can be listed on the shelf");
    repository.shelve(app->getValue<Poco::Int64>("platformId"), appId, position);
    transaction.commit();
}

void AppService::unlist(const Principal& principal, Poco::Int64 appId)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    scopedApp(session, principal, appId);
    if (!repository.unshelve(appId))
        throw common::Error("NOT_FOUND", "the app is not on the shelf");
    transaction.commit();
}

ListPage AppService::developers(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(BaseConfigViews::developers(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr AppService::renameDeveloper(const Principal& principal, Poco::Int64 developerId,
                                                    const Poco::JSON::Object& input)
{
    const std::string name = *Support::text(input, "name", true, 100);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    Support::found(store.find(BaseConfigViews::developers(), developerId, Support::scopeOf(principal)), "developer");
    store.update("developers", developerId, {{"name", name}});
    auto record = store.find(BaseConfigViews::developers(), developerId, std::nullopt);
    transaction.commit();
    return record;
}

std::string AppService::rotateSecret(const Principal& principal, Poco::Int64 developerId)
{
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(BaseConfigViews::developers(), developerId, Support::scopeOf(principal)),
                   "developer");
    const std::string secret = common::toHex(common::randomBytes(kSecretBytes));
    repository.replaceSecret(developerId, m_cipher.seal(secret, kSecretColumn));
    transaction.commit();
    return secret;
}

std::string AppService::secretOfApp(const std::string& appCode)
{
    Poco::Data::Session session = m_database.session();
    const std::string sealed = BaseConfigRepository(session).sealedSecretOfApp(appCode);
    return sealed.empty() ? std::string() : m_cipher.open(sealed, kSecretColumn);
}

} // namespace citycode::server

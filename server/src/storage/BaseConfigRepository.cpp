#include "storage/BaseConfigRepository.h"

#include "storage/Database.h"

#include <cstdio>
#include <stdexcept>

namespace citycode::server {

Poco::Int64 BaseConfigRepository::countApps(Poco::Int64 platformId)
{
    return m_store.scalar("SELECT COUNT(*) FROM apps WHERE platform_id = $1", {platformId});
}

Poco::Int64 BaseConfigRepository::countShelvedApps(Poco::Int64 platformId)
{
    return m_store.scalar("SELECT COUNT(*) FROM app_shelf s JOIN apps a ON a.id = s.app_id WHERE a.platform_id = $1",
                          {platformId});
}

bool BaseConfigRepository::appOnShelf(Poco::Int64 appId)
{
    return m_store.scalar("SELECT COUNT(*) FROM app_shelf WHERE app_id = $1", {appId}) > 0;
}

void BaseConfigRepository::disableAppsOf(Poco::Int64 platformId)
{
    m_store.execute(
        "UPDATE apps SET status = 'disabled', updated_at = $1 WHERE platform_id = $2 AND status = 'enabled'",
        {Database::timestampNow(), platformId});
}

void BaseConfigRepository::deletePlatform(Poco::Int64 platformId)
{
    const std::vector<SqlValue> id{platformId};
    m_store.execute("DELETE FROM sessions WHERE operator_id IN (SELECT id FROM operators WHERE platform_id = $1)", id);
    m_store.execute("DELETE FROM operator_roles WHERE operator_id IN (SELECT id FROM operators WHERE platform_id = $1)",
                    id);
    m_store.execute("DELETE FROM role_menus WHERE role_id IN (SELECT id FROM roles WHERE platform_id = $1)", id);
    m_store.execute("DELETE FROM roles WHERE platform_id = $1", id);
    m_store.execute("UPDATE app_applications SET reviewed_by = NULL WHERE reviewed_by IN"
                    " (SELECT id FROM operators WHERE platform_id = $1)",
                    id);
    m_store.execute("UPDATE app_applications SET submitted_by = NULL WHERE submitted_by IN"
                    " (SELECT id FROM operators WHERE platform_id = $1)",
                    id);
    m_store.execute("UPDATE services SET reviewed_by = NULL WHERE reviewed_by IN"
                    " (SELECT id FROM operators WHERE platform_id = $1)",
                    id);
    m_store.execute("DELETE FROM app_applications WHERE platform_id = $1", id);
    // Code engine rows of the platform (CodeEngineSchema): its terminals and the rules made for its
    // pool (a platform is deleted only without apps, so no app links remain).
    m_store.execute("DELETE FROM terminals WHERE platform_id = $1", id);
    m_store.execute("DELETE FROM code_rule_apps WHERE rule_id IN (SELECT id FROM code_rules WHERE platform_id = $1)",
                    id);
    m_store.execute("DELETE FROM code_rule_versions WHERE rule_id IN"
                    " (SELECT id FROM code_rules WHERE platform_id = $1)",
                    id);
    m_store.execute("DELETE FROM code_rules WHERE platform_id = $1", id);
    m_store.execute("DELETE FROM operators WHERE platform_id = $1", id);
    m_store.execute("DELETE FROM platforms WHERE id = $1 AND kind = 'sub'", id);
}

void BaseConfigRepository::deleteApp(Poco::Int64 appId)
{
    const std::vector<SqlValue> id{appId};
    m_store.execute("DELETE FROM service_reports WHERE service_id IN (SELECT id FROM services WHERE app_id = $1)", id);
    m_store.execute("DELETE FROM services WHERE app_id = $1", id);
    m_store.execute("UPDATE app_applications SET app_id = NULL WHERE app_id = $1", id);
    m_store.execute("DELETE FROM app_shelf WHERE app_id = $1", id);
    m_store.execute("DELETE FROM developers WHERE app_id = $1", id);
    // Code engine rows of the app (CodeEngineSchema): its rule links and generate/scan permissions.
    m_store.execute("DELETE FROM code_rule_apps WHERE app_id = $1", id);
    m_store.execute("DELETE FROM app_code_permissions WHERE app_id = $1", id);
    m_store.execute("DELETE FROM apps WHERE id = $1", id);
}

void BaseConfigRepository::shelve(Poco::Int64 platformId, Poco::Int64 appId, Poco::Int64 position)
{
    unshelve(appId);
    const Poco::Int64 last =
        m_store.scalar("SELECT COALESCE(MAX(position), 0) FROM app_shelf WHERE platform_id = $1", {platformId});
    if (position <= 0 || position > last) {
        position = last + 1;
    } else {
        m_store.execute("UPDATE app_shelf SET position = position + 1 WHERE platform_id = $1 AND position >= $2",
                        {platformId, position});
    }
    m_store.execute("INSERT INTO app_shelf (platform_id, app_id, position, listed_at) VALUES ($1, $2, $3, $4)",
                    {platformId, appId, position, Database::timestampNow()});
}

bool BaseConfigRepository::unshelve(Poco::Int64 appId)
{
    const auto rows = m_store.select("SELECT platform_id, position FROM app_shelf WHERE app_id = $1", {appId});
    if (rows.empty())
        return false;
    const Poco::Int64 platformId = rows.front()->getValue<Poco::Int64>("platform_id");
    const Poco::Int64 position = rows.front()->getValue<Poco::Int64>("position");
    m_store.execute("DELETE FROM app_shelf WHERE app_id = $1", {appId});
    m_store.execute("UPDATE app_shelf SET position = position - 1 WHERE platform_id = $1 AND position > $2",
                    {platformId, position});
    return true;
}

Poco::Int64 BaseConfigRepository::insertDeveloper(Poco::Int64 appId, const std::string& name,
                                                  const std::string& sealedSecret)
{
    // A unique placeholder number first; the real one needs the id.
    const Poco::Int64 id = m_store.insert("developers", {{"app_id", appId},
                                                         {"number", "pending-" + std::to_string(appId)},
                                                         {"name", name},
                                                         {"secret_sealed", sealedSecret},
                                                         {"secret_rotated_at", Database::timestampNow()}});
    char number[32];
    std::snprintf(number, sizeof number, "D%08lld", static_cast<long long>(id));
    m_store.execute("UPDATE developers SET number = $1 WHERE id = $2", {std::string(number), id});
    return id;
}

std::string BaseConfigRepository::sealedSecretOfApp(const std::string& appCode)
{
    const auto rows = m_store.select("SELECT d.secret_sealed AS \"secret\" FROM developers d JOIN apps a ON a.id ="
                                     " d.app_id WHERE a.app_code = $1 AND a.status = 'enabled'",
                                     {appCode});
    return rows.empty() ? std::string() : rows.front()->getValue<std::string>("secret");
}

void BaseConfigRepository::replaceSecret(Poco::Int64 developerId, const std::string& sealedSecret)
{
    const std::string now = Database::timestampNow();
    m_store.execute("UPDATE developers SET secret_sealed = $1, secret_rotated_at = $2, updated_at = $3 WHERE id = $4",
                    {sealedSecret, now, now, developerId});
}

void BaseConfigRepository::grantPlatformAdminRole(Poco::Int64 platformId, Poco::Int64 operatorId)
{
    auto rows = m_store.select("SELECT id FROM roles WHERE platform_id = $1 AND code = 'platform_admin'", {platformId});
    const Poco::Int64 roleId = rows.empty() ? m_store.insert("roles", {{"platform_id", platformId},
                                                                       {"name", "平台管理员"},
                                                                       {"code", "platform_admin"},
                                                                       {"description", "Built-in administrator"},
                                                                       {"builtin", 1}})
                                            : rows.front()->getValue<Poco::Int64>("id");
    m_store.execute("INSERT INTO operator_roles (operator_id, role_id) VALUES ($1, $2)", {operatorId, roleId});
}

Poco::Int64 BaseConfigRepository::countRegionChildren(Poco::Int64 regionId)
{
    return m_store.scalar("SELECT COUNT(*) FROM regions WHERE parent_id = $1", {regionId});
}

Poco::Int64 BaseConfigRepository::countAppsInIndustry(Poco::Int64 industryId)
{
    return m_store.scalar("SELECT COUNT(*) FROM apps WHERE industry_id = $1", {industryId});
}

std::size_t BaseConfigRepository::deleteByIds(const std::string& table, const std::vector<Poco::Int64>& ids)
{
    if (table != "regions" && table != "industries" && table != "dictionary_groups" && table != "dictionary_entries")
        throw std::invalid_argument("deleteByIds: not a base configuration table: " + table);
    std::size_t deleted = 0;
    for (const Poco::Int64 id : ids) {
        if (table == "dictionary_groups")
            m_store.execute("DELETE FROM dictionary_entries WHERE group_id = $1", {id});
        deleted += m_store.execute("DELETE FROM " + table + " WHERE id = $1", {id});
    }
    return deleted;
}

} // namespace citycode::server

#include "storage/CodeRuleRepository.h"

#include "storage/Database.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

constexpr char kVersionColumns[] =
    "v.id AS \"id\", v.rule_id AS \"ruleId\", v.version AS \"version\", v.status AS \"status\","
    " v.pushed AS \"pushed\", v.config AS \"config\", v.spec_fields AS \"specFields\","
    " v.extension_fields AS \"extensionFields\", v.collect_fields AS \"collectFields\","
    " v.created_at AS \"createdAt\", v.updated_at AS \"updatedAt\"";

constexpr char kLookupColumns[] =
    "r.id AS \"ruleId\", v.version AS \"version\", r.platform_id AS \"platformId\", r.code_type AS \"codeType\","
    " r.form AS \"form\", v.config AS \"config\", v.spec_fields AS \"specFields\","
    " v.extension_fields AS \"extensionFields\", v.collect_fields AS \"collectFields\","
    " r.status AS \"ruleStatus\", r.publish_state AS \"publishState\", v.status AS \"versionStatus\"";

} // namespace

Poco::JSON::Object::Ptr CodeRuleRepository::version(Poco::Int64 ruleId, Poco::Int64 version)
{
    const auto rows = m_store.select(std::string("SELECT ") + kVersionColumns +
                                         " FROM code_rule_versions v WHERE v.rule_id = $1 AND v.version = $2",
                                     {ruleId, version});
    return rows.empty() ? nullptr : rows.front();
}

Poco::Int64 CodeRuleRepository::insertVersion(Poco::Int64 ruleId, Poco::Int64 version,
                                              const RuleVersionContent& content)
{
    const Poco::Int64 id = m_store.insert("code_rule_versions", {{"rule_id", ruleId},
                                                                 {"version", version},
                                                                 {"config", content.config},
                                                                 {"spec_fields", content.specFields},
                                                                 {"extension_fields", content.extensionFields},
                                                                 {"collect_fields", content.collectFields}});
    m_store.update("code_rules", ruleId, {{"latest_version", version}});
    return id;
}

void CodeRuleRepository::updateVersion(Poco::Int64 ruleId, Poco::Int64 version, const RuleVersionContent& content)
{
    // 001 §4.2.3 9) ④: an edited version must be pushed again.
    m_store.execute("UPDATE code_rule_versions SET config = $1, spec_fields = $2, extension_fields = $3,"
                    " collect_fields = $4, pushed = 0, updated_at = $5 WHERE rule_id = $6 AND version = $7",
                    {content.config, content.specFields, content.extensionFields, content.collectFields,
                     Database::timestampNow(), ruleId, version});
}

void CodeRuleRepository::setVersionStatus(Poco::Int64 ruleId, Poco::Int64 version, const std::string& status)
{
    m_store.execute("UPDATE code_rule_versions SET status = $1, updated_at = $2 WHERE rule_id = $3 AND version = $4",
                    {status, Database::timestampNow(), ruleId, version});
}

void CodeRuleRepository::push(Poco::Int64 ruleId, const std::string& at)
{
    m_store.execute("UPDATE code_rule_versions SET pushed = 1 WHERE rule_id = $1", {ruleId});
    m_store.update("code_rules", ruleId, {{"in_pool", 1}, {"pushed_at", at}});
}

void CodeRuleRepository::deleteRule(Poco::Int64 ruleId)
{
    m_store.execute("DELETE FROM code_rule_versions WHERE rule_id = $1", {ruleId});
    m_store.execute("DELETE FROM code_rules WHERE id = $1", {ruleId});
}

Poco::Int64 CodeRuleRepository::linkCount(Poco::Int64 ruleId)
{
    return m_store.scalar("SELECT COUNT(*) FROM code_rule_apps WHERE rule_id = $1", {ruleId});
}

void CodeRuleRepository::link(Poco::Int64 appId, Poco::Int64 ruleId, const std::string& at)
{
    m_store.execute("INSERT INTO code_rule_apps (app_id, rule_id, linked_at) VALUES ($1, $2, $3)"
                    " ON CONFLICT (app_id, rule_id) DO NOTHING",
                    {appId, ruleId, at});
}

bool CodeRuleRepository::unlink(Poco::Int64 appId, Poco::Int64 ruleId)
{
    return m_store.execute("DELETE FROM code_rule_apps WHERE app_id = $1 AND rule_id = $2", {appId, ruleId}) > 0;
}

std::optional<std::pair<bool, bool>> CodeRuleRepository::permissions(Poco::Int64 appId)
{
    const auto rows = m_store.select(
        "SELECT can_generate AS \"generate\", can_scan AS \"scan\" FROM app_code_permissions WHERE app_id = $1",
        {appId});
    if (rows.empty())
        return std::nullopt;
    return std::make_pair(rows.front()->getValue<Poco::Int64>("generate") != 0,
                          rows.front()->getValue<Poco::Int64>("scan") != 0);
}

void CodeRuleRepository::setPermissions(Poco::Int64 appId, bool generate, bool scan, const std::string& at)
{
    // One statement, so that two concurrent first switches of an app cannot both insert.
    m_store.execute("INSERT INTO app_code_permissions (app_id, can_generate, can_scan, updated_at)"
                    " VALUES ($1, $2, $3, $4) ON CONFLICT (app_id) DO UPDATE SET can_generate ="
                    " excluded.can_generate, can_scan = excluded.can_scan, updated_at = excluded.updated_at",
                    {appId, Poco::Int64(generate ? 1 : 0), Poco::Int64(scan ? 1 : 0), at});
}

void CodeRuleRepository::lockRule(Poco::Int64 ruleId)
{
    // A row write lock (PostgreSQL) until the transaction ends, so that two edits of one rule
    // cannot both number their new version latest + 1. SQLite's write transactions are serial.
    m_store.execute("UPDATE code_rules SET latest_version = latest_version WHERE id = $1", {ruleId});
}

Poco::JSON::Object::Ptr CodeRuleRepository::issuable(Poco::Int64 appId, const std::string& codeType)
{
    // A rule of the app's own platform's pool, published and enabled, with a pushed, enabled
    // version, linked to an enabled app of an enabled platform. Several linked rules of one type:
    // the oldest rule wins (a stable choice), with its newest usable version.
    const auto rows = m_store.select(
        std::string("SELECT ") + kLookupColumns +
            " FROM code_rule_apps l JOIN apps a ON a.id = l.app_id JOIN platforms p ON p.id = a.platform_id"
            " JOIN code_rules r ON r.id = l.rule_id JOIN code_rule_versions v ON v.rule_id = r.id"
            " WHERE l.app_id = $1 AND r.code_type = $2 AND a.status = 'enabled' AND p.status = 'enabled'"
            " AND r.platform_id = a.platform_id AND r.publish_state = 'published' AND r.status = 'enabled'"
            " AND r.in_pool = 1 AND v.status = 'enabled' AND v.pushed = 1"
            " ORDER BY r.id ASC, v.version DESC LIMIT 1",
        {appId, codeType});
    return rows.empty() ? nullptr : rows.front();
}

Poco::JSON::Object::Ptr CodeRuleRepository::versionWithRule(Poco::Int64 ruleId, Poco::Int64 version)
{
    const auto rows = m_store.select(std::string("SELECT ") + kLookupColumns +
                                         " FROM code_rules r JOIN code_rule_versions v ON v.rule_id = r.id"
                                         " WHERE r.id = $1 AND v.version = $2",
                                     {ruleId, version});
    return rows.empty() ? nullptr : rows.front();
}

} // namespace citycode::server

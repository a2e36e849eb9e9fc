#include "storage/CodeEngineViews.h"

namespace citycode::server {

namespace {

using F = FilterKind;

} // namespace

const ViewSpec& CodeEngineViews::codeSpecs()
{
    // 001 §4.2.2: id, name, status; search by created time and name (fuzzy).
    static const ViewSpec view{"code_specs s",
                               "s.id",
                               "",
                               "s.created_at",
                               "s.id DESC",
                               {{"id", "s.id", F::Integer, true},
                                {"name", "s.name", F::Like, true},
                                {"fields", "s.fields", F::None, false},
                                {"status", "s.status", F::Exact, true},
                                {"createdAt", "s.created_at", F::None, true},
                                {"updatedAt", "s.updated_at", F::None, true}}};
    return view;
}

const ViewSpec& CodeEngineViews::codeRules()
{
    // 001 §4.2.3: name, applicable platform, status; search by created time, name, platform,
    // status and industry.
    static const ViewSpec view{"code_rules r JOIN platforms p ON p.id = r.platform_id"
                               " LEFT JOIN industries i ON i.id = r.industry_id",
                               "r.id",
                               "r.platform_id",
                               "r.created_at",
                               "r.id DESC",
                               {{"id", "r.id", F::Integer, true},
                                {"name", "r.name", F::Like, true},
                                {"form", "r.form", F::Exact, true},
                                {"codeType", "r.code_type", F::Exact, true},
                                {"issuingUnit", "r.issuing_unit", F::Like, false},
                                {"industryId", "r.industry_id", F::Integer, false},
                                {"industryName", "i.name", F::None, false},
                                {"platformId", "r.platform_id", F::Integer, true},
                                {"platformName", "p.name", F::None, false},
                                {"specId", "r.spec_id", F::Integer, false},
                                {"specName", "r.spec_name", F::None, false},
                                {"publishState", "r.publish_state", F::Exact, true},
                                {"status", "r.status", F::Exact, true},
                                {"inPool", "r.in_pool", F::Integer, false},
                                {"latestVersion", "r.latest_version", F::None, true},
                                {"publishedAt", "r.published_at", F::None, true},
                                {"pushedAt", "r.pushed_at", F::None, false},
                                {"createdAt", "r.created_at", F::None, true},
                                {"updatedAt", "r.updated_at", F::None, true}}};
    return view;
}

const ViewSpec& CodeEngineViews::codeRuleVersions()
{
    // 001 §4.2.3 9) ①: version number, created and last updated time.
    static const ViewSpec view{"code_rule_versions v JOIN code_rules r ON r.id = v.rule_id",
                               "v.id",
                               "r.platform_id",
                               "v.created_at",
                               "v.version DESC",
                               {{"id", "v.id", F::None, false},
                                {"ruleId", "v.rule_id", F::Integer, false},
                                {"version", "v.version", F::Integer, true},
                                {"status", "v.status", F::Exact, true},
                                {"pushed", "v.pushed", F::Integer, false},
                                {"config", "v.config", F::None, false},
                                {"specFields", "v.spec_fields", F::None, false},
                                {"extensionFields", "v.extension_fields", F::None, false},
                                {"collectFields", "v.collect_fields", F::None, false},
                                {"createdAt", "v.created_at", F::None, true},
                                {"updatedAt", "v.updated_at", F::None, true}}};
    return view;
}

const ViewSpec& CodeEngineViews::appCodeRules()
{
    // 001 §4.3 关联码规则: the rules linked to one app (filtered by appId).
    static const ViewSpec view{"code_rule_apps l JOIN code_rules r ON r.id = l.rule_id JOIN apps a ON a.id = l.app_id",
                               "l.rule_id",
                               "a.platform_id",
                               "l.linked_at",
                               "l.linked_at ASC, l.rule_id ASC",
                               {{"appId", "l.app_id", F::Integer, false},
                                {"ruleId", "l.rule_id", F::Integer, true},
                                {"name", "r.name", F::Like, true},
                                {"form", "r.form", F::Exact, false},
                                {"codeType", "r.code_type", F::Exact, true},
                                {"publishState", "r.publish_state", F::None, false},
                                {"status", "r.status", F::Exact, true},
                                {"inPool", "r.in_pool", F::None, false},
                                {"latestVersion", "r.latest_version", F::None, false},
                                {"linkedAt", "l.linked_at", F::None, true}}};
    return view;
}

const ViewSpec& CodeEngineViews::terminals()
{
    // 002 §5.3.1.3 终端授权: registered scanner terminals.
    static const ViewSpec view{"terminals t JOIN platforms p ON p.id = t.platform_id",
                               "t.id",
                               "t.platform_id",
                               "t.created_at",
                               "t.id DESC",
                               {{"id", "t.id", F::Integer, true},
                                {"terminalCode", "t.terminal_code", F::Like, true},
                                {"name", "t.name", F::Like, true},
                                {"location", "t.location", F::Like, false},
                                {"platformId", "t.platform_id", F::Integer, true},
                                {"platformName", "p.name", F::None, false},
                                {"keyAlgorithm", "t.key_algorithm", F::Exact, false},
                                {"publicKeyPem", "t.public_key_pem", F::None, false},
                                {"status", "t.status", F::Exact, true},
                                {"createdAt", "t.created_at", F::None, true},
                                {"updatedAt", "t.updated_at", F::None, true}}};
    return view;
}

} // namespace citycode::server

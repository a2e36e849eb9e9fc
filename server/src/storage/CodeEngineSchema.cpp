#include "storage/CodeEngineSchema.h"

namespace citycode::server {

namespace {

// Permission keys added to the menu tree of migration 2 (buttons under its code-engine screens).
struct SeedButton
{
    const char* parent;
    const char* permission;
    const char* name;
    bool mainOnly;
};

const SeedButton kButtons[] = {
    {"code:spec:list", "code:spec:status", "启用停用码规范", true},
    {"code:rule:list", "code:rule:status", "启用停用码规则", true},
    {"code:rule:list", "code:rule:push", "推送码规则", true},
    {"code:rule:list", "code:rule:remove", "移除码规则", true},
    {"code:rule:list", "code:rule:version", "码规则版本管理", true},
    {"code:rule:list", "code:rule:link", "应用关联码规则", false},
    {"code:rule:list", "code:permission:list", "生码扫码权限", false},
    {"code:permission:list", "code:permission:edit", "修改生码扫码权限", false},
    {"code:terminal:list", "code:terminal:status", "启用停用终端", false},
};

std::string quoted(const char* text)
{
    return std::string("'") + text + "'";
}

} // namespace

std::vector<std::string> CodeEngineSchema::statements()
{
    std::vector<std::string> sql = {
        // Code specifications (码规范, 001 §4.2.2): global, kept by the main platform. fields is a
        // JSON array of {"name","type","length"}; rules copy it, so deleting a spec leaves them as
        // they are.
        "CREATE TABLE code_specs ("
        " id {{ID}},"
        " name TEXT NOT NULL UNIQUE,"
        " fields TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        // Code rules (码规则, 001 §4.2.3), step 1 (basic information) and their life cycle:
        // pending -> published; enabled/disabled; in_pool: pushed to the pool of platform_id (the
        // applicable platform), cleared when removed from it. spec_id has no foreign key: a spec
        // can be deleted while rules keep their copy of its fields.
        "CREATE TABLE code_rules ("
        " id {{ID}},"
        " name TEXT NOT NULL,"
        " form TEXT NOT NULL CHECK (form IN ('dynamic', 'static')),"
        " code_type TEXT NOT NULL"
        "  CHECK (code_type IN ('personal', 'enterprise', 'payment', 'health', 'object')),"
        " issuing_unit TEXT NOT NULL DEFAULT '',"
        " industry_id INTEGER REFERENCES industries (id),"
        " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
        " spec_id INTEGER,"
        " spec_name TEXT NOT NULL DEFAULT '',"
        " publish_state TEXT NOT NULL DEFAULT 'pending' CHECK (publish_state IN ('pending', 'published')),"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " in_pool INTEGER NOT NULL DEFAULT 0 CHECK (in_pool IN (0, 1)),"
        " latest_version INTEGER NOT NULL DEFAULT 1,"
        " published_at TEXT,"
        " pushed_at TEXT,"
        " created_by INTEGER,"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE INDEX code_rules_platform ON code_rules (platform_id)",
        // Steps 2-5 of a rule, one row per version (001 §4.2.3 9)). Each column is a JSON text:
        // config (step 2: refreshSeconds, validitySeconds, jumpUrl, callbackUrl, antiScreenshot,
        // cache), spec_fields (step 3), extension_fields (step 4), collect_fields (step 5).
        // pushed: this version as it is now has been pushed (an edited version must be pushed
        // again before apps of the pool issue it).
        "CREATE TABLE code_rule_versions ("
        " id {{ID}},"
        " rule_id INTEGER NOT NULL REFERENCES code_rules (id),"
        " version INTEGER NOT NULL,"
        " config TEXT NOT NULL,"
        " spec_fields TEXT NOT NULL,"
        " extension_fields TEXT NOT NULL,"
        " collect_fields TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1)),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " UNIQUE (rule_id, version))",
        // Rules linked to apps of the same platform (001 §4.3 关联码规则).
        "CREATE TABLE code_rule_apps ("
        " app_id INTEGER NOT NULL REFERENCES apps (id),"
        " rule_id INTEGER NOT NULL REFERENCES code_rules (id),"
        " linked_at TEXT NOT NULL,"
        " PRIMARY KEY (app_id, rule_id))",
        "CREATE INDEX code_rule_apps_rule ON code_rule_apps (rule_id)",
        // Generate and scan permissions per app (000 §2.2.5, 002 §5.3.1.3); no row: both off.
        "CREATE TABLE app_code_permissions ("
        " app_id INTEGER PRIMARY KEY REFERENCES apps (id),"
        " can_generate INTEGER NOT NULL DEFAULT 0 CHECK (can_generate IN (0, 1)),"
        " can_scan INTEGER NOT NULL DEFAULT 0 CHECK (can_scan IN (0, 1)),"
        " updated_at TEXT NOT NULL)",
        // Scanner terminals (002 §5.3.1.3 终端授权): the terminal signs its verify requests with
        // the private key of public_key_pem; terminal_code is the id it sends.
        "CREATE TABLE terminals ("
        " id {{ID}},"
        " terminal_code TEXT NOT NULL UNIQUE,"
        " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
        " name TEXT NOT NULL,"
        " location TEXT NOT NULL DEFAULT '',"
        " public_key_pem TEXT NOT NULL,"
        " key_algorithm TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE INDEX terminals_platform ON terminals (platform_id)",
    };
    const std::string seededAt = quoted("2024-01-01T00:00:00.000Z");
    for (const SeedButton& button : kButtons) {
        sql.push_back("INSERT INTO menus (parent_id, name, permission, type, position, path, icon, main_only,"
                      " created_at, updated_at) SELECT id, " +
                      quoted(button.name) + ", " + quoted(button.permission) +
                      ", 'button', (SELECT COUNT(*) FROM menus) + 1, '', '', " + (button.mainOnly ? "1" : "0") + ", " +
                      seededAt + ", " + seededAt + " FROM menus WHERE permission = " + quoted(button.parent));
    }
    return sql;
}

} // namespace citycode::server

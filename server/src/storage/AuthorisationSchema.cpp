#include "storage/AuthorisationSchema.h"

namespace citycode::server {

namespace {

// One node of the seeded menu tree. mainOnly: only main-platform operators may hold it (global
// data such as menus, regions and dictionaries, or creating platforms).
struct SeedMenu
{
    const char* parent; // permission key of the parent; nullptr for a top-level group
    const char* permission;
    const char* name;
    const char* type; // menu | button
    const char* path;
    const char* icon;
    bool mainOnly;
};

// The console's navigation (PRODUCT.md §1, §2, §8; 001 §4.12): groups, screens and the buttons
// (actions) behind them. The console shows a screen when the operator holds its key.
const SeedMenu kMenus[] = {
    {nullptr, "base", "基础管理", "menu", "", "platform", false},
    {"base", "base:platform:list", "平台管理", "menu", "/platforms", "platform", false},
    {"base:platform:list", "base:platform:add", "新增平台", "button", "", "", true},
    {"base:platform:list", "base:platform:edit", "修改平台", "button", "", "", false},
    {"base:platform:list", "base:platform:delete", "删除平台", "button", "", "", true},
    {"base:platform:list", "base:platform:status", "启用停用平台", "button", "", "", true},
    {"base", "base:app:list", "应用管理", "menu", "/apps", "app", false},
    {"base:app:list", "base:app:add", "新增应用", "button", "", "", false},
    {"base:app:list", "base:app:edit", "修改应用", "button", "", "", false},
    {"base:app:list", "base:app:delete", "删除应用", "button", "", "", false},
    {"base:app:list", "base:app:status", "启用停用应用", "button", "", "", false},
    {"base", "base:developer:list", "开发者管理", "menu", "/developers", "developer", false},
    {"base:developer:list", "base:developer:edit", "修改开发者", "button", "", "", false},
    {"base:developer:list", "base:developer:secret", "重置开发者密钥", "button", "", "", false},
    {"base", "base:onboarding:list", "接入管理", "menu", "/onboarding", "onboarding", false},
    {"base:onboarding:list", "base:onboarding:apply", "提交接入申请", "button", "", "", false},
    {"base:onboarding:list", "base:onboarding:review", "审核接入申请", "button", "", "", true},
    {"base:onboarding:list", "base:onboarding:service", "服务紧急启停", "button", "", "", false},
    {"base", "base:region:list", "区域管理", "menu", "/regions", "region", false},
    {"base:region:list", "base:region:add", "新增区域", "button", "", "", true},
    {"base:region:list", "base:region:edit", "修改区域", "button", "", "", true},
    {"base:region:list", "base:region:delete", "删除区域", "button", "", "", true},
    {"base", "base:industry:list", "行业管理", "menu", "/industries", "industry", false},
    {"base:industry:list", "base:industry:add", "新增行业", "button", "", "", true},
    {"base:industry:list", "base:industry:edit", "修改行业", "button", "", "", true},
    {"base:industry:list", "base:industry:delete", "删除行业", "button", "", "", true},
    {nullptr, "code", "码引擎", "menu", "", "code", false},
    {"code", "code:spec:list", "码规范", "menu", "/code-specs", "spec", false},
    {"code:spec:list", "code:spec:add", "新增码规范", "button", "", "", true},
    {"code:spec:list", "code:spec:edit", "修改码规范", "button", "", "", true},
    {"code:spec:list", "code:spec:delete", "删除码规范", "button", "", "", true},
    {"code", "code:rule:list", "码规则", "menu", "/code-rules", "rule", false},
    {"code:rule:list", "code:rule:add", "新增码规则", "button", "", "", false},
    {"code:rule:list", "code:rule:edit", "修改码规则", "button", "", "", false},
    {"code:rule:list", "code:rule:delete", "删除码规则", "button", "", "", false},
    {"code:rule:list", "code:rule:publish", "发布码规则", "button", "", "", false},
    {"code", "code:style:list", "码样式", "menu", "/code-styles", "style", false},
    {"code:style:list", "code:style:edit", "设计码样式", "button", "", "", false},
    {"code", "code:terminal:list", "终端管理", "menu", "/terminals", "terminal", false},
    {"code:terminal:list", "code:terminal:add", "新增终端", "button", "", "", false},
    {"code:terminal:list", "code:terminal:edit", "修改终端", "button", "", "", false},
    {"code:terminal:list", "code:terminal:delete", "删除终端", "button", "", "", false},
    {nullptr, "system", "系统管理", "menu", "", "system", false},
    {"system", "system:operator:list", "操作员管理", "menu", "/operators", "operator", false},
    {"system:operator:list", "system:operator:add", "新增操作员", "button", "", "", false},
    {"system:operator:list", "system:operator:edit", "修改操作员", "button", "", "", false},
    {"system:operator:list", "system:operator:delete", "删除操作员", "button", "", "", false},
    {"system:operator:list", "system:operator:reset", "重置密码", "button", "", "", false},
    {"system", "system:role:list", "角色管理", "menu", "/roles", "role", false},
    {"system:role:list", "system:role:add", "新增角色", "button", "", "", false},
    {"system:role:list", "system:role:edit", "修改角色", "button", "", "", false},
    {"system:role:list", "system:role:delete", "删除角色", "button", "", "", false},
    {"system", "system:menu:list", "菜单管理", "menu", "/menus", "menu", true},
    {"system:menu:list", "system:menu:add", "新增菜单", "button", "", "", true},
    {"system:menu:list", "system:menu:edit", "修改菜单", "button", "", "", true},
    {"system:menu:list", "system:menu:delete", "删除菜单", "button", "", "", true},
    {"system", "system:dict:list", "字典管理", "menu", "/dictionaries", "dictionary", false},
    {"system:dict:list", "system:dict:add", "新增字典", "button", "", "", true},
    {"system:dict:list", "system:dict:edit", "修改字典", "button", "", "", true},
    {"system:dict:list", "system:dict:delete", "删除字典", "button", "", "", true},
    {"system", "system:log:list", "操作日志", "menu", "/operation-logs", "log", false},
    {"system:log:list", "system:log:export", "导出操作日志", "button", "", "", false},
    {"system", "system:cache:list", "缓存管理", "menu", "/cache", "cache", true},
    {"system:cache:list", "system:cache:flush", "刷新缓存", "button", "", "", true},
    {"system", "system:setting:list", "系统设置", "menu", "/settings", "setting", true},
    {"system:setting:list", "system:setting:edit", "修改系统设置", "button", "", "", true},
};

// The seed is constant text (no bound values exist in a migration); the literals above contain no
// quote characters.
std::string quoted(const char* text)
{
    return std::string("'") + text + "'";
}

} // namespace

std::vector<std::string> AuthorisationSchema::statements()
{
    std::vector<std::string> sql = {
        // Console sessions: only the SHA-256 of the bearer token is stored, so a copy of the
        // database does not let anyone sign in. expires_at is the absolute timeout; the idle
        // timeout is measured from last_seen_at.
        "CREATE TABLE sessions ("
        " id {{ID}},"
        " token_hash TEXT NOT NULL UNIQUE,"
        " operator_id INTEGER NOT NULL REFERENCES operators (id),"
        " remote_address TEXT NOT NULL,"
        " created_at TEXT NOT NULL,"
        " last_seen_at TEXT NOT NULL,"
        " expires_at TEXT NOT NULL)",
        "CREATE INDEX sessions_operator ON sessions (operator_id)",
        // Login captchas, single use: the row is deleted when it is checked. The answer is stored
        // hashed with the captcha id.
        "CREATE TABLE captchas ("
        " id TEXT PRIMARY KEY,"
        " answer_hash TEXT NOT NULL,"
        " expires_at TEXT NOT NULL)",
        "CREATE INDEX captchas_expiry ON captchas (expires_at)",
        // Failed-login counters per account and per address ("account:NAME", "address:IP"), in the
        // database so that every server node sees the same counts.
        "CREATE TABLE login_failures ("
        " throttle_key TEXT PRIMARY KEY,"
        " failures INTEGER NOT NULL,"
        " window_started_at TEXT NOT NULL,"
        " blocked_until TEXT NOT NULL)",
        // The console's navigation and the permissions behind it (001 §4.12.1 菜单管理).
        "CREATE TABLE menus ("
        " id {{ID}},"
        " parent_id INTEGER REFERENCES menus (id),"
        " name TEXT NOT NULL,"
        " permission TEXT NOT NULL UNIQUE,"
        " type TEXT NOT NULL CHECK (type IN ('menu', 'button')),"
        " position INTEGER NOT NULL DEFAULT 0,"
        " path TEXT NOT NULL DEFAULT '',"
        " icon TEXT NOT NULL DEFAULT '',"
        " main_only INTEGER NOT NULL DEFAULT 0 CHECK (main_only IN (0, 1)),"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE INDEX menus_parent ON menus (parent_id)",
        // Roles of a platform (001 §4.12.1 角色管理). Built-in roles hold their menus implicitly:
        // super_admin (main platform) every menu, platform_admin (a sub-platform) every menu a
        // sub-platform may hold; they cannot be edited or deleted.
        "CREATE TABLE roles ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
        " name TEXT NOT NULL,"
        " code TEXT NOT NULL,"
        " description TEXT NOT NULL DEFAULT '',"
        " builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " UNIQUE (platform_id, code))",
        "CREATE TABLE role_menus ("
        " role_id INTEGER NOT NULL REFERENCES roles (id),"
        " menu_id INTEGER NOT NULL REFERENCES menus (id),"
        " PRIMARY KEY (role_id, menu_id))",
        "CREATE INDEX role_menus_menu ON role_menus (menu_id)",
        "CREATE TABLE operator_roles ("
        " operator_id INTEGER NOT NULL REFERENCES operators (id),"
        " role_id INTEGER NOT NULL REFERENCES roles (id),"
        " PRIMARY KEY (operator_id, role_id))",
        "CREATE INDEX operator_roles_role ON operator_roles (role_id)",
        // Every admin change (QUALITY.md: who, what, when, from where). No foreign keys: the log
        // outlives deleted operators and platforms. detail never holds personal data.
        "CREATE TABLE operation_log ("
        " id {{ID}},"
        " created_at TEXT NOT NULL,"
        " operator_id INTEGER NOT NULL,"
        " username TEXT NOT NULL,"
        " platform_id INTEGER NOT NULL,"
        " action TEXT NOT NULL,"
        " target_type TEXT NOT NULL,"
        " target_id TEXT NOT NULL,"
        " detail TEXT NOT NULL,"
        " remote_address TEXT NOT NULL,"
        " request_id TEXT NOT NULL,"
        " result TEXT NOT NULL)",
        "CREATE INDEX operation_log_time ON operation_log (created_at)",
        "CREATE INDEX operation_log_platform ON operation_log (platform_id, created_at)",
    };
    // Seed timestamps: a fixed instant, so that the migration text never changes.
    const std::string seededAt = quoted("2024-01-01T00:00:00.000Z");
    int position = 0;
    for (const SeedMenu& menu : kMenus) {
        const std::string values = quoted(menu.name) + ", " + quoted(menu.permission) + ", " + quoted(menu.type) +
                                   ", " + std::to_string(++position) + ", " + quoted(menu.path) + ", " +
                                   quoted(menu.icon) + ", " + (menu.mainOnly ? "1" : "0") + ", " + seededAt + ", " +
                                   seededAt;
        const std::string columns = "INSERT INTO menus (parent_id, name, permission, type, position, path, icon,"
                                    " main_only, created_at, updated_at) ";
        if (menu.parent)
            sql.push_back(columns + "SELECT id, " + values + " FROM menus WHERE permission = " + quoted(menu.parent));
        else
            sql.push_back(columns + "VALUES (NULL, " + values + ")");
    }
    return sql;
}

} // namespace citycode::server

#include "storage/KeySchema.h"

namespace citycode::server {

namespace {

// Menus and buttons of the key, settings and code-engine configuration screens (000 §2.2.3-2.2.4,
// 002 §5.2.5). mainOnly as in AuthorisationSchema: global data only the main platform changes.
struct SeedMenu
{
    const char* parent;
    const char* permission;
    const char* name;
    const char* type;
    const char* path;
    const char* icon;
    bool mainOnly;
};

const SeedMenu kMenus[] = {
    {"code:style:list", "code:style:add", "新增码样式", "button", "", "", false},
    {"code:style:list", "code:style:delete", "删除码样式", "button", "", "", false},
    {"code:style:list", "code:style:activate", "启用码样式", "button", "", "", false},
    {"code", "code:category:list", "码分类", "menu", "/code-categories", "category", false},
    {"code:category:list", "code:category:add", "新增码分类", "button", "", "", true},
    {"code:category:list", "code:category:edit", "修改码分类", "button", "", "", true},
    {"code:category:list", "code:category:delete", "删除码分类", "button", "", "", true},
    {"code", "code:numbering:list", "编号规则", "menu", "/numbering-rules", "numbering", false},
    {"code:numbering:list", "code:numbering:add", "新增编号规则", "button", "", "", false},
    {"code:numbering:list", "code:numbering:edit", "修改编号规则", "button", "", "", false},
    {"code:numbering:list", "code:numbering:delete", "删除编号规则", "button", "", "", false},
    {"code:numbering:list", "code:numbering:allocate", "生成编号", "button", "", "", false},
    {"code", "code:subject:list", "码对象主体", "menu", "/code-subjects", "subject", false},
    {"code:subject:list", "code:subject:add", "新增码主体", "button", "", "", false},
    {"code:subject:list", "code:subject:edit", "修改码主体", "button", "", "", false},
    {"code:subject:list", "code:subject:delete", "删除码主体", "button", "", "", false},
    {"code", "code:key:list", "密钥管理", "menu", "/keys", "key", false},
    {"code:key:list", "code:key:rotate", "轮换密钥", "button", "", "", false},
    {"code:key:list", "code:key:emergency", "签发应急码", "button", "", "", false},
};

std::string quoted(const char* text)
{
    return std::string("'") + text + "'";
}

} // namespace

std::vector<std::string> KeySchema::statements()
{
    std::vector<std::string> sql = {
        // Code keys of each platform (KeyStore.h): 'sign' (SM2 or ECDSA P-256, emergency codes),
        // 'mac' (HMAC-SM3, dynamic codes) and 'anchor' (the main platform's trust-list key).
        // secret_sealed is the private key PEM or MAC secret sealed with SM4-GCM under the data
        // key, the key id bound in as associated data. At most one current key per platform and
        // purpose (the partial unique index), so that two nodes creating the first key at once
        // cannot both succeed. A retired key verifies until not_after (unix seconds); no foreign
        // key to platforms: deleting a platform must not be blocked by its keys, and lookups join
        // the platform instead.
        "CREATE TABLE code_keys ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL,"
        " purpose TEXT NOT NULL CHECK (purpose IN ('sign', 'mac', 'anchor')),"
        " key_id TEXT NOT NULL UNIQUE,"
        " alg TEXT NOT NULL,"
        " public_key_pem TEXT NOT NULL DEFAULT '',"
        " secret_sealed TEXT NOT NULL,"
        " status TEXT NOT NULL CHECK (status IN ('current', 'retired')),"
        " not_before INTEGER NOT NULL,"
        " not_after INTEGER,"
        " created_at TEXT NOT NULL,"
        " retired_at TEXT)",
        "CREATE UNIQUE INDEX code_keys_one_current ON code_keys (platform_id, purpose) WHERE status = 'current'",
        "CREATE INDEX code_keys_platform ON code_keys (platform_id, purpose)",
        // System settings (002 §5.2.5): one row per setting, values as text (SettingsService types them).
        "CREATE TABLE system_settings ("
        " setting_key TEXT PRIMARY KEY,"
        " value TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " updated_by INTEGER)",
        // Code styles (000 §2.2.3): one active style per platform and code type (partial unique
        // index); activating a style retires the previous one in the same transaction.
        "CREATE TABLE code_styles ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL,"
        " code_type TEXT NOT NULL,"
        " name TEXT NOT NULL,"
        " background_color TEXT NOT NULL DEFAULT '#FFFFFF',"
        " foreground_color TEXT NOT NULL DEFAULT '#000000',"
        " caption TEXT NOT NULL DEFAULT '',"
        " caption_color TEXT NOT NULL DEFAULT '#000000',"
        " logo_png_base64 TEXT NOT NULL DEFAULT '',"
        " status TEXT NOT NULL DEFAULT 'inactive' CHECK (status IN ('inactive', 'active')),"
        " activated_at TEXT,"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE UNIQUE INDEX code_styles_one_active ON code_styles (platform_id, code_type) WHERE status = 'active'",
        "CREATE INDEX code_styles_platform ON code_styles (platform_id, code_type)",
        // Code categories (000 §2.2.4.2, 002 §5.3.1.1): a global tree, changed by the main platform.
        "CREATE TABLE code_categories ("
        " id {{ID}},"
        " parent_id INTEGER REFERENCES code_categories (id),"
        " code TEXT NOT NULL UNIQUE,"
        " name TEXT NOT NULL,"
        " level INTEGER NOT NULL,"
        " position INTEGER NOT NULL DEFAULT 0,"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE INDEX code_categories_parent ON code_categories (parent_id)",
        // Numbering rules (000 §2.2.4.3): prefix (letters, unique) + date part + zero-padded
        // sequence. The sequence of each rule and period lives in numbering_sequences and is
        // advanced by one upsert statement, so numbers stay unique across server nodes.
        "CREATE TABLE numbering_rules ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL,"
        " category_id INTEGER REFERENCES code_categories (id),"
        " name TEXT NOT NULL,"
        " prefix TEXT NOT NULL UNIQUE,"
        " date_format TEXT NOT NULL CHECK (date_format IN ('none', 'yyyy', 'yyyyMM', 'yyyyMMdd')),"
        " sequence_width INTEGER NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " UNIQUE (platform_id, name))",
        "CREATE TABLE numbering_sequences ("
        " rule_id INTEGER NOT NULL REFERENCES numbering_rules (id),"
        " period TEXT NOT NULL,"
        " last_value INTEGER NOT NULL,"
        " PRIMARY KEY (rule_id, period))",
        // Code subjects (000 §2.2.4.5): the objects, places and organisations a category's codes
        // stand for. No personal data here: people are users (PRODUCT §7).
        "CREATE TABLE code_subjects ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL,"
        " category_id INTEGER REFERENCES code_categories (id),"
        " subject_type TEXT NOT NULL CHECK (subject_type IN ('enterprise', 'place', 'object', 'device', 'other')),"
        " name TEXT NOT NULL,"
        " identifier TEXT NOT NULL,"
        " address TEXT NOT NULL DEFAULT '',"
        " description TEXT NOT NULL DEFAULT '',"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " UNIQUE (platform_id, identifier))",
        "CREATE INDEX code_subjects_category ON code_subjects (category_id)",
    };
    const std::string seededAt = quoted("2024-01-01T00:00:00.000Z");
    for (const SeedMenu& menu : kMenus) {
        // Positions continue after the menus of migration 2.
        sql.push_back(std::string("INSERT INTO menus (parent_id, name, permission, type, position, path, icon,"
                                  " main_only, created_at, updated_at) SELECT id, ") +
                      quoted(menu.name) + ", " + quoted(menu.permission) + ", " + quoted(menu.type) +
                      ", (SELECT COALESCE(MAX(position), 0) + 1 FROM menus), " + quoted(menu.path) + ", " +
                      quoted(menu.icon) + ", " + (menu.mainOnly ? "1" : "0") + ", " + seededAt + ", " + seededAt +
                      " FROM menus WHERE permission = " + quoted(menu.parent));
    }
    return sql;
}

} // namespace citycode::server

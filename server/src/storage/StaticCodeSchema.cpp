#include "storage/StaticCodeSchema.h"

namespace citycode::server {

std::vector<std::string> StaticCodeSchema::statements()
{
    return {
        // One static code (002 §5.3.2.3-5.3.2.4): a unique number, its category, its subject, the
        // platform and app it belongs to and the content its QR symbol carries (002 §6: unique).
        // Subject fields are sealed with PersonalDataCipher; the hashes allow exact search. The
        // states are those of services/StaticCodeStateMachine (docs/static-codes.md).
        "CREATE TABLE static_codes ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
        " app_id INTEGER REFERENCES apps (id),"
        " code_number TEXT NOT NULL UNIQUE,"
        " category TEXT NOT NULL,"
        " subject_type TEXT NOT NULL CHECK (subject_type IN ('person', 'enterprise', 'object')),"
        " subject_name_sealed TEXT NOT NULL,"
        " subject_name_hash TEXT NOT NULL,"
        " subject_identifier_sealed TEXT NOT NULL,"
        " subject_identifier_hash TEXT NOT NULL,"
        " subject_phone_sealed TEXT NOT NULL,"
        " subject_phone_hash TEXT NOT NULL,"
        " content TEXT NOT NULL UNIQUE,"
        " description TEXT NOT NULL DEFAULT '',"
        " state TEXT NOT NULL CHECK (state IN ('registered', 'applied', 'enabled', 'disabled', 'lost',"
        " 'replaced', 'recycled', 'cancelled')),"
        " replaces_id INTEGER REFERENCES static_codes (id),"
        " replaced_by_id INTEGER REFERENCES static_codes (id),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE INDEX static_codes_platform ON static_codes (platform_id, created_at)",
        "CREATE INDEX static_codes_app ON static_codes (app_id)",
        "CREATE INDEX static_codes_state ON static_codes (state)",
        // Every legal transition, written in the transaction that changes the state: who (an
        // operator or an app), when, from which state (NULL when the code was created), to which,
        // and why ('' as from_state: the code was created). Never updated or deleted.
        "CREATE TABLE static_code_history ("
        " id {{ID}},"
        " code_id INTEGER NOT NULL REFERENCES static_codes (id),"
        " operation TEXT NOT NULL,"
        " from_state TEXT NOT NULL,"
        " to_state TEXT NOT NULL,"
        " actor_type TEXT NOT NULL CHECK (actor_type IN ('operator', 'app')),"
        " actor_id INTEGER NOT NULL,"
        " actor_name TEXT NOT NULL,"
        " reason TEXT NOT NULL DEFAULT '',"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX static_code_history_code ON static_code_history (code_id, id)",
        // Counters that number codes registered without a number of their own ("SC" + 12 digits);
        // the UPDATE locks the row until the registering transaction ends.
        "CREATE TABLE static_code_numbers ("
        " name TEXT PRIMARY KEY,"
        " next_value INTEGER NOT NULL)",
        "INSERT INTO static_code_numbers (name, next_value) VALUES ('static_code', 1)",
        // The console's static code screen and its buttons, under the code engine group.
        "INSERT INTO menus (parent_id, name, permission, type, position, path, icon, main_only, created_at,"
        " updated_at) SELECT id, '静态码管理', 'code:static:list', 'menu', 700, '/static-codes', 'static', 0,"
        " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z' FROM menus WHERE permission = 'code'",
        "INSERT INTO menus (parent_id, name, permission, type, position, path, icon, main_only, created_at,"
        " updated_at) SELECT id, '登记静态码', 'code:static:add', 'button', 701, '', '', 0,"
        " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z' FROM menus WHERE permission = 'code:static:list'",
        "INSERT INTO menus (parent_id, name, permission, type, position, path, icon, main_only, created_at,"
        " updated_at) SELECT id, '变更静态码信息', 'code:static:edit', 'button', 702, '', '', 0,"
        " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z' FROM menus WHERE permission = 'code:static:list'",
        "INSERT INTO menus (parent_id, name, permission, type, position, path, icon, main_only, created_at,"
        " updated_at) SELECT id, '静态码状态操作', 'code:static:state', 'button', 703, '', '', 0,"
        " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z' FROM menus WHERE permission = 'code:static:list'",
    };
}

} // namespace citycode::server

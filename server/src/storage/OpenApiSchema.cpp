#include "storage/OpenApiSchema.h"

namespace citycode::server {

std::vector<std::string> OpenApiSchema::statements()
{
    return {
        // City users registered through /api/open*Code (001 §5.1.9): the three elements are personal
        // data, sealed (SM4-GCM, PersonalDataCipher) with a keyed hash beside each for exact search.
        // One user per ID number: the hash is unique.
        "CREATE TABLE city_users ("
        " id {{ID}},"
        " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
        " app_id INTEGER NOT NULL REFERENCES apps (id),"
        " name_sealed TEXT NOT NULL,"
        " name_hash TEXT NOT NULL,"
        " id_number_sealed TEXT NOT NULL,"
        " id_number_hash TEXT NOT NULL UNIQUE,"
        " phone_sealed TEXT NOT NULL,"
        " phone_hash TEXT NOT NULL,"
        " cert_type TEXT NOT NULL DEFAULT 'IDENTITY_CARD',"
        " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE INDEX city_users_platform ON city_users (platform_id, created_at)",
        "CREATE INDEX city_users_phone ON city_users (phone_hash)",
        "CREATE INDEX city_users_name ON city_users (name_hash)",
        // Nonces of signed open API requests (docs/open-api.md): the primary key refuses a second
        // use on every node that shares the database; rows past expires_at (Unix seconds) are pruned.
        "CREATE TABLE api_nonces ("
        " caller TEXT NOT NULL,"
        " nonce TEXT NOT NULL,"
        " expires_at INTEGER NOT NULL,"
        " PRIMARY KEY (caller, nonce))",
        "CREATE INDEX api_nonces_expiry ON api_nonces (expires_at)",
        // The "used" mark of a dynamic code (QUALITY.md "Codes"): keyed on the code's nonce, never on
        // signature bytes; committed before the decode is answered.
        "CREATE TABLE code_uses ("
        " nonce TEXT PRIMARY KEY,"
        " rule_id INTEGER NOT NULL,"
        " rule_version INTEGER NOT NULL,"
        " user_id INTEGER,"
        " caller TEXT NOT NULL,"
        " expires_at INTEGER NOT NULL,"
        " used_at TEXT NOT NULL)",
        // Every open, show and decode and every refusal (PRODUCT.md §3): for the logs, statistics and
        // risk control. result is 'success' or the stable error code.
        "CREATE TABLE code_records ("
        " id {{ID}},"
        " action TEXT NOT NULL CHECK (action IN ('open', 'show', 'decode')),"
        " result TEXT NOT NULL,"
        " code_type TEXT NOT NULL DEFAULT '',"
        " user_id INTEGER,"
        " app_id INTEGER,"
        " platform_id INTEGER,"
        " rule_id INTEGER,"
        " rule_version INTEGER,"
        " caller TEXT NOT NULL DEFAULT '',"
        " terminal_code TEXT NOT NULL DEFAULT '',"
        " location TEXT NOT NULL DEFAULT '',"
        " code_id TEXT NOT NULL DEFAULT '',"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX code_records_time ON code_records (created_at)",
        "CREATE INDEX code_records_platform ON code_records (platform_id, created_at)",
        "CREATE INDEX code_records_app ON code_records (app_id, created_at)",
        "CREATE INDEX code_records_user ON code_records (user_id, created_at)",
        // Data an app binds to a user (001 §5.1.4-5.1.7); sealed, it may be personal.
        "CREATE TABLE bind_data ("
        " user_id INTEGER NOT NULL REFERENCES city_users (id),"
        " app_id INTEGER NOT NULL REFERENCES apps (id),"
        " data_type TEXT NOT NULL,"
        " data_name TEXT NOT NULL DEFAULT '',"
        " data_sealed TEXT NOT NULL,"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " PRIMARY KEY (user_id, app_id, data_type))",
        // Payment and traffic notices (001 §5.1.14-5.1.16), idempotent by order number: the first
        // answer is kept and returned for every repeat.
        "CREATE TABLE payment_notices ("
        " kind TEXT NOT NULL CHECK (kind IN ('traffic', 'create', 'result')),"
        " app_id INTEGER NOT NULL REFERENCES apps (id),"
        " order_no TEXT NOT NULL,"
        " user_ref TEXT NOT NULL DEFAULT '',"
        " amount INTEGER NOT NULL DEFAULT 0,"
        " pay_status INTEGER,"
        " request_json TEXT NOT NULL,"
        " answer_json TEXT NOT NULL,"
        " created_at TEXT NOT NULL,"
        " PRIMARY KEY (kind, app_id, order_no))",
    };
}

} // namespace citycode::server

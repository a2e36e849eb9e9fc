#include "storage/HotWriteSchema.h"

namespace citycode::server {

std::vector<std::string> HotWriteSchema::statements()
{
    return {
        "-- sqlite\n"
        "CREATE TABLE api_nonces_by_time ("
        " expires_at INTEGER NOT NULL,"
        " caller TEXT NOT NULL,"
        " nonce TEXT NOT NULL,"
        " PRIMARY KEY (expires_at, caller, nonce)) WITHOUT ROWID",
        "-- sqlite\nINSERT INTO api_nonces_by_time (expires_at, caller, nonce)"
        " SELECT expires_at, caller, nonce FROM api_nonces",
        "-- sqlite\nDROP TABLE api_nonces",
        "-- sqlite\nALTER TABLE api_nonces_by_time RENAME TO api_nonces",
        "-- postgresql\nALTER TABLE api_nonces DROP CONSTRAINT api_nonces_pkey",
        "-- postgresql\nALTER TABLE api_nonces ADD PRIMARY KEY (expires_at, caller, nonce)",
        "-- postgresql\nDROP INDEX api_nonces_expiry",
        "-- sqlite\n"
        "CREATE TABLE code_records_checked ("
        " id {{ID}},"
        " action TEXT NOT NULL CHECK (action = 'open' OR action = 'show' OR action = 'decode'),"
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
        "-- sqlite\nINSERT INTO code_records_checked (id, action, result, code_type, user_id, app_id, platform_id,"
        " rule_id, rule_version, caller, terminal_code, location, code_id, created_at)"
        " SELECT id, action, result, code_type, user_id, app_id, platform_id, rule_id, rule_version, caller,"
        " terminal_code, location, code_id, created_at FROM code_records",
        "-- sqlite\nDROP TABLE code_records",
        "-- sqlite\nALTER TABLE code_records_checked RENAME TO code_records",
        "-- sqlite\nCREATE INDEX code_records_time ON code_records (created_at)",
        "-- sqlite\nCREATE INDEX code_records_platform ON code_records (platform_id, created_at)",
        "-- sqlite\nCREATE INDEX code_records_user ON code_records (user_id)",
    };
}

} // namespace citycode::server

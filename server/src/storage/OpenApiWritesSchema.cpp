#include "storage/OpenApiWritesSchema.h"

namespace citycode::server {

std::vector<std::string> OpenApiWritesSchema::statements()
{
    return {
        "DROP INDEX code_records_app",
        "DROP INDEX code_records_user",
        "CREATE INDEX code_records_user ON code_records (user_id)",
        "-- sqlite\n"
        "CREATE TABLE code_uses_by_expiry ("
        " nonce TEXT NOT NULL,"
        " rule_id INTEGER NOT NULL,"
        " rule_version INTEGER NOT NULL,"
        " user_id INTEGER,"
        " caller TEXT NOT NULL,"
        " expires_at INTEGER NOT NULL,"
        " used_at TEXT NOT NULL,"
        " PRIMARY KEY (expires_at, nonce)) WITHOUT ROWID",
        "-- sqlite\nINSERT INTO code_uses_by_expiry (nonce, rule_id, rule_version, user_id, caller, expires_at, "
        "used_at)"
        " SELECT nonce, rule_id, rule_version, user_id, caller, expires_at, used_at FROM code_uses",
        "-- sqlite\nDROP TABLE code_uses",
        "-- sqlite\nALTER TABLE code_uses_by_expiry RENAME TO code_uses",
        "-- postgresql\nALTER TABLE code_uses DROP CONSTRAINT code_uses_pkey",
        "-- postgresql\nALTER TABLE code_uses ADD PRIMARY KEY (expires_at, nonce)",
    };
}

} // namespace citycode::server

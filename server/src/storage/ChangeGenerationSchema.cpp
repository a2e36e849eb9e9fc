#include "storage/ChangeGenerationSchema.h"

namespace citycode::server {

const std::vector<std::string>& ChangeGenerationSchema::watchedTables()
{
    static const std::vector<std::string> tables{
        "platforms",          "apps",           "developers", "app_code_permissions", "code_rules",
        "code_rule_versions", "code_rule_apps", "terminals",  "code_styles",
    };
    return tables;
}

std::vector<std::string> ChangeGenerationSchema::statements()
{
    std::vector<std::string> statements{
        "CREATE TABLE change_generation ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " value BIGINT NOT NULL)",
        "INSERT INTO change_generation (id, value) VALUES (1, 1)",
        // One statement-level trigger function; a single-quoted body because the connector
        // treats "$" as the start of a placeholder.
        "-- postgresql\n"
        "CREATE FUNCTION raise_change_generation() RETURNS trigger LANGUAGE plpgsql AS"
        " 'BEGIN UPDATE change_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END'",
    };
    for (const std::string& table : watchedTables()) {
        // SQLite has row triggers only, one per event; a write of many rows raises the counter
        // once per row, which costs nothing that matters for admin writes.
        for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
            statements.push_back(std::string("-- sqlite\nCREATE TRIGGER ") + table + "_changed_" + event + " AFTER " +
                                 event + " ON " + table +
                                 " BEGIN UPDATE change_generation SET value = value + 1 WHERE id = 1; END");
        }
        statements.push_back("-- postgresql\nCREATE TRIGGER " + table +
                             "_changed AFTER INSERT OR UPDATE OR DELETE ON " + table +
                             " FOR EACH STATEMENT EXECUTE FUNCTION raise_change_generation()");
    }
    return statements;
}

} // namespace citycode::server

#include "storage/Migrations.h"

#include "citycode/common/Error.h"
#include "storage/AuthorisationSchema.h"
#include "storage/ChangeGenerationSchema.h"
#include "storage/CodeEngineSchema.h"
#include "storage/CodeStyleLookSchema.h"
#include "storage/Database.h"
#include "storage/HotWriteSchema.h"
#include "storage/KeySchema.h"
#include "storage/OpenApiSchema.h"
#include "storage/OpenApiWritesSchema.h"
#include "storage/RuleDesignMenuSchema.h"
#include "storage/StaticCodeSchema.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Nullable.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace citycode::server {

namespace {

// The schema, one entry per version, never edited once released: a change is a new entry.
// The SQL is written for SQLite and PostgreSQL alike: TEXT timestamps in UTC ISO 8601
// (Database::timestampNow), INTEGER 0/1 flags, CHECK constraints for enumerations. The only
// difference, the auto-numbered key, is spelled {{ID}} and expanded per backend.
const std::vector<Migration>& migrations()
{
    static std::vector<Migration> all = {
        {1,
         "platforms and operators",
         {
             // Exactly one main platform (the partial unique index); sub-platforms under it
             // (001 §4.1). service_address is where a sub-platform's own services live.
             "CREATE TABLE platforms ("
             " id {{ID}},"
             " kind TEXT NOT NULL CHECK (kind IN ('main', 'sub')),"
             " name TEXT NOT NULL UNIQUE,"
             " service_address TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE UNIQUE INDEX platforms_single_main ON platforms (kind) WHERE kind = 'main'",
             // Console accounts (001 §4.12). password_hash is self-describing
             // ("pbkdf2-sha256$iterations$salt$hash", see Passwords) so the cost can grow later.
             "CREATE TABLE operators ("
             " id {{ID}},"
             " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
             " username TEXT NOT NULL UNIQUE,"
             " display_name TEXT NOT NULL,"
             " password_hash TEXT NOT NULL,"
             " must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),"
             " is_initial_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_initial_admin IN (0, 1)),"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE INDEX operators_platform ON operators (platform_id)",
         }},
        {2, "sessions, captchas, login throttling, menus, roles, operation log", AuthorisationSchema::statements()},
        {5, "code keys, system settings, code styles, categories, numbering rules, code subjects",
         KeySchema::statements()},
        {6, "open API: city users, nonces, code uses, code records, bound data", OpenApiSchema::statements()},
        {7, "static codes, their history and numbering", StaticCodeSchema::statements()},
        {8, "code rule design buttons are main-platform menus", RuleDesignMenuSchema::statements()},
        {9, "code style symbology, error correction, quiet zone, module and print size",
         CodeStyleLookSchema::statements()},
        {10, "change generation raised by the tables the open API caches", ChangeGenerationSchema::statements()},
        {11, "fewer indexes on code records; used marks keyed by expiry", OpenApiWritesSchema::statements()},
        {12, "request nonces keyed by expiry first; code records checked without an IN list",
         HotWriteSchema::statements()},
        {4, "code specifications, code rules and versions, app code permissions, terminals",
         CodeEngineSchema::statements()},
        {3,
         "apps, developers, onboarding, regions, industries, dictionaries",
         {
             // Industries and regions (001 §4.12.2); regions form a tree through parent_id.
             "CREATE TABLE industries ("
             " id {{ID}},"
             " code TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE TABLE regions ("
             " id {{ID}},"
             " parent_id INTEGER REFERENCES regions (id),"
             " code TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE INDEX regions_parent ON regions (parent_id)",
             // Dictionaries (001 §4.12.3): groups of coded entries.
             "CREATE TABLE dictionary_groups ("
             " id {{ID}},"
             " code TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " description TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE TABLE dictionary_entries ("
             " id {{ID}},"
             " group_id INTEGER NOT NULL REFERENCES dictionary_groups (id),"
             " code TEXT NOT NULL,"
             " label TEXT NOT NULL,"
             " position INTEGER NOT NULL DEFAULT 0,"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " UNIQUE (group_id, code))",
             // Apps of a platform (001 §4.3). app_code is the public AppCode of 004.
             "CREATE TABLE apps ("
             " id {{ID}},"
             " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
             " app_code TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " organisation TEXT NOT NULL DEFAULT '',"
             " industry_id INTEGER REFERENCES industries (id),"
             " description TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL,"
             " UNIQUE (platform_id, name))",
             "CREATE INDEX apps_platform ON apps (platform_id)",
             // Exactly one developer per app (001 §4.3.2). The secret is sealed with SM4-GCM under
             // the data key (PersonalDataCipher): the server must read it back to verify HMAC
             // request signatures, so it cannot be hashed like a password.
             "CREATE TABLE developers ("
             " id {{ID}},"
             " app_id INTEGER NOT NULL UNIQUE REFERENCES apps (id),"
             " number TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " secret_sealed TEXT NOT NULL,"
             " secret_rotated_at TEXT NOT NULL,"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             // The user-facing app shelf (C端配置, PRODUCT §6): listed apps and their order per platform.
             "CREATE TABLE app_shelf ("
             " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
             " app_id INTEGER NOT NULL UNIQUE REFERENCES apps (id),"
             " position INTEGER NOT NULL,"
             " listed_at TEXT NOT NULL,"
             " PRIMARY KEY (platform_id, app_id))",
             // App applications of 004 §3. Contact name and phone are personal data: sealed
             // (SM4-GCM) with a keyed hash beside each for exact search, never in clear text.
             "CREATE TABLE app_applications ("
             " id {{ID}},"
             " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
             " app_name TEXT NOT NULL,"
             " organisation TEXT NOT NULL,"
             " contact_name_sealed TEXT NOT NULL,"
             " contact_name_hash TEXT NOT NULL,"
             " contact_phone_sealed TEXT NOT NULL,"
             " contact_phone_hash TEXT NOT NULL,"
             " description TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),"
             " review_reason TEXT NOT NULL DEFAULT '',"
             " reviewed_by INTEGER REFERENCES operators (id),"
             " reviewed_at TEXT,"
             " app_id INTEGER REFERENCES apps (id),"
             " submitted_by INTEGER REFERENCES operators (id),"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE INDEX app_applications_contact_phone ON app_applications (contact_phone_hash)",
             // Services an app lists on the platform (004 §4): the listing application, its review
             // and the emergency stop/start of 002 §5.3.1.4 (run_state).
             "CREATE TABLE services ("
             " id {{ID}},"
             " platform_id INTEGER NOT NULL REFERENCES platforms (id),"
             " app_id INTEGER NOT NULL REFERENCES apps (id),"
             " name TEXT NOT NULL,"
             " module_code TEXT NOT NULL UNIQUE,"
             " service_type TEXT NOT NULL CHECK (service_type IN ('handle', 'query')),"
             " callback_code TEXT NOT NULL,"
             " address TEXT NOT NULL,"
             " description TEXT NOT NULL DEFAULT '',"
             " review_status TEXT NOT NULL DEFAULT 'pending'"
             "  CHECK (review_status IN ('pending', 'approved', 'rejected')),"
             " review_reason TEXT NOT NULL DEFAULT '',"
             " reviewed_by INTEGER REFERENCES operators (id),"
             " reviewed_at TEXT,"
             " run_state TEXT NOT NULL DEFAULT 'running' CHECK (run_state IN ('running', 'stopped')),"
             " run_state_reason TEXT NOT NULL DEFAULT '',"
             " created_at TEXT NOT NULL,"
             " updated_at TEXT NOT NULL)",
             "CREATE INDEX services_app ON services (app_id)",
             // Test reports attached to a listing application (004 §4.3 7), base64 text so that
             // the same column type serves SQLite and PostgreSQL.
             "CREATE TABLE service_reports ("
             " id {{ID}},"
             " service_id INTEGER NOT NULL REFERENCES services (id),"
             " kind TEXT NOT NULL CHECK (kind IN ('functional', 'security')),"
             " file_name TEXT NOT NULL,"
             " size_bytes INTEGER NOT NULL,"
             " content_base64 TEXT NOT NULL,"
             " created_at TEXT NOT NULL)",
             "CREATE INDEX service_reports_service ON service_reports (service_id)",
         }},
    };
    // Entries are applied in version order whatever their order in the list above (several
    // people add entries at the same time).
    static const bool sorted = [] {
        std::sort(all.begin(), all.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
        return true;
    }();
    (void)sorted;
    return all;
}

// A statement that starts with "-- sqlite" or "-- postgresql" (a comment line) is for that backend
// only, e.g. a trigger, whose syntax differs.
bool runsOn(const std::string& sql, DatabaseBackend backend)
{
    const auto startsWith = [&sql](const char* prefix) { return sql.rfind(prefix, 0) == 0; };
    if (startsWith("-- sqlite\n"))
        return backend == DatabaseBackend::Sqlite;
    if (startsWith("-- postgresql\n"))
        return backend == DatabaseBackend::Postgresql;
    return true;
}

std::string expand(std::string sql, DatabaseBackend backend)
{
    const char* id = "";
    switch (backend) {
    case DatabaseBackend::Sqlite:
        id = "INTEGER PRIMARY KEY"; // an alias of the rowid: numbered by SQLite on insert
        break;
    case DatabaseBackend::Postgresql:
        // The SQL-standard identity column (PostgreSQL 10+); BY DEFAULT so that an explicit id
        // can still be inserted, as on SQLite.
        id = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        break;
    }
    const std::string token = "{{ID}}";
    for (std::size_t at = sql.find(token); at != std::string::npos; at = sql.find(token, at))
        sql.replace(at, token.size(), id);
    return sql;
}

} // namespace

Migrations::Migrations(Database& database, Poco::Logger& logger) : m_database(database), m_logger(logger) {}

int Migrations::latestVersion()
{
    return migrations().back().version;
}

int Migrations::currentVersion(Poco::Data::Session& session)
{
    Poco::Nullable<int> version;
    session << "SELECT MAX(version) FROM schema_migrations", into(version), now;
    return version.isNull() ? 0 : version.value();
}

int Migrations::currentVersion()
{
    Poco::Data::Session session = m_database.session();
    return currentVersion(session);
}

int Migrations::apply()
{
    Poco::Data::Session session = m_database.session();
    {
        // Under the database-wide lock: on PostgreSQL two concurrent CREATE TABLE IF NOT EXISTS
        // can both pass the check, and the second then fails on the catalog's unique index.
        Transaction transaction(session, TransactionLock::Database);
        session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " version INTEGER PRIMARY KEY,"
                   " name TEXT NOT NULL,"
                   " applied_at TEXT NOT NULL)",
            now;
        transaction.commit();
    }

    const int before = currentVersion(session);
    if (before > latestVersion())
        throw common::Error("DATABASE_SCHEMA_TOO_NEW", "the database has schema version " + std::to_string(before) +
                                                           " but this server only knows up to " +
                                                           std::to_string(latestVersion()) + "; upgrade the server");
    int applied = 0;
    for (const Migration& migration : migrations()) {
        if (migration.version <= before)
            continue;
        // One migrating server at a time: SQLite's write lock, PostgreSQL's advisory lock.
        Transaction transaction(session, TransactionLock::Database);
        // Checked again under the lock: another server may have applied it meanwhile.
        if (currentVersion(session) >= migration.version)
            continue;
        for (const std::string& statement : migration.statements) {
            if (runsOn(statement, m_database.backend()))
                session << expand(statement, m_database.backend()), now;
        }
        int version = migration.version;
        std::string name = migration.name;
        std::string appliedAt = Database::timestampNow();
        session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", use(version),
            use(name), use(appliedAt), now;
        transaction.commit();
        m_logger.information("applied database migration %d (%s)", version, name);
        ++applied;
    }
    return applied;
}

} // namespace citycode::server

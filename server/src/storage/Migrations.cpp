#include "storage/Migrations.h"

#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace citycode::server {

namespace {

// The schema, one entry per version, never edited once released: a change is a new entry.
// The SQL is written for SQLite and PostgreSQL alike: TEXT timestamps in UTC ISO 8601
// (Database::timestampNow), INTEGER 0/1 flags, CHECK constraints for enumerations. The only
// difference, the auto-numbered key, is spelled {{ID}} and expanded per backend.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = {
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
    };
    return all;
}

std::string expand(std::string sql, DatabaseBackend backend)
{
    const char* id = "";
    switch (backend) {
    case DatabaseBackend::Sqlite:
        id = "INTEGER PRIMARY KEY"; // an alias of the rowid: numbered by SQLite on insert
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
    session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               " version INTEGER PRIMARY KEY,"
               " name TEXT NOT NULL,"
               " applied_at TEXT NOT NULL)",
        now;

    const int before = currentVersion(session);
    if (before > latestVersion())
        throw common::Error("DATABASE_SCHEMA_TOO_NEW", "the database has schema version " + std::to_string(before) +
                                                           " but this server only knows up to " +
                                                           std::to_string(latestVersion()) + "; upgrade the server");
    int applied = 0;
    for (const Migration& migration : migrations()) {
        if (migration.version <= before)
            continue;
        Transaction transaction(session);
        // Checked again under the write lock: another server may have applied it meanwhile.
        if (currentVersion(session) >= migration.version)
            continue;
        for (const std::string& statement : migration.statements)
            session << expand(statement, m_database.backend()), now;
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

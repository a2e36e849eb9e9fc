#pragma once

#include <string>

namespace citycode::test {

// The database the server tests run against: SQLite files in each data folder (the default), or
// with CITYCODE_TEST_BACKEND=postgresql a fresh database per data folder in the PostgreSQL
// cluster whose admin URL is CITYCODE_TEST_POSTGRES_URL (scripts/test.sh starts one). Databases
// are created on first use and dropped when the test program exits.
class TestBackend
{
public:
    // True for CITYCODE_TEST_BACKEND=postgresql. Throws std::runtime_error for another value, or
    // for postgresql without CITYCODE_TEST_POSTGRES_URL: a misconfigured run must not quietly
    // test SQLite twice.
    static bool postgresql();
    // "sqlite" or "postgresql", as the server's /health reports it.
    static std::string name();

    // The database URL a server with this data folder should use: empty for SQLite (the server's
    // default, citycode.db in the data folder); for PostgreSQL the URL of the database belonging
    // to this folder, created now if needed.
    static std::string databaseUrlFor(const std::string& dataDir);
    // The PostgreSQL URL already given to a server of this data folder; empty when there is none.
    static std::string knownDatabaseUrl(const std::string& dataDir);
    // A new, empty PostgreSQL database (dropped at exit), for tests that use the server library
    // directly. Throws std::runtime_error unless postgresql().
    static std::string createDatabase();

    // libpq's "key=value" form of a postgresql:// URL made here, for Poco::Data::PostgreSQL.
    static std::string connectionString(const std::string& url);

    // True when the server of this data folder has created its schema: SQLite citycode.db
    // exists, or the PostgreSQL database has the schema_migrations table.
    static bool hasDatabase(const std::string& dataDir);
};

} // namespace citycode::test

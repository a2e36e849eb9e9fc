#pragma once

#include <string>
#include <vector>

namespace Poco {
class Logger;
namespace Data {
class Session;
}
} // namespace Poco

namespace citycode::server {

class Database;

// One versioned schema change: its statements run together in one write transaction.
struct Migration
{
    int version = 0;
    std::string name;
    std::vector<std::string> statements;
};

// Brings a database schema up to date. Applied versions are recorded in schema_migrations
// (version, name, applied_at); each migration is applied once, inside a write transaction that
// also records it, so a crash or a second server starting at the same time cannot apply it
// twice or half-way. A database written by a newer server is refused.
class Migrations
{
public:
    Migrations(Database& database, Poco::Logger& logger);

    // Applies the missing migrations in order; returns how many were applied (0 when current).
    // Throws citycode::common::Error("DATABASE_SCHEMA_TOO_NEW") when the database has a version
    // this server does not know.
    int apply();

    // The highest applied version, 0 for an empty database. Throws Poco::Data exceptions when
    // the database cannot be read (callers use it as a health probe).
    int currentVersion();

    // The newest version this server knows.
    static int latestVersion();

private:
    static int currentVersion(Poco::Data::Session& session);

    Database& m_database;
    Poco::Logger& m_logger;
};

} // namespace citycode::server

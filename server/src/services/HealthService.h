#pragma once

#include <Poco/Timestamp.h>

#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Database;

// The state /health reports.
struct HealthReport
{
    std::string version;
    std::string databaseBackend; // "sqlite"
    bool databaseOk = false;
    int schemaVersion = 0;
    Poco::Int64 uptimeSeconds = 0;
};

// Checks that the server can serve: the database answers a query. Thread-safe.
class HealthService
{
public:
    HealthService(Database& database, Poco::Logger& logger);

    // Never throws: a failing database check is reported as databaseOk = false and logged.
    HealthReport check();

private:
    Database& m_database;
    Poco::Logger& m_logger;
    const Poco::Timestamp m_started;
};

} // namespace citycode::server

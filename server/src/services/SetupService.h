#pragma once

#include <optional>
#include <string>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Database;

// What the operator needs to sign in the first time; exists only in memory, once.
struct InitialAdministrator
{
    std::string username;
    std::string password;          // clear text, only to be shown once
    bool passwordGenerated = true; // false when it came from admin.initial_password
};

// First-start setup of an empty database (PRODUCT §1): the main platform, the initial
// administrator with a one-time password that must be changed at first login, and on request
// the demo data. Later starts find the main platform and change nothing.
class SetupService
{
public:
    struct Options
    {
        std::string mainPlatformName;
        std::string initialPassword; // empty: generate a random one
        std::string demoDirectory;   // empty: no demo data
    };

    SetupService(Database& database, Poco::Logger& logger) : m_database(database), m_logger(logger) {}

    // Sets up an empty database in one write transaction and returns the administrator's
    // credentials; returns nothing when the database was set up before. Throws
    // citycode::common::Error (DEMO_DATA_INVALID) or Poco::Data exceptions; nothing is written then.
    std::optional<InitialAdministrator> initialize(const Options& options);

    static constexpr char kInitialAdminName[] = "admin";

private:
    Database& m_database;
    Poco::Logger& m_logger;
};

} // namespace citycode::server

#include "services/HealthService.h"

#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace citycode::server {

HealthService::HealthService(Database& database, Poco::Logger& logger) : m_database(database), m_logger(logger) {}

HealthReport HealthService::check()
{
    HealthReport report;
    report.version = CITYCODE_VERSION;
    report.databaseBackend = m_database.backendName();
    report.uptimeSeconds = m_started.elapsed() / Poco::Timestamp::resolution();
    try {
        report.schemaVersion = Migrations(m_database, m_logger).currentVersion();
        report.databaseOk = true;
    } catch (const Poco::Exception& e) {
        m_logger.warning("health check: database query failed: " + e.displayText());
    } catch (const std::exception& e) {
        m_logger.warning(std::string("health check: database query failed: ") + e.what());
    }
    return report;
}

} // namespace citycode::server

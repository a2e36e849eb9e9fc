#include "storage/Transaction.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Logger.h>
#include <Poco/String.h>

using namespace Poco::Data::Keywords;

namespace citycode::server {

namespace {

// The advisory lock key of TransactionLock::Database: any fixed number that no other program
// sharing the PostgreSQL database uses ("CityCode" in ASCII).
constexpr char kDatabaseLockSql[] = "SELECT pg_advisory_xact_lock(4857541737267029093)";

} // namespace

Transaction::Transaction(Poco::Data::Session& session, TransactionLock lock) : m_session(session)
{
    const bool sqlite = Poco::icompare(session.connector(), Poco::Data::SQLite::Connector::KEY) == 0;
    m_session << (sqlite ? "BEGIN IMMEDIATE" : "BEGIN"), now;
    m_active = true;
    if (!sqlite && lock == TransactionLock::Database) {
        // Released by COMMIT or ROLLBACK. Taken before any row lock, so two such transactions
        // cannot deadlock on each other.
        m_session << kDatabaseLockSql, now;
    }
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    try {
        m_session << "ROLLBACK", now;
    } catch (const Poco::Exception& e) {
        // A failed rollback leaves the session unusable; the pool drops it when it notices.
        Poco::Logger::get("citycode").error("rollback failed: " + e.displayText());
    }
}

void Transaction::commit()
{
    m_session << "COMMIT", now;
    m_active = false;
}

} // namespace citycode::server

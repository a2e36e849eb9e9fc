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
        // SQLite ends a transaction by itself after SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY or
        // SQLITE_NOMEM (sqlite.org/lang_transaction.html "Response To Errors Within A
        // Transaction"); the ROLLBACK then fails with "no transaction is active", harmlessly. A
        // session still inside its transaction would refuse every later BEGIN: a second try.
        if (!stillOpen())
            return;
        try {
            m_session << "ROLLBACK", now;
        } catch (const Poco::Exception&) {
        }
        if (stillOpen())
            Poco::Logger::get("citycode").error("rollback failed: " + e.displayText());
    }
}

bool Transaction::stillOpen() const
{
    try {
        if (Poco::icompare(m_session.connector(), Poco::Data::SQLite::Connector::KEY) != 0)
            return true; // PostgreSQL: a failed ROLLBACK means a broken connection; the pool drops it
        // SQLite's autoCommit feature is sqlite3_get_autocommit(): false inside a transaction.
        return !m_session.getFeature("autoCommit");
    } catch (const Poco::Exception&) {
        return true;
    }
}

void Transaction::commit()
{
    m_session << "COMMIT", now;
    m_active = false;
}

} // namespace citycode::server

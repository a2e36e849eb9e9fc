#include "storage/Database.h"

#include "citycode/common/Error.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>

#include <mutex>

using namespace Poco::Data::Keywords;

namespace citycode::server {

namespace {

constexpr char kSqliteScheme[] = "sqlite:";

// Milliseconds SQLite waits for a competing writer before giving up with "database is locked".
constexpr int kSqliteBusyTimeoutMs = 5000;

// Applies the per-connection SQLite settings to every session the pool creates.
class SqliteSessionPool : public Poco::Data::SessionPool
{
public:
    SqliteSessionPool(const std::string& path, int maxSessions)
        : Poco::Data::SessionPool(Poco::Data::SQLite::Connector::KEY, path, 1, maxSessions, 60)
    {
    }

protected:
    void customizeSession(Poco::Data::Session& session) override
    {
        // synchronous=FULL: with WAL, NORMAL may lose the last commits on power loss; an issued
        // credential or code must survive once the client has been told it exists.
        session << "PRAGMA synchronous=FULL", now;
        session << "PRAGMA busy_timeout=" + std::to_string(kSqliteBusyTimeoutMs), now;
        // SQLite enforces REFERENCES clauses only when asked, per connection.
        session << "PRAGMA foreign_keys=ON", now;
    }
};

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

} // namespace

Database::Database(const std::string& url, const std::string& dataDir, int maxSessions)
{
    if (url.rfind(kSqliteScheme, 0) != 0)
        throw common::Error("DATABASE_URL_INVALID", "unsupported database URL '" + url.substr(0, url.find(':')) +
                                                        ":...'; this build supports sqlite:PATH");
    const std::string rawPath = url.substr(sizeof(kSqliteScheme) - 1);
    if (rawPath.empty())
        throw common::Error("DATABASE_URL_INVALID", "database URL 'sqlite:' needs a file path");
    Poco::Path path(rawPath);
    m_location = path.isAbsolute() ? path.toString() : Poco::Path(Poco::Path::forDirectory(dataDir), path).toString();
    m_backend = DatabaseBackend::Sqlite;

    registerConnectors();
    try {
        m_pool = std::make_unique<SqliteSessionPool>(m_location, maxSessions);
        // WAL lets readers run while one writer commits; the mode is stored in the file, so
        // setting it once per open is enough. Switching needs an exclusive lock, and SQLite
        // answers "database is locked" at once, without waiting through the busy timeout, while
        // another process is setting up the same new file: so it is retried for that long.
        const Poco::Timestamp started;
        std::string mode;
        for (;;) {
            try {
                Poco::Data::Session s = m_pool->get();
                s << "PRAGMA journal_mode=WAL", into(mode), now;
                break;
            } catch (const Poco::Data::SQLite::DBLockedException&) {
                if (started.elapsed() > Poco::Timestamp::TimeDiff(kSqliteBusyTimeoutMs) * 1000)
                    throw;
                Poco::Thread::sleep(20);
            }
        }
        if (Poco::icompare(mode, "wal") != 0)
            throw common::Error("DATABASE_OPEN_FAILED", "SQLite refused WAL mode for " + m_location);
    } catch (const Poco::Exception& e) {
        throw common::Error("DATABASE_OPEN_FAILED", "cannot open " + m_location + ": " + e.displayText());
    }
}

Database::~Database()
{
    close();
}

Poco::Data::Session Database::session()
{
    if (!m_pool || !m_pool->isActive())
        throw common::Error("DATABASE_CLOSED", "the database is closed");
    return m_pool->get();
}

const char* Database::backendName() const
{
    switch (m_backend) {
    case DatabaseBackend::Sqlite:
        return "sqlite";
    }
    return "unknown";
}

void Database::close()
{
    if (m_pool && m_pool->isActive())
        m_pool->shutdown();
}

std::string Database::timestampNow()
{
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

} // namespace citycode::server

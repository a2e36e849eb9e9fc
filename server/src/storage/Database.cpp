#include "storage/Database.h"

#include "citycode/common/Error.h"
#include "storage/SqliteReads.h"
#include "storage/SqliteStatementCache.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <mutex>
#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace citycode::server {

namespace {

constexpr char kSqliteScheme[] = "sqlite:";
constexpr char kPostgresqlScheme[] = "postgresql://";
constexpr char kPostgresScheme[] = "postgres://";

// Milliseconds SQLite waits for a competing writer before giving up with "database is locked".
constexpr int kSqliteBusyTimeoutMs = 5000;
// WAL pages after which a commit checkpoints (PRAGMA wal_autocheckpoint; SQLite's default is 1000).
constexpr int kSqliteCheckpointPages = 8000;

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
        // A checkpoint copies each page changed since the last one back into the database file
        // once, inside the commit that crosses the threshold. The default, every 1000 WAL pages,
        // copied the open API's busy pages (index leaves, the tables' last pages) over and over;
        // every 8000 pages (32 MiB) copies each of them once per far more commits.
        session << "PRAGMA wal_autocheckpoint=" + std::to_string(kSqliteCheckpointPages), now;
        // SQLite enforces REFERENCES clauses only when asked, per connection.
        session << "PRAGMA foreign_keys=ON", now;
        SqliteStatementCache::adopt(session, static_cast<const Poco::Data::SessionPool*>(this));
    }
};

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Before SQLite initializes: no global memory statistics, whose mutex every allocation
        // of every connection took (the open API's many short statements contended on it).
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

bool startsWith(const std::string& text, const char* prefix)
{
    return text.rfind(prefix, 0) == 0;
}

// One value of a libpq "key=value" connection string: quoted, with \ and \' escaped
// (PostgreSQL 15 manual §34.1.1.1), so spaces or quotes in a password cannot add keys.
std::string libpqValue(const std::string& value)
{
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

// A PostgreSQL URL as a libpq connection string plus a printable location without the password.
struct PostgresTarget
{
    std::string connectionString;
    std::string location;
};

PostgresTarget parsePostgresUrl(const std::string& url)
{
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
        throw common::Error("DATABASE_URL_INVALID", "malformed PostgreSQL URL: " + e.displayText());
    }
    std::string host = uri.getHost();
    std::string database = uri.getPath();
    if (!database.empty() && database.front() == '/')
        database.erase(0, 1);
    std::string user, password;
    const std::string userInfo = uri.getUserInfo();
    const std::size_t colon = userInfo.find(':');
    user = userInfo.substr(0, colon);
    if (colon != std::string::npos)
        password = userInfo.substr(colon + 1);
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto& [key, value] : uri.getQueryParameters()) {
        if (key == "user")
            user = value;
        else if (key == "password")
            password = value;
        else if (key == "host")
            host = value; // e.g. a Unix socket folder
        else if (key == "dbname")
            database = value;
        else
            options.emplace_back(key, value);
    }
    if (host.empty() || database.empty())
        throw common::Error("DATABASE_URL_INVALID",
                            "a PostgreSQL URL needs a host and a database: postgresql://USER@HOST:PORT/DBNAME");
    PostgresTarget target;
    target.connectionString = "host=" + libpqValue(host) + " dbname=" + libpqValue(database);
    if (uri.getPort() != 0)
        target.connectionString += " port=" + std::to_string(uri.getPort());
    if (!user.empty())
        target.connectionString += " user=" + libpqValue(user);
    if (!password.empty())
        target.connectionString += " password=" + libpqValue(password);
    for (const auto& [key, value] : options)
        target.connectionString += " " + key + "=" + libpqValue(value);
    target.location = "postgresql://" + (user.empty() ? std::string() : user + "@") + host +
                      (uri.getPort() != 0 ? ":" + std::to_string(uri.getPort()) : std::string()) + "/" + database;
    return target;
}

} // namespace

Database::Database(const std::string& url, const std::string& dataDir, int maxSessions)
{
    registerConnectors();
    if (startsWith(url, kPostgresqlScheme) || startsWith(url, kPostgresScheme))
        openPostgresql(url, maxSessions);
    else if (startsWith(url, kSqliteScheme))
        openSqlite(url, dataDir, maxSessions);
    else
        throw common::Error("DATABASE_URL_INVALID",
                            "unsupported database URL '" + url.substr(0, url.find(':')) +
                                ":...'; expected sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME");
}

void Database::openSqlite(const std::string& url, const std::string& dataDir, int maxSessions)
{
    const std::string rawPath = url.substr(sizeof(kSqliteScheme) - 1);
    if (rawPath.empty())
        throw common::Error("DATABASE_URL_INVALID", "database URL 'sqlite:' needs a file path");
    Poco::Path path(rawPath);
    m_location = path.isAbsolute() ? path.toString() : Poco::Path(Poco::Path::forDirectory(dataDir), path).toString();
    m_backend = DatabaseBackend::Sqlite;

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
        m_reads =
            std::make_unique<SqliteReads>(m_location, kSqliteBusyTimeoutMs, static_cast<std::size_t>(maxSessions));
    } catch (const Poco::Exception& e) {
        throw common::Error("DATABASE_OPEN_FAILED", "cannot open " + m_location + ": " + e.displayText());
    }
}

void Database::openPostgresql(const std::string& url, int maxSessions)
{
    const PostgresTarget target = parsePostgresUrl(url);
    m_location = target.location;
    m_backend = DatabaseBackend::Postgresql;
    try {
        m_pool = std::make_unique<Poco::Data::SessionPool>(Poco::Data::PostgreSQL::Connector::KEY,
                                                           target.connectionString, 1, maxSessions, 60);
        // Connects once now, so that a wrong address or database fails the start, not the first
        // request. The Poco PostgreSQL exceptions' what() is only "PostgreSQL": displayText()
        // carries libpq's message.
        Poco::Data::Session s = m_pool->get();
        s << "SELECT 1", now;
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
    case DatabaseBackend::Postgresql:
        return "postgresql";
    }
    return "unknown";
}

void Database::close()
{
    if (m_reads)
        m_reads->close();
    if (m_pool && m_pool->isActive()) {
        m_pool->shutdown();
        SqliteStatementCache::release(static_cast<const Poco::Data::SessionPool*>(m_pool.get()));
    }
}

std::string Database::timestampNow()
{
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

} // namespace citycode::server

#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Statement.h>
#include <Poco/Types.h>

#include <memory>
#include <string>

namespace citycode::server {

class SqliteReads;

enum class DatabaseBackend
{
    Sqlite,
    Postgresql,
};

// Owns the pool of database sessions for one connection URL and hands out sessions that are
// ready to use (SQLite: WAL, synchronous=FULL, busy_timeout, foreign keys). The URL selects the
// backend, SQLite or PostgreSQL; callers write one SQL text for both (TOOLCHAIN.md: $1, $2...
// placeholders, each once and in order). Thread-safe: each thread takes its own session.
//
// Durability (issue 3, "kill -9 loses no acknowledged write"): on SQLite, WAL with
// synchronous=FULL syncs the WAL file at every COMMIT, so a transaction is on disk before COMMIT
// returns (sqlite.org/pragma.html#pragma_synchronous); NORMAL would only sync at checkpoints. On
// PostgreSQL, synchronous_commit=on (the default, never changed here) makes COMMIT wait until
// the WAL record is flushed (PostgreSQL 15 manual §20.5.1).
class Database
{
public:
    // url: "sqlite:PATH", a relative PATH resolved against dataDir; or
    // "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DBNAME[?user=U&password=P&...]" (also
    // "postgres://"), whose query parameters are passed to libpq as they are. maxSessions bounds
    // the pool (one per HTTP worker thread plus a few for start-up and housekeeping).
    // Throws citycode::common::Error("DATABASE_URL_INVALID") for an unknown scheme and
    // ("DATABASE_OPEN_FAILED") when the database cannot be opened.
    Database(const std::string& url, const std::string& dataDir, int maxSessions);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // A session from the pool, returned to it when the last copy is destroyed. Throws
    // Poco::Data::SessionPoolExhaustedException when all sessions are in use.
    Poco::Data::Session session();

    DatabaseBackend backend() const { return m_backend; }
    const char* backendName() const; // "sqlite" or "postgresql"
    // Where the data lives, for logs: the SQLite file path, or the PostgreSQL URL without its
    // password.
    const std::string& location() const { return m_location; }
    // The session pool, for GET /metrics (capacity, used, idle); read-only use only.
    const Poco::Data::SessionPool& pool() const { return *m_pool; }
    // Connections for the reads made on every open API request, outside the pool (SQLite only;
    // nullptr on PostgreSQL, where those reads take a pooled session).
    SqliteReads* sqliteReads() { return m_reads.get(); }

    // Closes every session; later session() calls throw. Idempotent.
    void close();

    // The timestamp format of every *_at column: UTC ISO 8601 with milliseconds
    // ("2024-05-01T08:30:00.123Z"); text sorts in time order and reads the same on every backend.
    static std::string timestampNow();

    // Runs an "INSERT ... RETURNING id" (both backends support RETURNING) with the given use()
    // bindings and returns the new row's id, read as a 64-bit integer: PostgreSQL numbers
    // BIGINT keys, which do not fit an int.
    template <typename... Bindings>
    static Poco::Int64 insertReturningId(Poco::Data::Session& session, const std::string& sql, Bindings... bindings)
    {
        Poco::Int64 id = 0;
        Poco::Data::Statement insert(session);
        insert << sql;
        ((insert, bindings), ...);
        insert, Poco::Data::Keywords::into(id);
        insert.execute();
        return id;
    }

private:
    void openSqlite(const std::string& url, const std::string& dataDir, int maxSessions);
    void openPostgresql(const std::string& url, int maxSessions);

    DatabaseBackend m_backend = DatabaseBackend::Sqlite;
    std::string m_location;
    std::unique_ptr<Poco::Data::SessionPool> m_pool;
    std::unique_ptr<SqliteReads> m_reads;
};

} // namespace citycode::server

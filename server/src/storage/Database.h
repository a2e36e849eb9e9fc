#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <memory>
#include <string>

namespace citycode::server {

enum class DatabaseBackend
{
    Sqlite,
};

// Owns the pool of database sessions for one connection URL and hands out sessions that are
// ready to use (SQLite: WAL, synchronous=FULL, busy_timeout, foreign keys). The URL selects the
// backend so that PostgreSQL can be added as "postgresql://..." without touching callers.
// Thread-safe: each thread takes its own session with session().
class Database
{
public:
    // url: "sqlite:PATH"; a relative PATH is resolved against dataDir. maxSessions bounds the pool
    // (one per HTTP worker thread plus a few for start-up and housekeeping).
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
    const char* backendName() const; // "sqlite"
    // Where the data lives, for logs: the SQLite file path (never a password).
    const std::string& location() const { return m_location; }

    // Closes every session; later session() calls throw. Idempotent.
    void close();

    // The timestamp format of every *_at column: UTC ISO 8601 with milliseconds
    // ("2024-05-01T08:30:00.123Z"); text sorts in time order and reads the same on every backend.
    static std::string timestampNow();

private:
    DatabaseBackend m_backend = DatabaseBackend::Sqlite;
    std::string m_location;
    std::unique_ptr<Poco::Data::SessionPool> m_pool;
};

} // namespace citycode::server

#pragma once

#include <Poco/Types.h>

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace citycode::server {

// Read-only SQLite connections of their own for the few reads the open API makes on every request
// (the change generation, a user): a connection with its compiled statement is taken from a free
// list, stepped and put back, without the session pool and Poco's statement machinery, which cost
// about ten times the read itself. Each read is its own transaction, so it sees every commit made
// before it by any connection or process (WAL). Connections are opened on demand, at most
// `maxIdle` are kept. Thread-safe; a Read is used by one thread.
class SqliteReads
{
public:
    SqliteReads(std::string path, int busyTimeoutMs, std::size_t maxIdle);
    ~SqliteReads();
    SqliteReads(const SqliteReads&) = delete;
    SqliteReads& operator=(const SqliteReads&) = delete;

    class Read;

    // A compiled statement of `sql`, a text that lives as long as the process (a literal): statements
    // are kept by its address. Throws common::Error("DATABASE_CLOSED") after close(), a Poco SQLite exception
    // when the connection cannot be opened or the statement compiled.
    Read prepare(const char* sql);

    // Closes the idle connections; those in use are closed when their Read ends. Idempotent.
    void close();

private:
    struct Connection;

    Connection* acquire();
    void release(Connection* connection);

    const std::string m_path;
    const int m_busyTimeoutMs;
    const std::size_t m_maxIdle;
    std::mutex m_mutex;
    std::vector<Connection*> m_idle;
    bool m_closed = false;
};

// One run of a kept statement: bind, step through the rows, read columns. The statement is reset
// (ending its read transaction) and its connection returned when the Read ends.
class SqliteReads::Read
{
public:
    Read(Read&& other) noexcept;
    Read& operator=(Read&&) = delete;
    Read(const Read&) = delete;
    ~Read();

    // Parameters count from 1, as in the SQL text ($1, $2...).
    Read& bind(int index, Poco::Int64 value);
    Read& bind(int index, const std::string& value);

    // True with a row to read, false when done; throws the Poco SQLite exception of an error.
    bool step();

    // Columns count from 0.
    bool isNull(int column) const;
    Poco::Int64 integer(int column) const;
    std::string text(int column) const;

private:
    friend class SqliteReads;
    Read(SqliteReads& owner, Connection* connection, sqlite3_stmt* statement)
        : m_owner(&owner), m_connection(connection), m_statement(statement)
    {
    }

    SqliteReads* m_owner;
    Connection* m_connection;
    sqlite3_stmt* m_statement;
};

} // namespace citycode::server

#include "storage/SqliteReads.h"

#include "citycode/common/Error.h"

#include <Poco/Data/SQLite/Utility.h>

#include <memory>
#include <sqlite3.h>
#include <utility>

namespace citycode::server {

using Poco::Data::SQLite::Utility;

struct SqliteReads::Connection
{
    sqlite3* db = nullptr;
    // Few statements per connection (the hot reads), looked up by the address of their text.
    std::vector<std::pair<const char*, sqlite3_stmt*>> statements;

    ~Connection()
    {
        for (auto& [sql, statement] : statements)
            sqlite3_finalize(statement);
        sqlite3_close_v2(db);
    }
};

SqliteReads::SqliteReads(std::string path, int busyTimeoutMs, std::size_t maxIdle)
    : m_path(std::move(path)), m_busyTimeoutMs(busyTimeoutMs), m_maxIdle(maxIdle)
{
}

SqliteReads::~SqliteReads()
{
    close();
}

void SqliteReads::close()
{
    std::vector<Connection*> idle;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        idle.swap(m_idle);
    }
    for (Connection* connection : idle)
        delete connection;
}

SqliteReads::Connection* SqliteReads::acquire()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_closed)
            throw common::Error("DATABASE_CLOSED", "the database is closed");
        if (!m_idle.empty()) {
            Connection* connection = m_idle.back();
            m_idle.pop_back();
            return connection;
        }
    }
    auto connection = std::make_unique<Connection>();
    // NOMUTEX: a connection is used by one thread at a time (the free list hands it out).
    const int rc =
        sqlite3_open_v2(m_path.c_str(), &connection->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK)
        Utility::throwException(connection->db, rc, m_path);
    sqlite3_busy_timeout(connection->db, m_busyTimeoutMs);
    // These connections only read: a write through one would be a bug, refused as such.
    sqlite3_exec(connection->db, "PRAGMA query_only=ON", nullptr, nullptr, nullptr);
    return connection.release();
}

void SqliteReads::release(Connection* connection)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_closed && m_idle.size() < m_maxIdle) {
            m_idle.push_back(connection);
            return;
        }
    }
    delete connection;
}

SqliteReads::Read SqliteReads::prepare(const char* sql)
{
    Connection* connection = acquire();
    for (const auto& [text, statement] : connection->statements) {
        if (text == sql)
            return Read(*this, connection, statement);
    }
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(connection->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        try {
            Utility::throwException(connection->db, rc, sql);
        } catch (...) {
            release(connection);
            throw;
        }
    }
    connection->statements.emplace_back(sql, statement);
    return Read(*this, connection, statement);
}

SqliteReads::Read::Read(Read&& other) noexcept
    : m_owner(other.m_owner), m_connection(other.m_connection), m_statement(other.m_statement)
{
    other.m_connection = nullptr;
    other.m_statement = nullptr;
}

SqliteReads::Read::~Read()
{
    if (!m_connection)
        return;
    // A stepped statement keeps its read snapshot (and holds back WAL checkpoints) until reset.
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_owner->release(m_connection);
}

SqliteReads::Read& SqliteReads::Read::bind(int index, Poco::Int64 value)
{
    const int rc = sqlite3_bind_int64(m_statement, index, value);
    if (rc != SQLITE_OK)
        Utility::throwException(sqlite3_db_handle(m_statement), rc);
    return *this;
}

SqliteReads::Read& SqliteReads::Read::bind(int index, const std::string& value)
{
    const int rc =
        sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        Utility::throwException(sqlite3_db_handle(m_statement), rc);
    return *this;
}

bool SqliteReads::Read::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Utility::throwException(sqlite3_db_handle(m_statement), rc, sqlite3_sql(m_statement));
    return false;
}

bool SqliteReads::Read::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

Poco::Int64 SqliteReads::Read::integer(int column) const
{
    return static_cast<Poco::Int64>(sqlite3_column_int64(m_statement, column));
}

std::string SqliteReads::Read::text(int column) const
{
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)))
                 : std::string();
}

} // namespace citycode::server

#include "storage/SqliteStatementCache.h"

#include <Poco/AutoPtr.h>
#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionImpl.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <sqlite3.h>
#include <unordered_map>

namespace citycode::server {

namespace {

using Poco::Data::MetaColumn;
using Poco::Data::SQLite::Utility;

// Statements kept per connection; beyond that all are dropped (admin lists build many texts).
constexpr std::size_t kMaxStatements = 256;

enum class ColumnKind
{
    Integer,
    Text,
};

struct Prepared
{
    sqlite3_stmt* statement = nullptr;
    bool usable = false; // false: a column type the generic rows do not carry; run through Poco
    std::vector<ColumnKind> kinds;
    std::vector<std::string> names;
};

struct Connection
{
    const void* owner = nullptr;
    Poco::AutoPtr<Poco::Data::SessionImpl> session; // kept alive to ask whether it was closed
    std::unordered_map<std::string, Prepared> statements;

    void finalizeAll()
    {
        for (auto& [sql, prepared] : statements)
            sqlite3_finalize(prepared.statement);
        statements.clear();
    }
};

std::mutex g_mutex;
std::unordered_map<sqlite3*, std::unique_ptr<Connection>> g_connections;

// The registered connection behind a pooled session, or nullptr.
Connection* connectionOf(Poco::Data::Session& session)
{
    if (session.connector() != Poco::Data::SQLite::Connector::KEY)
        return nullptr;
    sqlite3* handle = Utility::dbHandle(session);
    std::lock_guard<std::mutex> lock(g_mutex);
    const auto found = g_connections.find(handle);
    return found == g_connections.end() ? nullptr : found->second.get();
}

// Poco::Data::RecordSet's column typing (Utility::getColumnType, from the declared type), narrowed
// to what RecordStore rows hold: integers and text.
Prepared prepare(sqlite3* db, const std::string& sql)
{
    Prepared prepared;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size() + 1), &prepared.statement, &tail) !=
            SQLITE_OK ||
        !prepared.statement) {
        sqlite3_finalize(prepared.statement);
        prepared.statement = nullptr;
        return prepared; // Poco reports the error
    }
    for (; tail && *tail; ++tail) {
        if (!std::isspace(static_cast<unsigned char>(*tail))) {
            sqlite3_finalize(prepared.statement); // several statements: Poco's business
            prepared.statement = nullptr;
            return prepared;
        }
    }
    prepared.usable = true;
    const int columns = sqlite3_column_count(prepared.statement);
    for (int column = 0; column < columns; ++column) {
        MetaColumn::ColumnDataType type = MetaColumn::FDT_UNKNOWN;
        try {
            type = Utility::getColumnType(prepared.statement, static_cast<std::size_t>(column));
        } catch (const Poco::Exception&) {
            prepared.usable = false;
        }
        switch (type) {
        case MetaColumn::FDT_INT8:
        case MetaColumn::FDT_UINT8:
        case MetaColumn::FDT_INT16:
        case MetaColumn::FDT_UINT16:
        case MetaColumn::FDT_INT32:
        case MetaColumn::FDT_UINT32:
        case MetaColumn::FDT_INT64:
        case MetaColumn::FDT_UINT64:
            prepared.kinds.push_back(ColumnKind::Integer);
            break;
        case MetaColumn::FDT_STRING:
            prepared.kinds.push_back(ColumnKind::Text);
            break;
        default:
            prepared.usable = false;
            prepared.kinds.push_back(ColumnKind::Text);
        }
        prepared.names.emplace_back(sqlite3_column_name(prepared.statement, column));
    }
    return prepared;
}

// The kept statement for `sql` on this connection, taking `count` values; nullptr when Poco must
// run it.
sqlite3_stmt* kept(Connection& connection, sqlite3* db, const std::string& sql, std::size_t count,
                   const Prepared** info)
{
    auto found = connection.statements.find(sql);
    if (found == connection.statements.end()) {
        Prepared prepared = prepare(db, sql);
        if (!prepared.statement)
            return nullptr;
        if (connection.statements.size() >= kMaxStatements)
            connection.finalizeAll();
        found = connection.statements.emplace(sql, std::move(prepared)).first;
    }
    const Prepared& prepared = found->second;
    if (!prepared.usable || sqlite3_bind_parameter_count(prepared.statement) != static_cast<int>(count))
        return nullptr;
    *info = &prepared;
    return prepared.statement;
}

void check(sqlite3* db, sqlite3_stmt* statement, const std::string& sql, int rc)
{
    if (rc != SQLITE_OK) {
        sqlite3_clear_bindings(statement);
        Utility::throwException(db, rc, sql);
    }
}

// The kept statement for `sql`, bound to `values`; nullptr when Poco must run it.
sqlite3_stmt* bound(Connection& connection, sqlite3* db, const std::string& sql,
                    const std::vector<Poco::Dynamic::Var>& values, const Prepared** info)
{
    sqlite3_stmt* statement = kept(connection, db, sql, values.size(), info);
    if (!statement)
        return nullptr;
    // As RecordStore's Poco bindings: null, 64-bit integer (booleans too) or text.
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Poco::Dynamic::Var& value = values[i];
        const int position = static_cast<int>(i + 1);
        if (value.isEmpty()) {
            check(db, statement, sql, sqlite3_bind_null(statement, position));
        } else if (value.isInteger() || value.isBoolean()) {
            check(db, statement, sql, sqlite3_bind_int64(statement, position, value.convert<Poco::Int64>()));
        } else {
            const std::string text = value.convert<std::string>();
            check(db, statement, sql,
                  sqlite3_bind_text(statement, position, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
        }
    }
    return statement;
}

// The same for values given as they are: text is bound without a copy of ours (SQLite copies it).
sqlite3_stmt* bound(Connection& connection, sqlite3* db, const std::string& sql, const SqlArg* values,
                    std::size_t count, const Prepared** info)
{
    sqlite3_stmt* statement = kept(connection, db, sql, count, info);
    if (!statement)
        return nullptr;
    for (std::size_t i = 0; i < count; ++i) {
        const SqlArg& value = values[i];
        const int position = static_cast<int>(i + 1);
        switch (value.kind()) {
        case SqlArg::Kind::Null:
            check(db, statement, sql, sqlite3_bind_null(statement, position));
            break;
        case SqlArg::Kind::Integer:
            check(db, statement, sql, sqlite3_bind_int64(statement, position, value.integer()));
            break;
        case SqlArg::Kind::Text:
            check(db, statement, sql,
                  sqlite3_bind_text(statement, position, value.text().data(), static_cast<int>(value.text().size()),
                                    SQLITE_TRANSIENT));
            break;
        }
    }
    return statement;
}

// Resets the statement when its run ends, however it ends: a stepped statement would keep its
// read snapshot (and block WAL checkpoints) until reset.
struct ResetOnExit
{
    sqlite3_stmt* statement;
    ~ResetOnExit()
    {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
};

bool startsWithWord(const std::string& sql, const char* word)
{
    std::size_t i = 0;
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
        ++i;
    for (const char* w = word; *w; ++w, ++i) {
        if (i >= sql.size() || std::toupper(static_cast<unsigned char>(sql[i])) != *w)
            return false;
    }
    return i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]));
}

} // namespace

void SqliteStatementCache::adopt(Poco::Data::Session& session, const void* owner)
{
    sqlite3* handle = Utility::dbHandle(session);
    auto connection = std::make_unique<Connection>();
    connection->owner = owner;
    connection->session = Poco::AutoPtr<Poco::Data::SessionImpl>(session.impl(), true);
    std::lock_guard<std::mutex> lock(g_mutex);
    // Connections the pool has closed since (idle ones are closed after a while): finalizing their
    // statements lets SQLite complete the close (sqlite3_close_v2 waits for them).
    for (auto it = g_connections.begin(); it != g_connections.end();) {
        if (!it->second->session->isConnected()) {
            it->second->finalizeAll();
            it = g_connections.erase(it);
        } else {
            ++it;
        }
    }
    g_connections[handle] = std::move(connection);
}

void SqliteStatementCache::release(const void* owner)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    for (auto it = g_connections.begin(); it != g_connections.end();) {
        if (it->second->owner == owner || !it->second->session->isConnected()) {
            it->second->finalizeAll();
            it = g_connections.erase(it);
        } else {
            ++it;
        }
    }
}

std::optional<std::vector<Poco::JSON::Object::Ptr>>
SqliteStatementCache::select(Poco::Data::Session& session, const std::string& sql,
                             const std::vector<Poco::Dynamic::Var>& values)
{
    Connection* connection = connectionOf(session);
    if (!connection)
        return std::nullopt;
    sqlite3* db = Utility::dbHandle(session);
    const Prepared* info = nullptr;
    sqlite3_stmt* statement = bound(*connection, db, sql, values, &info);
    if (!statement)
        return std::nullopt;
    ResetOnExit reset{statement};
    std::vector<Poco::JSON::Object::Ptr> rows;
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            Utility::throwException(db, rc, sql);
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (std::size_t column = 0; column < info->kinds.size(); ++column) {
            const int index = static_cast<int>(column);
            if (sqlite3_column_type(statement, index) == SQLITE_NULL) {
                object->set(info->names[column], Poco::Dynamic::Var());
            } else if (info->kinds[column] == ColumnKind::Integer) {
                object->set(info->names[column], static_cast<Poco::Int64>(sqlite3_column_int64(statement, index)));
            } else {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
                object->set(info->names[column], text ? std::string(text) : std::string());
            }
        }
        rows.push_back(std::move(object));
    }
    return rows;
}

std::optional<Poco::Int64> SqliteStatementCache::scalar(Poco::Data::Session& session, const std::string& sql,
                                                        const std::vector<Poco::Dynamic::Var>& values)
{
    Connection* connection = connectionOf(session);
    if (!connection)
        return std::nullopt;
    sqlite3* db = Utility::dbHandle(session);
    const Prepared* info = nullptr;
    sqlite3_stmt* statement = bound(*connection, db, sql, values, &info);
    if (!statement)
        return std::nullopt;
    ResetOnExit reset{statement};
    Poco::Int64 result = 0;
    bool first = true;
    for (;;) { // every row is stepped: an INSERT ... RETURNING completes only at the end
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            Utility::throwException(db, rc, sql);
        if (!first || info->kinds.empty() || sqlite3_column_type(statement, 0) == SQLITE_NULL) {
            first = false;
            continue;
        }
        first = false;
        if (info->kinds[0] == ColumnKind::Integer) {
            result = static_cast<Poco::Int64>(sqlite3_column_int64(statement, 0));
        } else {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
            result = Poco::Dynamic::Var(text ? std::string(text) : std::string()).convert<Poco::Int64>();
        }
    }
    return result;
}

namespace {

// Steps a bound INSERT, UPDATE or DELETE to its end; the affected row count, or nothing for a
// statement with result columns (RETURNING), which Poco then runs.
std::optional<std::size_t> runWrite(sqlite3* db, sqlite3_stmt* statement, const Prepared* info, const std::string& sql)
{
    ResetOnExit reset{statement};
    if (!info->kinds.empty())
        return std::nullopt; // RETURNING: rows, not a count
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            Utility::throwException(db, rc, sql);
    }
    return static_cast<std::size_t>(sqlite3_changes(db));
}

bool isWrite(const std::string& sql)
{
    return startsWithWord(sql, "INSERT") || startsWithWord(sql, "UPDATE") || startsWithWord(sql, "DELETE");
}

// An INSERT, UPDATE or DELETE on the session's kept statement, bound by
// `bind(connection, db, &info)` (nullptr when Poco must run it): the affected row count.
template <typename Bind>
std::optional<std::size_t> executeWith(Poco::Data::Session& session, const std::string& sql, Bind bind)
{
    Connection* connection = isWrite(sql) ? connectionOf(session) : nullptr;
    if (!connection)
        return std::nullopt;
    sqlite3* db = Utility::dbHandle(session);
    const Prepared* info = nullptr;
    sqlite3_stmt* statement = bind(*connection, db, &info);
    if (!statement)
        return std::nullopt;
    return runWrite(db, statement, info, sql);
}

} // namespace

std::optional<std::size_t> SqliteStatementCache::execute(Poco::Data::Session& session, const std::string& sql,
                                                         const std::vector<Poco::Dynamic::Var>& values)
{
    return executeWith(session, sql, [&](Connection& connection, sqlite3* db, const Prepared** info) {
        return bound(connection, db, sql, values, info);
    });
}

std::optional<std::size_t> SqliteStatementCache::execute(Poco::Data::Session& session, const std::string& sql,
                                                         const SqlArg* values, std::size_t count)
{
    return executeWith(session, sql, [&](Connection& connection, sqlite3* db, const Prepared** info) {
        return bound(connection, db, sql, values, count, info);
    });
}

} // namespace citycode::server

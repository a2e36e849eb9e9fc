#pragma once

#include "storage/SqlArg.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// Keeps the compiled SQLite statements of each pooled connection for the next call with the same
// SQL text: Poco::Data compiles every statement anew on every execution, which was about half of
// the CPU of an open-API request. Only connections adopted by their pool (Database) are served;
// for anything else (PostgreSQL, a column type the generic rows do not carry) the caller runs the
// statement through Poco as before. A connection is used by one thread at a time (the pool hands
// it out), so its statements need no lock; the registry of connections has one.
class SqliteStatementCache
{
public:
    // Registers a new SQLite connection of `owner`'s pool (SessionPool::customizeSession).
    static void adopt(Poco::Data::Session& session, const void* owner);
    // Finalizes the statements of every connection of `owner` (after its pool is shut down).
    static void release(const void* owner);

    // The rows of a SELECT (or RETURNING) as RecordStore::select builds them: column name to null,
    // 64-bit integer or text, typed from the declared column types as Poco::Data::RecordSet does.
    // Nothing when the statement cannot be served here: the caller runs it through Poco.
    static std::optional<std::vector<Poco::JSON::Object::Ptr>>
    select(Poco::Data::Session& session, const std::string& sql, const std::vector<Poco::Dynamic::Var>& values);
    // RecordStore::scalar: the first column of the first row as a number, 0 without rows or for
    // null; nothing as above.
    static std::optional<Poco::Int64> scalar(Poco::Data::Session& session, const std::string& sql,
                                             const std::vector<Poco::Dynamic::Var>& values);
    // An INSERT, UPDATE or DELETE without result columns; the affected row count, or nothing as
    // above.
    static std::optional<std::size_t> execute(Poco::Data::Session& session, const std::string& sql,
                                              const std::vector<Poco::Dynamic::Var>& values);
    // The same with values bound as they are (RecordStore::write).
    static std::optional<std::size_t> execute(Poco::Data::Session& session, const std::string& sql,
                                              const SqlArg* values, std::size_t count);
};

} // namespace citycode::server

#pragma once

#include "storage/ListQuery.h"
#include "storage/SqlArg.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// How a list query parameter filters a column.
enum class FilterKind
{
    None,
    Exact,  // column = value
    Like,   // column LIKE %value% (wildcards in the value are taken literally)
    Integer // column = value, value must be a whole number
};

// One field of a list: its JSON name, the SQL expression that yields it, how it filters and
// whether it may be a sort key. Expressions are constants of the code, never request text.
struct FieldSpec
{
    std::string field;
    std::string expression;
    FilterKind filter = FilterKind::None;
    bool sortable = false;
};

// A list or detail view: FROM clause (table or join), id and tenant columns, the fields.
struct ViewSpec
{
    std::string from;
    std::string idColumn;
    std::string scopeColumn;   // the platform_id column for tenant scope; empty: global data
    std::string createdColumn; // filtered by createdFrom / createdTo
    std::string defaultOrder;  // SQL ORDER BY text for an unsorted list
    std::vector<FieldSpec> fields;

    // The filter names a list of this view accepts (fields with a filter plus createdFrom/To).
    std::vector<std::string> filterNames() const;
};

using SqlValue = Poco::Dynamic::Var;

// Generic SQL for the admin lists and records, on the caller's session: paged and filtered lists
// with a whitelisted sort, records by id within a tenant scope, and insert/update/delete from
// column maps. Placeholders are numbered $1, $2, ... in text order and every value is bound, so
// one text serves SQLite and PostgreSQL. Column names come from the code's specs only.
class RecordStore
{
public:
    explicit RecordStore(Poco::Data::Session& session) : m_session(session) {}

    // scopePlatform: restrict to one platform's records (sub-platform operators); nothing: all.
    // Throws Error("BAD_REQUEST") for an unknown sort field or a malformed filter value.
    ListPage list(const ViewSpec& view, const ListQuery& query, std::optional<Poco::Int64> scopePlatform);

    // The record with this id within the scope; nullptr when there is none (or it is foreign).
    Poco::JSON::Object::Ptr find(const ViewSpec& view, Poco::Int64 id, std::optional<Poco::Int64> scopePlatform);

    // Rows of an arbitrary SELECT with bound values (text placeholders $1.. in order).
    std::vector<Poco::JSON::Object::Ptr> select(const std::string& sql, const std::vector<SqlValue>& values = {});
    // The first column of the first row as a number; 0 without rows.
    Poco::Int64 scalar(const std::string& sql, const std::vector<SqlValue>& values = {});
    // Runs a statement; returns the affected row count.
    std::size_t execute(const std::string& sql, const std::vector<SqlValue>& values = {});
    // The same for the statements every show and verify writes: the values are bound as they
    // are to a kept SQLite statement (PostgreSQL gets them as SqlValues).
    std::size_t write(const std::string& sql, std::initializer_list<SqlArg> values);

    // INSERT ... RETURNING id, with created_at/updated_at set when `timestamps`.
    Poco::Int64 insert(const std::string& table, std::vector<std::pair<std::string, SqlValue>> columns,
                       bool timestamps = true);
    // UPDATE table SET columns, updated_at WHERE id; returns whether the row exists.
    bool update(const std::string& table, Poco::Int64 id, std::vector<std::pair<std::string, SqlValue>> columns);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

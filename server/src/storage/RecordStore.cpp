#include "storage/RecordStore.h"

#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/SqliteStatementCache.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace citycode::server {

namespace {

// Numbers placeholders in text order, as PostgreSQL needs and SQLite accepts.
class Params
{
public:
    std::string add(SqlValue value)
    {
        m_values.push_back(std::move(value));
        return "$" + std::to_string(m_values.size());
    }
    const std::vector<SqlValue>& values() const { return m_values; }

private:
    std::vector<SqlValue> m_values;
};

void bindAll(Poco::Data::Statement& statement, const std::vector<SqlValue>& values)
{
    for (const SqlValue& value : values) {
        if (value.isEmpty())
            statement, bind(Poco::Nullable<Poco::Int64>());
        else if (value.isInteger() || value.isBoolean())
            statement, bind(value.convert<Poco::Int64>());
        else
            statement, bind(value.convert<std::string>());
    }
}

Poco::JSON::Object::Ptr rowObject(const Poco::Data::RecordSet& records, std::size_t row)
{
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (std::size_t column = 0; column < records.columnCount(); ++column) {
        const Poco::Dynamic::Var value = records.value(column, row);
        const std::string& name = records.columnName(column);
        if (value.isEmpty())
            object->set(name, Poco::Dynamic::Var());
        else if (value.isInteger())
            object->set(name, value.convert<Poco::Int64>());
        else
            object->set(name, value.convert<std::string>());
    }
    return object;
}

std::string escapeLike(const std::string& text)
{
    std::string escaped;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

bool isTimestampText(const std::string& text)
{
    return text.size() >= 10 && text.size() <= 24 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == 'T' || c == '.' || c == 'Z';
           });
}

std::string selectList(const ViewSpec& view)
{
    std::string sql;
    for (const FieldSpec& field : view.fields)
        sql += (sql.empty() ? "" : ", ") + field.expression + " AS \"" + field.field + "\"";
    return sql;
}

} // namespace

std::vector<std::string> ViewSpec::filterNames() const
{
    std::vector<std::string> names;
    for (const FieldSpec& field : fields) {
        if (field.filter != FilterKind::None)
            names.push_back(field.field);
    }
    if (!createdColumn.empty()) {
        names.push_back("createdFrom");
        names.push_back("createdTo");
    }
    return names;
}

ListPage RecordStore::list(const ViewSpec& view, const ListQuery& query, std::optional<Poco::Int64> scopePlatform)
{
    Params params;
    std::string where;
    const auto condition = [&where](const std::string& text) { where += (where.empty() ? " WHERE " : " AND ") + text; };
    // SQLite's LIKE ignores the case of ASCII letters and PostgreSQL's does not; its ILIKE does,
    // so an operator's search finds the same rows on either backend.
    const char* like =
        Poco::icompare(m_session.connector(), Poco::Data::SQLite::Connector::KEY) == 0 ? " LIKE " : " ILIKE ";
    if (scopePlatform && !view.scopeColumn.empty())
        condition(view.scopeColumn + " = " + params.add(*scopePlatform));
    for (const FieldSpec& field : view.fields) {
        const std::string value = query.filter(field.field);
        if (field.filter == FilterKind::None || value.empty())
            continue;
        if (field.filter == FilterKind::Like) {
            condition(field.expression + like + params.add("%" + escapeLike(value) + "%") + " ESCAPE '\\'");
        } else if (field.filter == FilterKind::Integer) {
            Poco::Int64 number = 0;
            if (!Poco::NumberParser::tryParse64(value, number))
                throw common::Error("BAD_REQUEST", "filter " + field.field + " must be a whole number");
            condition(field.expression + " = " + params.add(number));
        } else {
            condition(field.expression + " = " + params.add(value));
        }
    }
    if (!view.createdColumn.empty()) {
        for (const char* name : {"createdFrom", "createdTo"}) {
            const std::string value = query.filter(name);
            if (value.empty())
                continue;
            if (!isTimestampText(value))
                throw common::Error("BAD_REQUEST", std::string(name) + " must be a date or time like 2024-05-01");
            // "~" sorts after every timestamp character: createdTo of a date includes that whole day.
            if (std::string(name) == "createdFrom")
                condition(view.createdColumn + " >= " + params.add(value));
            else
                condition(view.createdColumn + " <= " + params.add(value + "~"));
        }
    }

    std::string order = view.defaultOrder;
    if (!query.sort.empty()) {
        const auto it = std::find_if(view.fields.begin(), view.fields.end(),
                                     [&](const FieldSpec& f) { return f.field == query.sort && f.sortable; });
        if (it == view.fields.end())
            throw common::Error("BAD_REQUEST", "cannot sort by '" + query.sort + "'");
        order = it->expression + (query.descending ? " DESC" : " ASC") + ", " + view.idColumn;
    }

    ListPage page;
    page.page = std::max(1, query.page);
    page.pageSize = std::clamp(query.pageSize, 1, ListQuery::kMaxPageSize);
    page.total = scalar("SELECT COUNT(*) FROM " + view.from + where, params.values());
    const std::string limit = params.add(static_cast<Poco::Int64>(page.pageSize));
    const std::string offset = params.add(static_cast<Poco::Int64>(page.page - 1) * page.pageSize);
    page.items = select("SELECT " + selectList(view) + " FROM " + view.from + where + " ORDER BY " + order + " LIMIT " +
                            limit + " OFFSET " + offset,
                        params.values());
    return page;
}

Poco::JSON::Object::Ptr RecordStore::find(const ViewSpec& view, Poco::Int64 id,
                                          std::optional<Poco::Int64> scopePlatform)
{
    std::vector<SqlValue> values{id};
    std::string sql = "SELECT " + selectList(view) + " FROM " + view.from + " WHERE " + view.idColumn + " = $1";
    if (scopePlatform && !view.scopeColumn.empty()) {
        sql += " AND " + view.scopeColumn + " = $2";
        values.emplace_back(*scopePlatform);
    }
    const auto rows = select(sql, values);
    return rows.empty() ? nullptr : rows.front();
}

std::vector<Poco::JSON::Object::Ptr> RecordStore::select(const std::string& sql, const std::vector<SqlValue>& values)
{
    if (auto rows = SqliteStatementCache::select(m_session, sql, values))
        return std::move(*rows);
    Poco::Data::Statement statement(m_session);
    statement << sql;
    bindAll(statement, values);
    statement.execute();
    Poco::Data::RecordSet records(statement);
    std::vector<Poco::JSON::Object::Ptr> rows;
    for (std::size_t row = 0; row < records.rowCount(); ++row)
        rows.push_back(rowObject(records, row));
    return rows;
}

Poco::Int64 RecordStore::scalar(const std::string& sql, const std::vector<SqlValue>& values)
{
    if (const auto value = SqliteStatementCache::scalar(m_session, sql, values))
        return *value;
    Poco::Data::Statement statement(m_session);
    statement << sql;
    bindAll(statement, values);
    statement.execute();
    Poco::Data::RecordSet records(statement);
    if (records.rowCount() == 0 || records.columnCount() == 0)
        return 0;
    const Poco::Dynamic::Var value = records.value(0, 0);
    return value.isEmpty() ? 0 : value.convert<Poco::Int64>();
}

namespace {

// A statement the kept SQLite statements do not serve (PostgreSQL, RETURNING), through Poco.
std::size_t executeWithPoco(Poco::Data::Session& session, const std::string& sql, const std::vector<SqlValue>& values)
{
    Poco::Data::Statement statement(session);
    statement << sql;
    bindAll(statement, values);
    return statement.execute();
}

} // namespace

std::size_t RecordStore::execute(const std::string& sql, const std::vector<SqlValue>& values)
{
    if (const auto count = SqliteStatementCache::execute(m_session, sql, values))
        return *count;
    return executeWithPoco(m_session, sql, values);
}

std::size_t RecordStore::write(const std::string& sql, std::initializer_list<SqlArg> values)
{
    if (const auto count = SqliteStatementCache::execute(m_session, sql, values.begin(), values.size()))
        return *count;
    std::vector<SqlValue> vars;
    vars.reserve(values.size());
    for (const SqlArg& value : values)
        vars.push_back(value.var());
    return executeWithPoco(m_session, sql, vars);
}

Poco::Int64 RecordStore::insert(const std::string& table, std::vector<std::pair<std::string, SqlValue>> columns,
                                bool timestamps)
{
    if (timestamps) {
        const std::string now = Database::timestampNow();
        columns.emplace_back("created_at", now);
        columns.emplace_back("updated_at", now);
    }
    Params params;
    std::string names;
    std::string placeholders;
    for (auto& [name, value] : columns) {
        names += (names.empty() ? "" : ", ") + name;
        placeholders += (placeholders.empty() ? "" : ", ") + params.add(value);
    }
    return scalar("INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders + ") RETURNING id",
                  params.values());
}

bool RecordStore::update(const std::string& table, Poco::Int64 id,
                         std::vector<std::pair<std::string, SqlValue>> columns)
{
    columns.emplace_back("updated_at", Database::timestampNow());
    Params params;
    std::string assignments;
    for (auto& [name, value] : columns)
        assignments += (assignments.empty() ? "" : ", ") + name + " = " + params.add(value);
    const std::string idParam = params.add(id);
    return execute("UPDATE " + table + " SET " + assignments + " WHERE id = " + idParam, params.values()) > 0;
}

} // namespace citycode::server

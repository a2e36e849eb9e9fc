#pragma once

#include "TestBackend.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <filesystem>
#include <string>
#include <vector>

namespace citycode::test {

// Reads the database a server wrote, independently of the server's own code: every value as
// text, NULL as "<null>". Given DATADIR/citycode.db under CITYCODE_TEST_BACKEND=postgresql, it
// opens that data folder's PostgreSQL database instead (TestBackend), so the same portable SQL
// checks both backends.
class DatabaseFile
{
public:
    explicit DatabaseFile(const std::string& path) : m_postgresUrl(postgresUrlFor(path)), m_session(open(path)) {}

    bool postgresql() const { return !m_postgresUrl.empty(); }

    // "ok" when the database is consistent, else the problems found. SQLite: PRAGMA
    // integrity_check. PostgreSQL: the amcheck extension (PostgreSQL 15 manual F.2) over every
    // table (verify_heapam) and B-tree index of the schema (bt_index_check, with every heap tuple
    // looked up in the index).
    std::string integrityCheck()
    {
        if (!postgresql())
            return value("PRAGMA integrity_check");
        try {
            execute("CREATE EXTENSION IF NOT EXISTS amcheck");
            std::string problems;
            for (const auto& row :
                 rows("SELECT c.relname, v.msg FROM pg_class c CROSS JOIN LATERAL verify_heapam(c.oid) v"
                      " WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace"))
                problems += row[0] + ": " + row[1] + "\n";
            // bt_index_check raises an error for a corrupt index.
            value("SELECT COUNT(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_class c"
                  " JOIN pg_am a ON a.oid = c.relam"
                  " WHERE c.relkind = 'i' AND a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace) checked");
            return problems.empty() ? "ok" : problems;
        } catch (const Poco::Exception& e) {
            return e.displayText();
        }
    }

    std::vector<std::vector<std::string>> rows(const std::string& sql)
    {
        Poco::Data::Statement statement(m_session);
        statement << sql;
        statement.execute();
        Poco::Data::RecordSet records(statement);
        std::vector<std::vector<std::string>> result;
        for (std::size_t row = 0; row < records.rowCount(); ++row) {
            std::vector<std::string> values;
            for (std::size_t column = 0; column < records.columnCount(); ++column) {
                const Poco::Dynamic::Var value = records.value(column, row);
                values.push_back(value.isEmpty() ? "<null>" : value.convert<std::string>());
            }
            result.push_back(values);
        }
        return result;
    }

    void execute(const std::string& sql)
    {
        Poco::Data::Statement statement(m_session);
        statement << sql;
        statement.execute();
    }

    // The first column of the first row; "" when there is no row.
    std::string value(const std::string& sql)
    {
        const auto all = rows(sql);
        return all.empty() || all.front().empty() ? std::string() : all.front().front();
    }

private:
    static std::string postgresUrlFor(const std::string& path)
    {
        const std::filesystem::path file(path);
        if (file.filename() != "citycode.db")
            return {};
        return TestBackend::knownDatabaseUrl(file.parent_path().string());
    }

    Poco::Data::Session open(const std::string& path) const
    {
        if (postgresql()) {
            Poco::Data::PostgreSQL::Connector::registerConnector();
            return Poco::Data::Session(Poco::Data::PostgreSQL::Connector::KEY,
                                       TestBackend::connectionString(m_postgresUrl));
        }
        Poco::Data::SQLite::Connector::registerConnector();
        return Poco::Data::Session(Poco::Data::SQLite::Connector::KEY, path);
    }

    std::string m_postgresUrl;
    Poco::Data::Session m_session;
};

} // namespace citycode::test

#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <string>
#include <vector>

namespace citycode::test {

// Reads the SQLite database a server wrote, independently of the server's own code: every
// value as text, NULL as "<null>".
class DatabaseFile
{
public:
    explicit DatabaseFile(const std::string& path) : m_session(open(path)) {}

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
    static Poco::Data::Session open(const std::string& path)
    {
        Poco::Data::SQLite::Connector::registerConnector();
        return Poco::Data::Session(Poco::Data::SQLite::Connector::KEY, path);
    }

    Poco::Data::Session m_session;
};

} // namespace citycode::test

#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Types.h>

#include <optional>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

struct BindDataRow
{
    Poco::Int64 userId = 0;
    Poco::Int64 appId = 0;
    std::string dataType;
    std::string dataName;
    std::string dataSealed;
};

// SQL of the bind_data table (migration 6).
class BindDataRepository
{
public:
    explicit BindDataRepository(Poco::Data::Session& session) : m_session(session) {}

    // Inserts or replaces the app's data of this type for the user.
    void upsert(const BindDataRow& row);
    std::optional<BindDataRow> find(Poco::Int64 userId, Poco::Int64 appId, const std::string& dataType);
    // The most recently bound data of this type by any app.
    std::optional<BindDataRow> latest(Poco::Int64 userId, const std::string& dataType);
    bool remove(Poco::Int64 userId, Poco::Int64 appId, const std::string& dataType);

private:
    std::vector<BindDataRow> rows(const std::string& sql, const std::vector<Poco::Dynamic::Var>& values);

    Poco::Data::Session& m_session;
};

} // namespace citycode::server

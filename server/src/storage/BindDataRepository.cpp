#include "storage/BindDataRepository.h"

#include "storage/Database.h"
#include "storage/RecordStore.h"

namespace citycode::server {

std::vector<BindDataRow> BindDataRepository::rows(const std::string& sql, const std::vector<Poco::Dynamic::Var>& values)
{
    std::vector<BindDataRow> result;
    for (const auto& row : RecordStore(m_session).select(sql, values)) {
        BindDataRow r;
        r.userId = row->getValue<Poco::Int64>("user_id");
        r.appId = row->getValue<Poco::Int64>("app_id");
        r.dataType = row->getValue<std::string>("data_type");
        r.dataName = row->getValue<std::string>("data_name");
        r.dataSealed = row->getValue<std::string>("data_sealed");
        result.push_back(r);
    }
    return result;
}

void BindDataRepository::upsert(const BindDataRow& row)
{
    const std::string now = Database::timestampNow();
    RecordStore(m_session).execute(
        "INSERT INTO bind_data (user_id, app_id, data_type, data_name, data_sealed, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, app_id, data_type) DO UPDATE SET"
        " data_name = excluded.data_name, data_sealed = excluded.data_sealed, updated_at = excluded.updated_at",
        {row.userId, row.appId, row.dataType, row.dataName, row.dataSealed, now, now});
}

std::optional<BindDataRow> BindDataRepository::find(Poco::Int64 userId, Poco::Int64 appId, const std::string& dataType)
{
    const auto found = rows("SELECT user_id, app_id, data_type, data_name, data_sealed FROM bind_data"
                            " WHERE user_id = $1 AND app_id = $2 AND data_type = $3",
                            {userId, appId, dataType});
    return found.empty() ? std::nullopt : std::optional<BindDataRow>(found.front());
}

std::optional<BindDataRow> BindDataRepository::latest(Poco::Int64 userId, const std::string& dataType)
{
    const auto found = rows("SELECT user_id, app_id, data_type, data_name, data_sealed FROM bind_data"
                            " WHERE user_id = $1 AND data_type = $2 ORDER BY updated_at DESC LIMIT 1",
                            {userId, dataType});
    return found.empty() ? std::nullopt : std::optional<BindDataRow>(found.front());
}

bool BindDataRepository::remove(Poco::Int64 userId, Poco::Int64 appId, const std::string& dataType)
{
    return RecordStore(m_session).execute("DELETE FROM bind_data WHERE user_id = $1 AND app_id = $2 AND data_type = $3",
                                          {userId, appId, dataType}) > 0;
}

} // namespace citycode::server

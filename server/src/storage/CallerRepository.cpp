#include "storage/CallerRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

std::optional<CallerApp> CallerRepository::one(const std::string& where, const Poco::Dynamic::Var& value)
{
    const auto rows = RecordStore(m_session).select(
        "SELECT a.id AS \"id\", a.app_code AS \"appCode\", a.platform_id AS \"platformId\","
        " CASE WHEN a.status = 'enabled' AND p.status = 'enabled' THEN 1 ELSE 0 END AS \"enabled\","
        " COALESCE(d.secret_sealed, '') AS \"secret\""
        " FROM apps a JOIN platforms p ON p.id = a.platform_id LEFT JOIN developers d ON d.app_id = a.id"
        " WHERE " +
            where,
        {value});
    if (rows.empty())
        return std::nullopt;
    const Poco::JSON::Object::Ptr& row = rows.front();
    CallerApp app;
    app.id = row->getValue<Poco::Int64>("id");
    app.appCode = row->getValue<std::string>("appCode");
    app.platformId = row->getValue<Poco::Int64>("platformId");
    app.enabled = row->getValue<Poco::Int64>("enabled") == 1;
    app.sealedSecret = row->getValue<std::string>("secret");
    return app;
}

std::optional<CallerApp> CallerRepository::appByCode(const std::string& appCode)
{
    return one("a.app_code = $1", appCode);
}

std::optional<CallerApp> CallerRepository::appById(Poco::Int64 id)
{
    return one("a.id = $1", id);
}

} // namespace citycode::server

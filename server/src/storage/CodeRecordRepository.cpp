#include "storage/CodeRecordRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

namespace {

SqlValue optional(const std::optional<std::int64_t>& value)
{
    return value ? SqlValue(static_cast<Poco::Int64>(*value)) : SqlValue();
}

} // namespace

void CodeRecordRepository::insert(const CodeRecord& r)
{
    RecordStore(m_session).execute(
        "INSERT INTO code_records (action, result, code_type, user_id, app_id, platform_id, rule_id, rule_version,"
        " caller, terminal_code, location, code_id, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        {r.action, r.result, r.codeType, optional(r.userId), optional(r.appId), optional(r.platformId),
         optional(r.ruleId), optional(r.ruleVersion), r.caller, r.terminalCode, r.location, r.codeId, r.createdAt});
}

} // namespace citycode::server

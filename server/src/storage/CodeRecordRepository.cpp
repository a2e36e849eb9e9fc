#include "storage/CodeRecordRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

void CodeRecordRepository::insert(const CodeRecord& r)
{
    RecordStore(m_session).write(
        "INSERT INTO code_records (action, result, code_type, user_id, app_id, platform_id, rule_id, rule_version,"
        " caller, terminal_code, location, code_id, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        {r.action, r.result, r.codeType, r.userId, r.appId, r.platformId, r.ruleId, r.ruleVersion, r.caller,
         r.terminalCode, r.location, r.codeId, r.createdAt});
}

} // namespace citycode::server

#include "storage/OperationLogRepository.h"

#include "storage/Database.h"
#include "storage/RecordStore.h"

namespace citycode::server {

namespace {

const ViewSpec& logView()
{
    static const ViewSpec view{"operation_log",
                               "id",
                               "platform_id",
                               "created_at",
                               "created_at DESC, id DESC",
                               {
                                   {"id", "id", FilterKind::Integer, true},
                                   {"createdAt", "created_at", FilterKind::None, true},
                                   {"operatorId", "operator_id", FilterKind::Integer, true},
                                   {"username", "username", FilterKind::Like, true},
                                   {"platformId", "platform_id", FilterKind::Integer, true},
                                   {"action", "action", FilterKind::Like, true},
                                   {"targetType", "target_type", FilterKind::Exact, true},
                                   {"targetId", "target_id", FilterKind::Exact, false},
                                   {"detail", "detail", FilterKind::None, false},
                                   {"remoteAddress", "remote_address", FilterKind::None, false},
                                   {"requestId", "request_id", FilterKind::None, false},
                                   {"result", "result", FilterKind::Exact, true},
                               }};
    return view;
}

} // namespace

void OperationLogRepository::insert(const OperationLogEntry& entry)
{
    RecordStore(m_session).insert("operation_log",
                                  {{"created_at", Database::timestampNow()},
                                   {"operator_id", entry.operatorId},
                                   {"username", entry.username},
                                   {"platform_id", entry.platformId},
                                   {"action", entry.action},
                                   {"target_type", entry.targetType},
                                   {"target_id", entry.targetId},
                                   {"detail", entry.detail},
                                   {"remote_address", entry.remoteAddress},
                                   {"request_id", entry.requestId},
                                   {"result", entry.result}},
                                  false);
}

ListPage OperationLogRepository::list(const ListQuery& query, std::optional<Poco::Int64> scopePlatform)
{
    return RecordStore(m_session).list(logView(), query, scopePlatform);
}

std::vector<std::string> OperationLogRepository::listFilters()
{
    return logView().filterNames();
}

} // namespace citycode::server

#pragma once

#include "storage/ListQuery.h"

#include <Poco/Types.h>

#include <optional>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// One line of the operation log: who did what to which record, when, from where.
struct OperationLogEntry
{
    Poco::Int64 operatorId = 0;
    std::string username;
    Poco::Int64 platformId = 0;
    std::string action;     // e.g. "operator.create"
    std::string targetType; // e.g. "operator"
    std::string targetId;
    std::string detail; // never personal data
    std::string remoteAddress;
    std::string requestId;
    std::string result = "success";
};

// The operation_log table on the caller's session.
class OperationLogRepository
{
public:
    explicit OperationLogRepository(Poco::Data::Session& session) : m_session(session) {}

    void insert(const OperationLogEntry& entry);

    // Fields id, createdAt, operatorId, username, platformId, action, targetType, targetId, detail,
    // remoteAddress, requestId, result; filters operatorId, username, platformId, action,
    // targetType, result and createdFrom/createdTo (the time range).
    ListPage list(const ListQuery& query, std::optional<Poco::Int64> scopePlatform);
    static std::vector<std::string> listFilters();

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

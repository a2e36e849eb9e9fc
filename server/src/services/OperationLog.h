#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/Types.h>

#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

class Database;

// The operation log of every admin change (001 §4.12.3 日志管理; QUALITY.md: who, what, when,
// from where). Every admin route that changes something calls record() once it succeeded,
// preferably with the session of its own write transaction so the change and its log line
// commit together. `detail` must not contain personal data (names, ID numbers, phones).
class OperationLog
{
public:
    explicit OperationLog(Database& database) : m_database(database) {}

    // action: "<area>.<verb>", e.g. "operator.create"; targetType: "operator"; targetId: its id.
    void record(const Principal& principal, const std::string& action, const std::string& targetType,
                const std::string& targetId, const std::string& detail = {});
    static void record(Poco::Data::Session& session, const Principal& principal, const std::string& action,
                       const std::string& targetType, const std::string& targetId, const std::string& detail = {});

    // The log within the caller's scope (a sub-platform operator sees its own platform's lines).
    ListPage list(const Principal& principal, const ListQuery& query);
    // The same lines as CSV (RFC 4180), at most kMaxExportRows, newest first.
    std::string exportCsv(const Principal& principal, const ListQuery& query);

    static constexpr int kMaxExportRows = 100000;

private:
    Database& m_database;
};

} // namespace citycode::server

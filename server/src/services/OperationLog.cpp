#include "services/OperationLog.h"

#include "storage/Database.h"
#include "storage/OperationLogRepository.h"

#include <Poco/Data/Session.h>

#include <optional>

namespace citycode::server {

namespace {

std::optional<Poco::Int64> scopeOf(const Principal& principal)
{
    return principal.mainPlatform ? std::nullopt : std::optional<Poco::Int64>(principal.platformId);
}

// RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula
// (OWASP "CSV injection").
std::string csvField(const std::string& text)
{
    std::string value = text;
    if (!value.empty() && std::string("=+-@\t\r").find(value.front()) != std::string::npos)
        value = "'" + value;
    std::string quoted = "\"";
    for (const char c : value)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

void OperationLog::record(const Principal& principal, const std::string& action, const std::string& targetType,
                          const std::string& targetId, const std::string& detail)
{
    Poco::Data::Session session = m_database.session();
    record(session, principal, action, targetType, targetId, detail);
}

void OperationLog::record(Poco::Data::Session& session, const Principal& principal, const std::string& action,
                          const std::string& targetType, const std::string& targetId, const std::string& detail)
{
    OperationLogEntry entry;
    entry.operatorId = principal.operatorId;
    entry.username = principal.username;
    entry.platformId = principal.platformId;
    entry.action = action;
    entry.targetType = targetType;
    entry.targetId = targetId;
    entry.detail = detail.substr(0, 1000);
    entry.remoteAddress = principal.remoteAddress;
    entry.requestId = principal.requestId;
    OperationLogRepository(session).insert(entry);
}

ListPage OperationLog::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return OperationLogRepository(session).list(query, scopeOf(principal));
}

std::string OperationLog::exportCsv(const Principal& principal, const ListQuery& query)
{
    static const char* const fields[] = {"id",         "createdAt", "operatorId",    "username",
                                         "platformId", "action",    "targetType",    "targetId",
                                         "detail",     "result",    "remoteAddress", "requestId"};
    std::string csv;
    for (const char* field : fields)
        csv += std::string(csv.empty() ? "" : ",") + field;
    csv += "\r\n";
    Poco::Data::Session session = m_database.session();
    OperationLogRepository repository(session);
    ListQuery page = query;
    page.pageSize = ListQuery::kMaxPageSize;
    // Newest first by id: lines written during the export land before the first page and
    // cannot shift the later ones.
    page.sort = "id";
    page.descending = true;
    int rows = 0;
    for (page.page = 1; rows < kMaxExportRows; ++page.page) {
        const ListPage result = repository.list(page, scopeOf(principal));
        for (const auto& item : result.items) {
            std::string line;
            for (const char* field : fields)
                line += std::string(line.empty() ? "" : ",") + csvField(item->get(field).toString());
            csv += line + "\r\n";
            ++rows;
        }
        if (static_cast<int>(result.items.size()) < page.pageSize)
            break;
    }
    return csv;
}

} // namespace citycode::server

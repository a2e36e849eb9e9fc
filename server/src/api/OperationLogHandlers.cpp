#include "api/OperationLogHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperationLog.h"
#include "storage/OperationLogRepository.h"

#include <Poco/Net/HTTPServerResponse.h>

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void OperationLogHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, OperationLogRepository::listFilters());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_log.list(exchange.principal(), query)));
}

void OperationLogHandlers::exportCsv(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, OperationLogRepository::listFilters());
    const std::string csv = m_log.exportCsv(exchange.principal(), query);
    m_log.record(exchange.principal(), "operation-log.export", "operation-log", "", "");
    exchange.response().set("Content-Disposition", "attachment; filename=\"operation-log.csv\"");
    exchange.sendText(Status::HTTP_OK, "text/csv; charset=utf-8", csv);
}

} // namespace citycode::server

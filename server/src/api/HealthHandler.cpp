#include "api/HealthHandler.h"

#include "http/Exchange.h"
#include "services/HealthService.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

void HealthHandler::get(Exchange& exchange)
{
    const HealthReport report = m_service.check();
    Poco::JSON::Object::Ptr database = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    database->set("backend", report.databaseBackend);
    database->set("state", report.databaseOk ? "ok" : "error");
    database->set("schemaVersion", report.schemaVersion);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("status", report.databaseOk ? "ok" : "error");
    body.set("version", report.version);
    body.set("database", database);
    body.set("uptimeSeconds", report.uptimeSeconds);
    exchange.sendJson(
        report.databaseOk ? Poco::Net::HTTPResponse::HTTP_OK : Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE, body);
}

} // namespace citycode::server

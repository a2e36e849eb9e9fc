#include "api/KeyHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/KeyService.h"
#include "services/OperationLog.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void KeyHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(
        exchange, {"platformId", "purpose", "keyId", "alg", "status", "createdFrom", "createdTo"});
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_keys.list(exchange.principal(), query)));
}

void KeyHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_keys.get(exchange.principal(), AdminRequest::id(exchange)));
}

void KeyHandlers::rotate(Exchange& exchange)
{
    const auto key = m_keys.rotate(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "key.rotate", "key", std::to_string(key->getValue<Poco::Int64>("id")),
                 "platform " + std::to_string(key->getValue<Poco::Int64>("platformId")) + " " +
                     key->getValue<std::string>("purpose") + " key " + key->getValue<std::string>("keyId") + " " +
                     key->getValue<std::string>("alg"));
    exchange.sendJson(Status::HTTP_CREATED, *key);
}

void KeyHandlers::issueEmergencyCode(Exchange& exchange)
{
    const auto code = m_keys.issueEmergencyCode(exchange.principal(), *AdminRequest::body(exchange));
    // The subject reference is not logged: it may identify a person.
    m_log.record(exchange.principal(), "key.emergency-code", "platform",
                 std::to_string(code->getValue<Poco::Int64>("platformId")),
                 "key " + code->getValue<std::string>("keyId") + " expires " +
                     std::to_string(code->getValue<Poco::Int64>("expiresAt")));
    exchange.sendJson(Status::HTTP_CREATED, *code);
}

} // namespace citycode::server

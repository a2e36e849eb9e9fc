#include "api/CacheHandlers.h"

#include "http/Exchange.h"
#include "services/CacheRegistry.h"
#include "services/OperationLog.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void CacheHandlers::list(Exchange& exchange)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("items", m_caches.list());
    exchange.sendJson(Status::HTTP_OK, body);
}

void CacheHandlers::flush(Exchange& exchange)
{
    const std::string name = exchange.pathParam("name");
    m_caches.flush(name);
    m_log.record(exchange.principal(), "cache.flush", "cache", name);
    Poco::JSON::Object body;
    body.set("flushed", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

void CacheHandlers::flushAll(Exchange& exchange)
{
    const std::size_t count = m_caches.flushAll();
    m_log.record(exchange.principal(), "cache.flush", "cache", "*");
    Poco::JSON::Object body;
    body.set("flushed", static_cast<Poco::UInt64>(count));
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

#include "api/CodeSpecHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/CodeSpecService.h"
#include "services/OperationLog.h"
#include "storage/CodeEngineViews.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void CodeSpecHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, CodeEngineViews::codeSpecs().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_specs.list(exchange.principal(), query)));
}

void CodeSpecHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_specs.get(exchange.principal(), AdminRequest::id(exchange)));
}

void CodeSpecHandlers::create(Exchange& exchange)
{
    const auto spec = m_specs.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-spec.create", "code-spec",
                 std::to_string(spec->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *spec);
}

void CodeSpecHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto spec = m_specs.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-spec.update", "code-spec", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *spec);
}

void CodeSpecHandlers::setEnabled(Exchange& exchange, bool enabled)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto spec = m_specs.setEnabled(exchange.principal(), id, enabled);
    m_log.record(exchange.principal(), enabled ? "code-spec.enable" : "code-spec.disable", "code-spec",
                 std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *spec);
}

void CodeSpecHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_specs.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-spec.delete", "code-spec", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

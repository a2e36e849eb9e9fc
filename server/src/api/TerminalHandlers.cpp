#include "api/TerminalHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OperationLog.h"
#include "services/TerminalService.h"
#include "storage/CodeEngineViews.h"

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void TerminalHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, CodeEngineViews::terminals().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_terminals.list(exchange.principal(), query)));
}

void TerminalHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_terminals.get(exchange.principal(), AdminRequest::id(exchange)));
}

void TerminalHandlers::create(Exchange& exchange)
{
    const auto terminal = m_terminals.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "terminal.create", "terminal",
                 std::to_string(terminal->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *terminal);
}

void TerminalHandlers::update(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto terminal = m_terminals.update(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "terminal.update", "terminal", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *terminal);
}

void TerminalHandlers::setEnabled(Exchange& exchange, bool enabled)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto terminal = m_terminals.setEnabled(exchange.principal(), id, enabled);
    m_log.record(exchange.principal(), enabled ? "terminal.enable" : "terminal.disable", "terminal",
                 std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *terminal);
}

void TerminalHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_terminals.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "terminal.delete", "terminal", std::to_string(id));
    Poco::JSON::Object body;
    body.set("deleted", 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

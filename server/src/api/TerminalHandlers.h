#pragma once

namespace citycode::server {

class TerminalService;
class Exchange;
class OperationLog;

// /admin/v1/terminals (002 §5.3.1.3 终端授权): scanner terminals with their public keys: list, detail,
// register, edit, enable/disable, delete. Every change is written to the operation log.
class TerminalHandlers
{
public:
    TerminalHandlers(TerminalService& terminals, OperationLog& log) : m_terminals(terminals), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void enable(Exchange& exchange) { setEnabled(exchange, true); }
    void disable(Exchange& exchange) { setEnabled(exchange, false); }
    void remove(Exchange& exchange);

private:
    void setEnabled(Exchange& exchange, bool enabled);

    TerminalService& m_terminals;
    OperationLog& m_log;
};

} // namespace citycode::server

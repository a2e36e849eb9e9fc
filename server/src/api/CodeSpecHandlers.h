#pragma once

namespace citycode::server {

class CodeSpecService;
class Exchange;
class OperationLog;

// /admin/v1/code-specs (001 §4.2.2 码规范管理): list, detail, create, edit, enable/disable,
// delete. Every change is written to the operation log.
class CodeSpecHandlers
{
public:
    CodeSpecHandlers(CodeSpecService& specs, OperationLog& log) : m_specs(specs), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void enable(Exchange& exchange) { setEnabled(exchange, true); }
    void disable(Exchange& exchange) { setEnabled(exchange, false); }
    void remove(Exchange& exchange);

private:
    void setEnabled(Exchange& exchange, bool enabled);

    CodeSpecService& m_specs;
    OperationLog& m_log;
};

} // namespace citycode::server

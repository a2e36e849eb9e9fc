#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class CodeStyleService;

// /admin/v1/code-styles (000 §2.2.3): list, detail, create, edit, delete and activate code styles;
// activating one retires the previous style of its code type. Every change is logged.
class CodeStyleHandlers
{
public:
    CodeStyleHandlers(CodeStyleService& service, OperationLog& log) : m_service(service), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);
    void activate(Exchange& exchange);

private:
    CodeStyleService& m_service;
    OperationLog& m_log;
};

} // namespace citycode::server

#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class NumberingService;

// /admin/v1/numbering-rules (000 §2.2.4.3): numbering rules and POST .../{id}/allocate, which hands
// out new unique code numbers. Every change is logged.
class NumberingHandlers
{
public:
    NumberingHandlers(NumberingService& service, OperationLog& log) : m_service(service), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);
    // body: {"count": N} (default 1) -> {"numbers": [...]}
    void allocate(Exchange& exchange);

private:
    NumberingService& m_service;
    OperationLog& m_log;
};

} // namespace citycode::server

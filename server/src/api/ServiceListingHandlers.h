#pragma once

namespace citycode::server {

class Exchange;
class OperationLog;
class ServiceListingService;

// /admin/v1/services (004 §4, 001 §4.5): service listing applications listed, submitted with
// their test reports and reviewed, and approved services stopped or started in an emergency.
// Every change is written to the operation log.
class ServiceListingHandlers
{
public:
    ServiceListingHandlers(ServiceListingService& services, OperationLog& log) : m_services(services), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void submit(Exchange& exchange);
    // POST {"approve":true} or {"approve":false,"reason":"..."}
    void review(Exchange& exchange);
    // POST {"reason":"..."}
    void stop(Exchange& exchange) { setRunning(exchange, false); }
    void start(Exchange& exchange) { setRunning(exchange, true); }

private:
    void setRunning(Exchange& exchange, bool running);

    ServiceListingService& m_services;
    OperationLog& m_log;
};

} // namespace citycode::server

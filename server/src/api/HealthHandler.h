#pragma once

namespace citycode::server {

class Exchange;
class HealthService;

// GET /health: liveness and readiness for load balancers, monitoring and the console.
// 200 {"status":"ok","version":"0.1.0","database":{"backend":"sqlite","state":"ok",
// "schemaVersion":1},"uptimeSeconds":12}; 503 with "status"/"state" "error" when the database
// does not answer.
class HealthHandler
{
public:
    explicit HealthHandler(HealthService& service) : m_service(service) {}

    void get(Exchange& exchange);

private:
    HealthService& m_service;
};

} // namespace citycode::server

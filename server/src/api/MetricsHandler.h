#pragma once

#include "http/AddressList.h"

#include <Poco/Timestamp.h>

namespace citycode::server {

class Database;
class Exchange;
class HttpMetrics;

// GET /metrics: the server's metrics in the Prometheus text exposition format (version 0.0.4):
// the HTTP layer's counters (HttpMetrics), the database session pool, uptime and build info.
// No login, so that a Prometheus server can scrape it, but only for the client addresses in
// server.metrics_allow (default: loopback); others get 403 METRICS_FORBIDDEN.
class MetricsHandler
{
public:
    MetricsHandler(const HttpMetrics& metrics, const Database& database, AddressList allowed);

    void get(Exchange& exchange);

private:
    const HttpMetrics& m_metrics;
    const Database& m_database;
    AddressList m_allowed;
    const Poco::Timestamp m_started;
};

} // namespace citycode::server

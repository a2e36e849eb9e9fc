#include "api/MetricsHandler.h"

#include "citycode/common/Error.h"
#include "http/Exchange.h"
#include "http/HttpMetrics.h"
#include "storage/Database.h"

#include <Poco/Data/SessionPool.h>
#include <Poco/Exception.h>

#include <cstdio>
#include <sstream>

namespace citycode::server {

namespace {

void gauge(std::ostream& out, const char* name, const char* help, double value)
{
    char text[40];
    std::snprintf(text, sizeof text, value == static_cast<double>(static_cast<long long>(value)) ? "%.0f" : "%.3f",
                  value);
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " gauge\n" << name << ' ' << text << '\n';
}

} // namespace

MetricsHandler::MetricsHandler(const HttpMetrics& metrics, const Database& database, AddressList allowed)
    : m_metrics(metrics), m_database(database), m_allowed(std::move(allowed))
{
}

void MetricsHandler::get(Exchange& exchange)
{
    // Request counts, latencies and pool sizes tell an outsider how busy the platform is and when;
    // they are for the operators' monitoring only.
    if (!m_allowed.contains(exchange.remoteAddress()))
        throw common::Error("METRICS_FORBIDDEN", "metrics are not served to this address (server.metrics_allow)");

    std::ostringstream out;
    m_metrics.write(out);
    try {
        const Poco::Data::SessionPool& pool = m_database.pool();
        gauge(out, "citycode_db_pool_capacity", "Database sessions the pool may open.", pool.capacity());
        gauge(out, "citycode_db_pool_in_use", "Database sessions in use.", pool.used());
        gauge(out, "citycode_db_pool_idle", "Open database sessions waiting for work.", pool.idle());
    } catch (const Poco::Exception&) {
        // A pool that is shutting down has no sizes to report; the HTTP metrics still count.
    }
    gauge(out, "citycode_process_start_time_seconds", "Start of the server process, in Unix seconds.",
          static_cast<double>(m_started.epochMicroseconds()) / 1e6);
    gauge(out, "citycode_process_uptime_seconds", "Seconds since the server started.",
          static_cast<double>(m_started.elapsed()) / 1e6);
    out << "# HELP citycode_build_info The running server's version.\n# TYPE citycode_build_info gauge\n"
        << "citycode_build_info{version=\"" << CITYCODE_VERSION << "\"} 1\n";
    // The content type that names the exposition format and its version.
    exchange.sendText(Poco::Net::HTTPResponse::HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", out.str());
}

} // namespace citycode::server

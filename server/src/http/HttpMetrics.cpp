#include "http/HttpMetrics.h"

#include <algorithm>
#include <cstdio>

namespace citycode::server {

namespace {

// Label values are route patterns and method tokens; escaping per the exposition format anyway.
std::string escapeLabel(const std::string& value)
{
    std::string escaped;
    for (const char c : value) {
        if (c == '\\' || c == '"')
            escaped += '\\';
        escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return escaped;
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

void header(std::ostream& out, const char* name, const char* type, const char* help)
{
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

} // namespace

HttpMetrics::HttpMetrics()
{
    setRoutes({});
}

void HttpMetrics::setRoutes(const std::vector<std::pair<std::string, std::string>>& routes)
{
    m_series.clear();
    m_routeCount = routes.size();
    for (const auto& [method, pattern] : routes) {
        m_series.push_back(std::make_unique<Series>());
        m_series.back()->method = method;
        m_series.back()->route = pattern;
    }
    for (const char* method : kMethods) {
        m_series.push_back(std::make_unique<Series>());
        m_series.back()->method = method;
        m_series.back()->route = "unmatched";
    }
}

HttpMetrics::Series& HttpMetrics::seriesFor(int route, const std::string& method)
{
    if (route >= 0 && static_cast<std::size_t>(route) < m_routeCount)
        return *m_series[static_cast<std::size_t>(route)];
    std::size_t slot = kMethods.size() - 1;
    for (std::size_t i = 0; i + 1 < kMethods.size(); ++i) {
        if (method == kMethods[i])
            slot = i;
    }
    return *m_series[m_routeCount + slot];
}

void HttpMetrics::recordRequest(int route, const std::string& method, int status, std::int64_t durationMicros)
{
    Series& series = seriesFor(route, method);
    const auto statusAt = std::find(kStatuses.begin(), kStatuses.end(), status);
    series.statuses[static_cast<std::size_t>(statusAt - kStatuses.begin())].fetch_add(1, std::memory_order_relaxed);
    const double seconds = static_cast<double>(durationMicros) / 1e6;
    const auto bucketAt = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds);
    series.buckets[static_cast<std::size_t>(bucketAt - kBuckets.begin())].fetch_add(1, std::memory_order_relaxed);
    series.durationMicros.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(durationMicros, 0)),
                                    std::memory_order_relaxed);
    if (status >= 500)
        recordError(Error::ServerError);
    else if (status >= 400)
        recordError(Error::ClientError);
}

void HttpMetrics::recordError(Error kind)
{
    m_errors[static_cast<std::size_t>(kind)].fetch_add(1, std::memory_order_relaxed);
}

void HttpMetrics::recordRefusal(Refusal reason)
{
    m_refusals[static_cast<std::size_t>(reason)].fetch_add(1, std::memory_order_relaxed);
}

void HttpMetrics::write(std::ostream& out) const
{
    header(out, "citycode_http_requests_total", "counter",
           "HTTP requests answered, by method, route pattern (\"unmatched\" when none) and status.");
    for (const auto& series : m_series) {
        for (std::size_t i = 0; i < series->statuses.size(); ++i) {
            const std::uint64_t count = series->statuses[i].load(std::memory_order_relaxed);
            if (count == 0)
                continue;
            out << "citycode_http_requests_total{method=\"" << escapeLabel(series->method) << "\",route=\""
                << escapeLabel(series->route) << "\",status=\""
                << (i < kStatuses.size() ? std::to_string(kStatuses[i]) : std::string("other")) << "\"} " << count
                << '\n';
        }
    }

    header(out, "citycode_http_request_duration_seconds", "histogram",
           "Time from the complete request header to the end of the answer, by method and route pattern.");
    for (const auto& series : m_series) {
        std::array<std::uint64_t, kBuckets.size() + 1> counts{};
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < counts.size(); ++i)
            total += counts[i] = series->buckets[i].load(std::memory_order_relaxed);
        if (total == 0)
            continue;
        const std::string labels =
            "method=\"" + escapeLabel(series->method) + "\",route=\"" + escapeLabel(series->route) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            cumulative += counts[i];
            out << "citycode_http_request_duration_seconds_bucket{" << labels << ",le=\""
                << (i < kBuckets.size() ? number(kBuckets[i]) : std::string("+Inf")) << "\"} " << cumulative << '\n';
        }
        out << "citycode_http_request_duration_seconds_sum{" << labels << "} "
            << number(static_cast<double>(series->durationMicros.load(std::memory_order_relaxed)) / 1e6) << '\n';
        out << "citycode_http_request_duration_seconds_count{" << labels << "} " << cumulative << '\n';
    }

    header(out, "citycode_http_errors_total", "counter",
           "Failed requests: 4xx and 5xx answers, header timeouts (408) and unparsable requests.");
    const char* const errorKinds[] = {"client_error", "server_error", "header_timeout", "malformed_request"};
    for (std::size_t i = 0; i < m_errors.size(); ++i)
        out << "citycode_http_errors_total{kind=\"" << errorKinds[i] << "\"} "
            << m_errors[i].load(std::memory_order_relaxed) << '\n';

    header(out, "citycode_http_connections_refused_total", "counter",
           "Connections refused at accept: too many from one address, or the queue of waiting connections full.");
    const char* const reasons[] = {"address_limit", "queue_full"};
    for (std::size_t i = 0; i < m_refusals.size(); ++i)
        out << "citycode_http_connections_refused_total{reason=\"" << reasons[i] << "\"} "
            << m_refusals[i].load(std::memory_order_relaxed) << '\n';

    header(out, "citycode_http_connections_open", "gauge", "Connections accepted and not yet closed.");
    out << "citycode_http_connections_open " << m_openConnections.load(std::memory_order_relaxed) << '\n';
}

} // namespace citycode::server

#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace citycode::server {

// The HTTP layer's counters for GET /metrics: requests by method, route pattern and status,
// a latency histogram per route, errors by kind, refused connections by reason and the open
// connections. Recording is lock-free (relaxed atomics in tables sized when the route table is
// final), so every worker thread records without contention; writing the text takes a snapshot
// that may be a few requests behind, which Prometheus tolerates.
class HttpMetrics
{
public:
    // Why a request ended without reaching a handler, or with a failure.
    enum class Error
    {
        ClientError,      // 4xx answers
        ServerError,      // 5xx answers
        HeaderTimeout,    // server.header_timeout passed before the request header was complete
        MalformedRequest, // the request line or header block could not be parsed (400/414/431)
    };
    enum class Refusal
    {
        AddressLimit, // server.max_connections_per_address
        QueueFull,    // server.max_queued
    };

    HttpMetrics();

    // routes: (method, pattern) of each route, in the order of the route table; the index in this
    // list is the route's number in recordRequest(). Called once (Router::setMetrics), before
    // the first request is recorded.
    void setRoutes(const std::vector<std::pair<std::string, std::string>>& routes);

    // route: the route's number, or -1 for a request no route matched (labelled "unmatched").
    void recordRequest(int route, const std::string& method, int status, std::int64_t durationMicros);
    void recordError(Error kind);
    void recordRefusal(Refusal reason);
    void connectionOpened() { m_openConnections.fetch_add(1, std::memory_order_relaxed); }
    void connectionClosed() { m_openConnections.fetch_sub(1, std::memory_order_relaxed); }

    // Appends the metrics in the Prometheus text exposition format (version 0.0.4).
    void write(std::ostream& out) const;

    // Histogram bucket upper bounds in seconds.
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

private:
    using Counter = std::atomic<std::uint64_t>;

    // Status codes with a counter of their own; anything else is counted as "other".
    static constexpr std::array<int, 28> kStatuses = {200, 201, 202, 204, 206, 301, 302, 303, 304, 307,
                                                      308, 400, 401, 403, 404, 405, 406, 408, 409, 410,
                                                      411, 413, 414, 415, 422, 429, 500, 503};
    // Methods of unmatched requests: a client may send any token, and each would be a series.
    static constexpr std::array<const char*, 8> kMethods = {"GET",    "HEAD",    "POST",  "PUT",
                                                            "DELETE", "OPTIONS", "PATCH", "other"};

    struct Series
    {
        std::string method;
        std::string route;
        std::array<Counter, kStatuses.size() + 1> statuses{};
        std::array<Counter, kBuckets.size() + 1> buckets{}; // not cumulative; the last is +Inf
        Counter durationMicros{0};
    };

    Series& seriesFor(int route, const std::string& method);

    std::vector<std::unique_ptr<Series>> m_series; // the routes, then unmatched per kMethods
    std::size_t m_routeCount = 0;
    std::array<Counter, 4> m_errors{};
    std::array<Counter, 2> m_refusals{};
    std::atomic<std::int64_t> m_openConnections{0};
};

} // namespace citycode::server

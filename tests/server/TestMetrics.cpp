// GET /metrics (issue 3): the Prometheus text format, counters that move with the traffic, the
// database pool, refused connections, and the address restriction (server.metrics_allow), all
// through a real citycode-server process.
#include "LoopbackClient.h"
#include "ServerProcess.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace citycode::test;
using namespace std::chrono_literals;

namespace {

// The samples of one scrape: "name{labels}" exactly as written -> value.
using Samples = std::map<std::string, double>;

// Parses the exposition format (prometheus.io "Exposition formats", text format 0.0.4) strictly:
// every line is a HELP or TYPE comment or `name{label="value",...} value`, and every sample
// belongs to a family announced by a TYPE line before it. Adds failures for anything else.
Samples parseExposition(const std::string& text)
{
    static const std::regex help(R"(# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+)");
    static const std::regex type(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
    static const std::regex sample(R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")"
                                   R"((?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? )"
                                   R"((-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf))");
    Samples samples;
    std::map<std::string, std::string> types;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch match;
        if (std::regex_match(line, match, type)) {
            EXPECT_EQ(types.count(match[1]), 0u) << "TYPE twice: " << line;
            types[match[1]] = match[2];
        } else if (std::regex_match(line, help)) {
            continue;
        } else if (std::regex_match(line, match, sample)) {
            std::string family = match[1];
            for (const char* suffix : {"_bucket", "_sum", "_count"}) {
                const std::string base = family.substr(0, family.size() - std::string(suffix).size());
                if (family.size() > base.size() && family.compare(base.size(), std::string::npos, suffix) == 0 &&
                    types.count(base) && types[base] == "histogram")
                    family = base;
            }
            EXPECT_EQ(types.count(family), 1u) << "sample without TYPE: " << line;
            const std::string key = std::string(match[1]) + std::string(match[2]);
            EXPECT_EQ(samples.count(key), 0u) << "sample twice: " << line;
            samples[key] = std::stod(match[3]);
        } else {
            ADD_FAILURE() << "not exposition format: '" << line << "'";
        }
    }
    return samples;
}

double value(const Samples& samples, const std::string& key)
{
    const auto it = samples.find(key);
    return it == samples.end() ? 0.0 : it->second;
}

// GET /metrics from a loopback source address.
HttpResponse scrape(int port, const std::string& source = "127.0.0.1", const std::string& extraHeaders = {})
{
    LoopbackClient client(port, source);
    client.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extraHeaders + "\r\n");
    return parseHttpResponse(client.receiveUntilClosed(5s).data);
}

class TestMetrics : public ::testing::Test
{
protected:
    void start(std::vector<std::string> args = {})
    {
        m_server = std::make_unique<ServerProcess>(m_dir.file("data"), std::move(args));
        m_server->start();
        std::this_thread::sleep_for(300ms); // until the readiness check's connection is closed
    }
    int port() const { return m_server->port(); }

    Samples scrapeSamples()
    {
        const HttpResponse response = scrape(port());
        EXPECT_EQ(response.status, 200) << response.body;
        return parseExposition(response.body);
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

const std::string kHealthOk = R"(citycode_http_requests_total{method="GET",route="/health",status="200"})";
const std::string kHealthCount = R"(citycode_http_request_duration_seconds_count{method="GET",route="/health"})";

} // namespace

TEST_F(TestMetrics, ScrapeIsPrometheusTextAndCountersFollowTheTraffic)
{
    start();
    const HttpResponse first = scrape(port());
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    const Samples before = parseExposition(first.body);

    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(httpRequest(port(), "GET", "/health").status, 200);
    ASSERT_EQ(httpRequest(port(), "GET", "/no/such/thing").status, 404);
    ASSERT_EQ(httpRequest(port(), "DELETE", "/health").status, 405);
    const Samples after = scrapeSamples();

    EXPECT_EQ(value(after, kHealthOk) - value(before, kHealthOk), 3);
    EXPECT_EQ(value(after, kHealthCount) - value(before, kHealthCount), 3);
    // Unmatched requests are labelled by route "unmatched", never by their raw path.
    const std::string notFound = R"(citycode_http_requests_total{method="GET",route="unmatched",status="404"})";
    const std::string notAllowed = R"(citycode_http_requests_total{method="DELETE",route="unmatched",status="405"})";
    EXPECT_EQ(value(after, notFound) - value(before, notFound), 1);
    EXPECT_EQ(value(after, notAllowed) - value(before, notAllowed), 1);
    for (const auto& [key, ignored] : after)
        EXPECT_EQ(key.find("/no/such/thing"), std::string::npos) << key;
    // The first scrape itself has been counted by now.
    EXPECT_EQ(value(after, R"(citycode_http_requests_total{method="GET",route="/metrics",status="200"})") -
                  value(before, R"(citycode_http_requests_total{method="GET",route="/metrics",status="200"})"),
              1);
    const std::string clientErrors = R"(citycode_http_errors_total{kind="client_error"})";
    EXPECT_EQ(value(after, clientErrors) - value(before, clientErrors), 2);

    // Histogram buckets are cumulative and end with +Inf = count.
    double previous = 0;
    for (const char* le :
         {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"}) {
        const std::string key =
            std::string(R"(citycode_http_request_duration_seconds_bucket{method="GET",route="/health",le=")") + le +
            "\"}";
        ASSERT_EQ(after.count(key), 1u) << key;
        EXPECT_GE(after.at(key), previous) << key;
        previous = after.at(key);
    }
    EXPECT_EQ(previous, value(after, kHealthCount));

    EXPECT_GT(value(after, "citycode_db_pool_capacity"), 0);
    EXPECT_GE(value(after, "citycode_db_pool_in_use"), 0);
    EXPECT_GE(value(after, "citycode_db_pool_idle"), 0);
    EXPECT_LE(value(after, "citycode_db_pool_in_use") + value(after, "citycode_db_pool_idle"),
              value(after, "citycode_db_pool_capacity"));
    EXPECT_GE(value(after, "citycode_process_uptime_seconds"), 0);
    EXPECT_GT(value(after, "citycode_process_start_time_seconds"), 1.7e9);
    EXPECT_EQ(value(after, std::string("citycode_build_info{version=\"") + CITYCODE_VERSION + "\"}"), 1);
    EXPECT_GE(value(after, "citycode_http_connections_open"), 1); // this scrape's own connection
}

TEST_F(TestMetrics, RefusedConnectionsAndHeaderTimeoutsAreCounted)
{
    start({"--set", "server.max_connections_per_address=2", "--set", "server.header_timeout=1", "--set",
           "server.metrics_allow=127.0.0.0/8"});
    {
        std::vector<LoopbackClient> slow;
        for (int i = 0; i < 5; ++i) {
            slow.emplace_back(port());
            slow.back().send("GET /health HTTP/1.1\r\nHost: x\r\n");
        }
        std::this_thread::sleep_for(1800ms); // two are held until the 1 s deadline, three refused
        const HttpResponse response = scrape(port(), "127.0.0.2");
        ASSERT_EQ(response.status, 200) << response.body;
        const Samples samples = parseExposition(response.body);
        EXPECT_EQ(value(samples, R"(citycode_http_connections_refused_total{reason="address_limit"})"), 3);
        EXPECT_EQ(value(samples, R"(citycode_http_errors_total{kind="header_timeout"})"), 2);
    }
}

TEST_F(TestMetrics, OnlyLoopbackMayScrapeByDefault)
{
    start();
    EXPECT_EQ(scrape(port(), "127.0.0.1").status, 200);
    const HttpResponse refused = scrape(port(), "127.0.0.2");
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("METRICS_FORBIDDEN"), std::string::npos) << refused.body;
}

TEST_F(TestMetrics, AllowListComesFromConfig)
{
    start({"--set", "server.metrics_allow=127.0.0.2, 10.0.0.0/8"});
    EXPECT_EQ(scrape(port(), "127.0.0.1").status, 403);
    EXPECT_EQ(scrape(port(), "127.0.0.2").status, 200);
}

TEST_F(TestMetrics, BadAllowListStopsTheServerAtStart)
{
    ServerProcess server(m_dir.file("data"), {"--set", "server.metrics_allow=127.0.0.1, not-an-address"});
    server.launch();
    EXPECT_EQ(server.waitForExit(10000), 78);
    EXPECT_NE(server.errors().find("server.metrics_allow"), std::string::npos) << server.errors();
}

// Which address a request comes from (QUALITY.md "Callers"): X-Forwarded-For counts only from
// the reverse proxies in server.trusted_proxies. The address lists and the X-Forwarded-For
// reading are checked on the library; the effect on the access log and on /metrics through a
// real citycode-server process.
#include "LoopbackClient.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "citycode/common/Error.h"
#include "http/AddressList.h"
#include "http/TrustedProxies.h"

#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

using namespace citycode::server;
using namespace citycode::test;
using namespace std::chrono_literals;

TEST(TestAddressList, MatchesAddressesAndNetworks)
{
    const AddressList list = AddressList::parse("127.0.0.1, ::1 10.0.0.0/8,192.168.1.0/24  2001:db8::/32");
    for (const char* inside : {"127.0.0.1", "::1", "10.1.2.3", "192.168.1.200", "2001:db8::7", "::ffff:10.9.9.9"})
        EXPECT_TRUE(list.contains(std::string(inside))) << inside;
    for (const char* outside : {"127.0.0.2", "11.0.0.1", "192.168.2.1", "2001:db9::1", "garbage", ""})
        EXPECT_FALSE(list.contains(std::string(outside))) << outside;
    EXPECT_TRUE(AddressList::parse("").empty());
}

TEST(TestAddressList, RejectsWhatIsNotAnAddress)
{
    for (const char* bad : {"localhost", "10.0.0.0/33", "::1/129", "1.2.3", "10.0.0.0/x"})
        EXPECT_THROW(AddressList::parse(bad), citycode::common::Error) << bad;
}

TEST(TestTrustedProxies, ForwardedForCountsOnlyFromATrustedPeer)
{
    const TrustedProxies proxies(AddressList::parse("10.0.0.0/8"));
    const Poco::Net::IPAddress proxy("10.0.0.5");
    const Poco::Net::IPAddress stranger("198.51.100.20");
    const struct
    {
        const Poco::Net::IPAddress& peer;
        const char* forwardedFor;
        const char* client;
    } cases[] = {
        {stranger, "203.0.113.9", "198.51.100.20"},      // anybody can write the header
        {proxy, "", "10.0.0.5"},                         // a proxy's own request
        {proxy, "203.0.113.9", "203.0.113.9"},           // the client the proxy served
        {proxy, "1.1.1.1, 203.0.113.9", "203.0.113.9"},  // the client's own entry is ignored
        {proxy, "203.0.113.9, 10.0.0.7", "203.0.113.9"}, // through two of our proxies
        {proxy, "10.0.0.8, 10.0.0.7", "10.0.0.8"},       // only proxies: the farthest
        {proxy, "203.0.113.9, unknown", "10.0.0.5"},     // garbage stops the walk
        {proxy, " 2001:db8::5 ", "2001:db8::5"},         // IPv6, blanks
    };
    for (const auto& test : cases) {
        SCOPED_TRACE(std::string(test.forwardedFor) + " from " + test.peer.toString());
        EXPECT_EQ(proxies.clientAddress(test.peer, test.forwardedFor), test.client);
    }
    EXPECT_EQ(TrustedProxies().clientAddress(proxy, "203.0.113.9"), "10.0.0.5"); // none configured
}

namespace {

// The "remote" of the access log line of the request with this id.
std::string loggedRemote(ServerProcess& server, const std::string& requestId)
{
    for (int i = 0; i < 100; ++i) {
        std::istringstream in(server.output());
        for (std::string line; std::getline(in, line);) {
            if (line.find(requestId) != std::string::npos)
                return Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>(
                    "remote");
        }
        std::this_thread::sleep_for(20ms);
    }
    return "(no access log line)";
}

int metricsStatus(int port, const std::string& forwardedFor)
{
    LoopbackClient client(port);
    client.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Forwarded-For: " + forwardedFor +
                "\r\n\r\n");
    return parseHttpResponse(client.receiveUntilClosed(5s).data).status;
}

} // namespace

TEST(TestTrustedProxiesServer, ForwardedForIsIgnoredWithoutTrustedProxies)
{
    TempDir dir;
    ServerProcess server(dir.file("data"));
    server.start();
    const HttpResponse response =
        httpRequest(server.port(), "GET", "/health", {}, {{"X-Forwarded-For", "203.0.113.9"}});
    EXPECT_EQ(loggedRemote(server, response.header("X-Request-Id")), "127.0.0.1");
    // A client cannot pass itself off as loopback, nor as anybody else.
    EXPECT_EQ(metricsStatus(server.port(), "203.0.113.9"), 200);
}

TEST(TestTrustedProxiesServer, ForwardedForFromATrustedProxyNamesTheClient)
{
    TempDir dir;
    ServerProcess server(dir.file("data"), {"--set", "server.trusted_proxies=127.0.0.1"});
    server.start();
    const HttpResponse response =
        httpRequest(server.port(), "GET", "/health", {}, {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}});
    EXPECT_EQ(loggedRemote(server, response.header("X-Request-Id")), "203.0.113.9");
    // The client behind the proxy is not on loopback, so /metrics is refused to it.
    EXPECT_EQ(metricsStatus(server.port(), "203.0.113.9"), 403);
}

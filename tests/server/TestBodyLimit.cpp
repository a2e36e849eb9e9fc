// Request size limits (issue 3, "Must show" 4): an oversized body is refused with 413 before it
// is read, a chunked body is cut off at the limit, and an oversized or malformed request header
// is answered 400/414/431 with the JSON error envelope. The first group runs the real
// citycode-server; the chunked bodies need a route that reads a body, so that group serves a
// test route through the server library's HttpServer on port 0.
#include "LoopbackClient.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "http/ErrorMapper.h"
#include "http/EventHttpServer.h"
#include "http/HttpMetrics.h"
#include "http/HttpServer.h"
#include "http/Router.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/String.h>
#include <Poco/ThreadPool.h>

#include <gtest/gtest.h>

#include <chrono>

using namespace citycode::server;
using namespace citycode::test;
using namespace std::chrono_literals;

namespace {

std::string errorCode(const HttpResponse& response)
{
    return Poco::JSON::Parser()
        .parse(response.body)
        .extract<Poco::JSON::Object::Ptr>()
        ->getObject("error")
        ->getValue<std::string>("code");
}

// Sends `request` and waits for the answer (the server closes after it).
LoopbackClient::Received exchange(int port, const std::string& request, std::chrono::milliseconds timeout = 5s)
{
    LoopbackClient client(port);
    client.send(request);
    return client.receiveUntilClosed(timeout);
}

class TestBodyLimit : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new TempDir;
        s_server = new ServerProcess(s_dir->file("data"), {"--set", "server.max_body_bytes=1000"});
        s_server->start();
    }
    static void TearDownTestSuite()
    {
        delete s_server;
        delete s_dir;
    }

    static int port() { return s_server->port(); }

    static TempDir* s_dir;
    static ServerProcess* s_server;
};

TempDir* TestBodyLimit::s_dir = nullptr;
ServerProcess* TestBodyLimit::s_server = nullptr;

} // namespace

TEST_F(TestBodyLimit, ErrorMapperAnswers413ForPayloadTooLarge)
{
    EXPECT_EQ(ErrorMapper::statusFor("PAYLOAD_TOO_LARGE"), Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
}

TEST_F(TestBodyLimit, HugeContentLengthIs413BeforeAnyBodyIsSent)
{
    // Whatever the path and method: the limit comes before routing.
    for (const std::string target : {"POST /health", "PUT /no/such/thing", "GET /health", "POST /metrics"}) {
        SCOPED_TRACE(target);
        const LoopbackClient::Received answer =
            exchange(port(), target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n");
        ASSERT_TRUE(answer.closed) << "the server waited for the body";
        EXPECT_LT(answer.elapsed, 1s);
        const HttpResponse response = parseHttpResponse(answer.data);
        EXPECT_EQ(response.status, 413);
        EXPECT_EQ(errorCode(response), "PAYLOAD_TOO_LARGE");
        EXPECT_FALSE(response.header("X-Request-Id").empty());
        EXPECT_EQ(Poco::toLower(response.header("Connection")), "close");
    }
}

TEST_F(TestBodyLimit, BodyJustOverTheLimitIs413AndAtTheLimitIsNot)
{
    EXPECT_EQ(httpRequest(port(), "POST", "/health", std::string(1001, 'x')).status, 413);
    EXPECT_EQ(httpRequest(port(), "POST", "/health", std::string(1000, 'x')).status, 405);
}

TEST_F(TestBodyLimit, ExpectContinueForAHugeBodyGets413Not100)
{
    const LoopbackClient::Received answer = exchange(
        port(), "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");
    ASSERT_TRUE(answer.closed);
    EXPECT_EQ(answer.data.rfind("HTTP/1.1 413", 0), 0u) << answer.data.substr(0, 40);
}

TEST_F(TestBodyLimit, InvalidContentLengthIs400)
{
    for (const std::string value : {"abc", "-5", "12x"}) {
        SCOPED_TRACE(value);
        const LoopbackClient::Received answer =
            exchange(port(), "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + value + "\r\n\r\n");
        EXPECT_EQ(parseHttpResponse(answer.data).status, 400);
    }
}

TEST_F(TestBodyLimit, OversizedOrMalformedHeaderIsAnsweredWithTheErrorEnvelope)
{
    std::string manyFields;
    for (int i = 0; i < 200; ++i)
        manyFields += "X-Field-" + std::to_string(i) + ": v\r\n";
    const struct
    {
        const char* name;
        std::string request;
        int status;
        const char* code;
    } cases[] = {
        {"too many header fields", "GET /health HTTP/1.1\r\nHost: x\r\n" + manyFields + "\r\n", 431,
         "HEADER_TOO_LARGE"},
        {"header value too long", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n",
         431, "HEADER_TOO_LARGE"},
        {"header name too long", "GET /health HTTP/1.1\r\nHost: x\r\n" + std::string(1000, 'N') + ": v\r\n\r\n", 431,
         "HEADER_TOO_LARGE"},
        {"request target too long", "GET /" + std::string(20000, 'p') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
         "URI_TOO_LONG"},
        {"garbage request line", "\x01\x02\x03 nonsense\r\n\r\n", 400, "BAD_REQUEST"},
    };
    for (const auto& test : cases) {
        SCOPED_TRACE(test.name);
        const LoopbackClient::Received answer = exchange(port(), test.request);
        ASSERT_TRUE(answer.closed);
        ASSERT_FALSE(answer.data.empty());
        const HttpResponse response = parseHttpResponse(answer.data);
        EXPECT_EQ(response.status, test.status);
        EXPECT_EQ(errorCode(response), test.code);
        EXPECT_EQ(response.header("X-Request-Id").size(), 32u);
    }
    // The server is still fine.
    EXPECT_EQ(httpRequest(port(), "GET", "/health").status, 200);
}

namespace {

// A Router with a body-reading route, served on 127.0.0.1:0 by each of the library's fronts: the
// thread-per-connection HttpServer (TLS) and the event-driven EventHttpServer (plain HTTP).
class TestChunkedBody : public ::testing::TestWithParam<bool>
{
protected:
    static constexpr std::size_t kLimit = 1000;

    TestChunkedBody()
    {
        Poco::SharedPtr<Router> router(new Router(kLimit));
        router->add("POST", "/echo", [](Exchange& e) {
            Poco::JSON::Object body;
            body.set("size", e.readBody().size());
            e.sendJson(Poco::Net::HTTPResponse::HTTP_OK, body);
        });
        router->setMetrics(&m_metrics);
        if (GetParam()) {
            EventHttpServer::Settings settings;
            settings.workers = 4;
            m_events = std::make_unique<EventHttpServer>(router, m_socket, settings, ConnectionRegistry::Settings{},
                                                         m_metrics, m_proxies);
            m_events->start();
            return;
        }
        Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(4);
        m_server = std::make_unique<HttpServer>(router, m_workers, m_socket, params, ConnectionRegistry::Settings{},
                                                m_metrics, m_proxies);
        m_server->start();
    }

    ~TestChunkedBody() override
    {
        if (m_events) {
            m_events->stop();
            return;
        }
        m_server->stopAll();
        m_workers.joinAll();
    }

    int port() const { return m_socket.address().port(); }

    static std::string chunked(std::size_t total, std::size_t chunk)
    {
        std::string text;
        for (std::size_t sent = 0; sent < total; sent += chunk) {
            const std::size_t size = std::min(chunk, total - sent);
            char length[16];
            std::snprintf(length, sizeof length, "%zx", size);
            text += std::string(length) + "\r\n" + std::string(size, 'c') + "\r\n";
        }
        return text + "0\r\n\r\n";
    }

    static std::string chunkedRequest(const std::string& body)
    {
        return "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
               body;
    }

    HttpMetrics m_metrics;
    TrustedProxies m_proxies;
    Poco::ThreadPool m_workers{1, 4};
    Poco::Net::ServerSocket m_socket{Poco::Net::SocketAddress("127.0.0.1", 0)};
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<EventHttpServer> m_events;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(Fronts, TestChunkedBody, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) {
                             return info.param ? "EventLoops" : "ThreadPerConnection";
                         });

TEST_P(TestChunkedBody, ChunkedBodyWithinTheLimitIsRead)
{
    const HttpResponse response = parseHttpResponse(exchange(port(), chunkedRequest(chunked(kLimit, 300))).data);
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_NE(response.body.find("\"size\":1000"), std::string::npos) << response.body;
}

TEST_P(TestChunkedBody, ChunkedBodyIsCutOffAtTheLimit)
{
    // 10 MB announced chunk by chunk: the server stops reading shortly after the limit.
    LoopbackClient client(port());
    client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    bool sending = true;
    std::size_t sent = 0;
    const std::string chunk = "1000\r\n" + std::string(0x1000, 'c') + "\r\n";
    while (sending && sent < 10 * 1024 * 1024) {
        sending = client.send(chunk);
        sent += 0x1000;
    }
    const LoopbackClient::Received answer = client.receiveUntilClosed(5s);
    EXPECT_TRUE(answer.closed);
    EXPECT_FALSE(sending) << "the server read the whole 10 MB";
    if (!answer.data.empty()) {
        EXPECT_EQ(parseHttpResponse(answer.data).status, 413);
    }
}

TEST_P(TestChunkedBody, ChunkedBodyJustOverTheLimitIs413)
{
    const HttpResponse response = parseHttpResponse(exchange(port(), chunkedRequest(chunked(kLimit + 1, 300))).data);
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(errorCode(response), "PAYLOAD_TOO_LARGE");
}

TEST_P(TestChunkedBody, PipelinedRequestsAreAnsweredInOrder)
{
    // Three requests in one write, the last one chunked: each is read whole and answered in turn.
    LoopbackClient client(port());
    client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc"
                "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nabcde" +
                chunkedRequest(chunked(7, 4)));
    const std::string answers = client.receiveUntilClosed(5s).data;
    const std::size_t first = answers.find("\"size\":3");
    const std::size_t second = answers.find("\"size\":5");
    const std::size_t third = answers.find("\"size\":7");
    ASSERT_NE(first, std::string::npos) << answers;
    ASSERT_NE(second, std::string::npos) << answers;
    ASSERT_NE(third, std::string::npos) << answers;
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
}

TEST_P(TestChunkedBody, TruncatedBodyIs400)
{
    // Content-Length promises more than the client sends before it stops sending.
    LoopbackClient client(port());
    client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\nConnection: close\r\n\r\nshort");
    client.finishSending();
    const LoopbackClient::Received answer = client.receiveUntilClosed(5s);
    ASSERT_FALSE(answer.data.empty());
    EXPECT_EQ(parseHttpResponse(answer.data).status, 400);
}

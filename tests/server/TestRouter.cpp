// The route table, request ids, the error-to-status mapping and the body limit, through a real
// Poco HTTPServer on port 0 serving a Router with test routes.
#include "ServerProcess.h"
#include "citycode/common/Error.h"
#include "http/ErrorMapper.h"
#include "http/Router.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/String.h>

#include <gtest/gtest.h>

#include <stdexcept>

using namespace citycode::server;
using namespace citycode::test;
using citycode::common::Error;

namespace {

constexpr std::size_t kBodyLimit = 16;

Poco::JSON::Object::Ptr parseJson(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string errorCode(const HttpResponse& response)
{
    return parseJson(response.body)->getObject("error")->getValue<std::string>("code");
}

void answer(Exchange& exchange, const std::string& key, const std::string& value)
{
    Poco::JSON::Object body;
    body.set(key, value);
    exchange.sendJson(Poco::Net::HTTPResponse::HTTP_OK, body);
}

class TestRouter : public ::testing::Test
{
protected:
    TestRouter()
    {
        Poco::SharedPtr<Router> router(new Router(kBodyLimit));
        router->add("GET", "/items", [](Exchange& e) { answer(e, "list", "all"); });
        router->add("POST", "/items", [](Exchange& e) { answer(e, "body", e.readBody()); });
        router->add("GET", "/items/{id}", [](Exchange& e) { answer(e, "id", e.pathParam("id")); });
        router->add("GET", "/fail/mapped",
                    [](Exchange&) -> void { throw Error("NOT_FOUND", "item 7 does not exist"); });
        router->add("GET", "/fail/unmapped", [](Exchange&) -> void { throw Error("BRAND_NEW_CODE", "secret detail"); });
        router->add("GET", "/fail/std",
                    [](Exchange&) -> void { throw std::runtime_error("secret connection string"); });
        router->add("GET", "/fail/poco", [](Exchange&) -> void { throw Poco::IOException("secret file name"); });
        m_server = std::make_unique<Poco::Net::HTTPServer>(router, m_socket, new Poco::Net::HTTPServerParams);
        m_server->start();
    }

    ~TestRouter() override { m_server->stop(); }

    int port() const { return m_socket.address().port(); }
    HttpResponse request(const std::string& method, const std::string& path, const std::string& body = {})
    {
        return httpRequest(port(), method, path, body);
    }

    Poco::Net::ServerSocket m_socket{Poco::Net::SocketAddress("127.0.0.1", 0)};
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
};

} // namespace

TEST_F(TestRouter, MatchesMethodAndPathAndDecodesParameters)
{
    EXPECT_EQ(parseJson(request("GET", "/items").body)->getValue<std::string>("list"), "all");
    EXPECT_EQ(parseJson(request("GET", "/items/42").body)->getValue<std::string>("id"), "42");
    // Segments are split before decoding: an encoded slash stays inside the parameter.
    EXPECT_EQ(parseJson(request("GET", "/items/a%2Fb%20c").body)->getValue<std::string>("id"), "a/b c");
    EXPECT_EQ(parseJson(request("GET", "/items/%E5%B8%82?x=1").body)->getValue<std::string>("id"), "市");
}

TEST_F(TestRouter, AcceptsAbsoluteFormTargets)
{
    const HttpResponse response = parseHttpResponse(httpExchangeRaw(
        port(), "GET http://127.0.0.1/items/5 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(parseJson(response.body)->getValue<std::string>("id"), "5");
}

TEST_F(TestRouter, UnknownPathsAre404)
{
    for (const std::string path : {"/items/", "/items/1/2", "/item", "//items", "/fail"}) {
        SCOPED_TRACE(path);
        const HttpResponse response = request("GET", path);
        EXPECT_EQ(response.status, 404);
        EXPECT_EQ(errorCode(response), "NOT_FOUND");
    }
}

TEST_F(TestRouter, KnownPathWithOtherMethodIs405ListingAllowedMethods)
{
    const HttpResponse response = request("DELETE", "/items");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.header("Allow"), "GET, POST");
    EXPECT_EQ(errorCode(response), "METHOD_NOT_ALLOWED");
    EXPECT_EQ(request("POST", "/items/3").header("Allow"), "GET");
}

TEST_F(TestRouter, ServiceErrorsAreMappedToTheirStatusWithTheirMessage)
{
    const HttpResponse response = request("GET", "/fail/mapped");
    EXPECT_EQ(response.status, 404);
    const auto body = parseJson(response.body);
    EXPECT_EQ(body->getObject("error")->getValue<std::string>("code"), "NOT_FOUND");
    EXPECT_EQ(body->getObject("error")->getValue<std::string>("message"), "item 7 does not exist");
    EXPECT_EQ(body->getValue<std::string>("requestId"), response.header("X-Request-Id"));
}

TEST_F(TestRouter, UnexpectedErrorsAre500WithoutInternals)
{
    for (const std::string path : {"/fail/std", "/fail/poco", "/fail/unmapped"}) {
        SCOPED_TRACE(path);
        const HttpResponse response = request("GET", path);
        EXPECT_EQ(response.status, 500);
        EXPECT_EQ(errorCode(response), "INTERNAL_ERROR");
        EXPECT_EQ(response.body.find("secret"), std::string::npos) << response.body;
        EXPECT_EQ(parseJson(response.body)->getValue<std::string>("requestId"), response.header("X-Request-Id"));
    }
}

TEST_F(TestRouter, BodyWithinTheLimitIsRead)
{
    const HttpResponse response = request("POST", "/items", "0123456789abcdef");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(parseJson(response.body)->getValue<std::string>("body"), "0123456789abcdef");
    const HttpResponse chunked = parseHttpResponse(httpExchangeRaw(
        port(), "POST /items HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n4\r\n abc\r\n0\r\n\r\n"));
    ASSERT_EQ(chunked.status, 200) << chunked.body;
    EXPECT_EQ(parseJson(chunked.body)->getValue<std::string>("body"), "hello abc");
}

TEST_F(TestRouter, AnnouncedBodyOverTheLimitIs413)
{
    const HttpResponse response = request("POST", "/items", std::string(kBodyLimit + 1, 'x'));
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(errorCode(response), "PAYLOAD_TOO_LARGE");
}

TEST_F(TestRouter, ChunkedBodyOverTheLimitIs413)
{
    const HttpResponse response = parseHttpResponse(httpExchangeRaw(
        port(), "POST /items HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                "10\r\n0123456789abcdef\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"));
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(errorCode(response), "PAYLOAD_TOO_LARGE");
}

TEST_F(TestRouter, UnreadBodyIsNeverTakenForTheNextRequest)
{
    // The 404 handler does not read the body; "GET /items..." must not be answered as a second
    // request made of the body's bytes and what follows.
    // (A body within the 16-byte limit: a larger one is refused with 413 before routing.)
    const std::string raw = httpExchangeRaw(port(), "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 16\r\n\r\n"
                                                    "GET / HTTP/1.1\r\n"
                                                    "GET /items HTTP/1.1\r\nHost: x\r\n\r\n");
    const HttpResponse first = parseHttpResponse(raw);
    EXPECT_EQ(first.status, 404);
    EXPECT_EQ(Poco::icompare(first.header("Connection"), "close"), 0) << first.header("Connection");
    EXPECT_EQ(raw.find("HTTP/1.1", 1), std::string::npos) << raw;
}

TEST(ErrorMapper, MapsStableCodesToStatuses)
{
    using Status = Poco::Net::HTTPResponse::HTTPStatus;
    EXPECT_EQ(ErrorMapper::statusFor("BAD_REQUEST"), Status::HTTP_BAD_REQUEST);
    EXPECT_EQ(ErrorMapper::statusFor("NOT_FOUND"), Status::HTTP_NOT_FOUND);
    EXPECT_EQ(ErrorMapper::statusFor("METHOD_NOT_ALLOWED"), Status::HTTP_METHOD_NOT_ALLOWED);
    EXPECT_EQ(ErrorMapper::statusFor("PAYLOAD_TOO_LARGE"), Status::HTTP_REQUEST_ENTITY_TOO_LARGE);
    EXPECT_EQ(ErrorMapper::statusFor("NO_SUCH_CODE"), Status::HTTP_INTERNAL_SERVER_ERROR);
}

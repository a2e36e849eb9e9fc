// GET /health and the behaviour every route shares (request id, 404, 405, access log), through
// a real citycode-server process.
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace citycode::test;

namespace {

Poco::JSON::Object::Ptr parseJson(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

class TestHealth : public ::testing::Test
{
protected:
    void SetUp() override { m_server.start(); }

    HttpResponse get(const std::string& path) { return httpRequest(m_server.port(), "GET", path); }

    TempDir m_dir;
    ServerProcess m_server{m_dir.file("data")};
};

const std::regex kRequestId("[0-9a-f]{32}");

} // namespace

TEST_F(TestHealth, AnswersOkWithVersionAndDatabaseState)
{
    const HttpResponse response = get("/health");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response.header("Cache-Control"), "no-store");
    const auto body = parseJson(response.body);
    EXPECT_EQ(body->getValue<std::string>("status"), "ok");
    EXPECT_EQ(body->getValue<std::string>("version"), CITYCODE_VERSION);
    const auto database = body->getObject("database");
    ASSERT_TRUE(database);
    EXPECT_EQ(database->getValue<std::string>("backend"), TestBackend::name());
    EXPECT_EQ(database->getValue<std::string>("state"), "ok");
    EXPECT_GE(database->getValue<int>("schemaVersion"), 3); // the latest migration; more come with later issues
    EXPECT_GE(body->getValue<int>("uptimeSeconds"), 0);
}

TEST_F(TestHealth, IgnoresTheQueryString)
{
    EXPECT_EQ(get("/health?verbose=1").status, 200);
}

TEST_F(TestHealth, EveryResponseCarriesADifferentRequestId)
{
    std::set<std::string> ids;
    for (const std::string path : {"/health", "/health", "/no/such/thing", "/health"}) {
        const HttpResponse response = get(path);
        const std::string id = response.header("X-Request-Id");
        EXPECT_TRUE(std::regex_match(id, kRequestId)) << "'" << id << "' for " << path;
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 4u);
}

TEST_F(TestHealth, UnknownPathIs404WithJsonError)
{
    // Routes are strict: no trailing slash, no case folding, no prefix matching.
    for (const std::string path : {"/nope", "/health/", "/HEALTH", "/health/x", "/"}) {
        SCOPED_TRACE(path);
        const HttpResponse response = get(path);
        ASSERT_EQ(response.status, 404);
        EXPECT_EQ(response.header("Content-Type"), "application/json; charset=utf-8");
        const auto body = parseJson(response.body);
        const auto error = body->getObject("error");
        ASSERT_TRUE(error);
        EXPECT_EQ(error->getValue<std::string>("code"), "NOT_FOUND");
        EXPECT_FALSE(error->getValue<std::string>("message").empty());
        EXPECT_EQ(body->getValue<std::string>("requestId"), response.header("X-Request-Id"));
    }
}

TEST_F(TestHealth, WrongMethodIs405WithAllowHeader)
{
    for (const std::string method : {"POST", "PUT", "DELETE", "PATCH"}) {
        SCOPED_TRACE(method);
        const HttpResponse response = httpRequest(m_server.port(), method, "/health", "{}");
        ASSERT_EQ(response.status, 405) << response.body;
        EXPECT_EQ(response.header("Allow"), "GET");
        const auto body = parseJson(response.body);
        EXPECT_EQ(body->getObject("error")->getValue<std::string>("code"), "METHOD_NOT_ALLOWED");
        EXPECT_EQ(body->getValue<std::string>("requestId"), response.header("X-Request-Id"));
    }
}

TEST_F(TestHealth, MalformedPathIs400)
{
    const HttpResponse response = parseHttpResponse(
        httpExchangeRaw(m_server.port(), "GET /he%zzlth HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(parseJson(response.body)->getObject("error")->getValue<std::string>("code"), "BAD_REQUEST");
}

TEST_F(TestHealth, AccessLogHasOneJsonLinePerRequestWithoutQuery)
{
    const HttpResponse ok = get("/health?token=secret-value");
    const HttpResponse missing = get("/missing");
    // The access line is written after the answer; give the server a moment to flush it.
    std::string log;
    for (int i = 0; i < 100 && log.find(missing.header("X-Request-Id")) == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        log = m_server.output();
    }
    EXPECT_EQ(log.find("secret-value"), std::string::npos) << "query strings must not be logged";

    int lines = 0;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.front() != '{')
            continue;
        const auto entry = parseJson(line);
        const std::string id = entry->getValue<std::string>("requestId");
        if (id == ok.header("X-Request-Id")) {
            EXPECT_EQ(entry->getValue<std::string>("method"), "GET");
            EXPECT_EQ(entry->getValue<std::string>("path"), "/health");
            EXPECT_EQ(entry->getValue<int>("status"), 200);
            EXPECT_GE(entry->getValue<double>("durationMs"), 0.0);
            EXPECT_EQ(entry->getValue<std::string>("remote"), "127.0.0.1");
            EXPECT_TRUE(std::regex_match(entry->getValue<std::string>("time"),
                                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
            ++lines;
        } else if (id == missing.header("X-Request-Id")) {
            EXPECT_EQ(entry->getValue<std::string>("path"), "/missing");
            EXPECT_EQ(entry->getValue<int>("status"), 404);
            ++lines;
        }
    }
    EXPECT_EQ(lines, 2) << log;
}

// HealthService and the /health handler against a real SQLite database, including the 503 answer
// when the database stops answering (which a running server process cannot be made to do).
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"
#include "api/HealthHandler.h"
#include "http/Router.h"
#include "services/HealthService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>

#include <gtest/gtest.h>

using namespace citycode::server;
using namespace citycode::test;

namespace {

class TestHealthService : public ::testing::Test
{
protected:
    TestHealthService()
        : m_database(TestBackend::postgresql() ? TestBackend::createDatabase() : "sqlite:citycode.db", m_dir.path(), 4),
          m_health(m_database, m_log)
    {
    }

    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
    Database m_database;
    HealthService m_health;
};

} // namespace

TEST_F(TestHealthService, ReportsSchemaVersionOfAMigratedDatabase)
{
    EXPECT_EQ(Migrations(m_database, m_log).apply(), Migrations::latestVersion());
    const HealthReport report = m_health.check();
    EXPECT_TRUE(report.databaseOk);
    EXPECT_EQ(report.databaseBackend, TestBackend::name());
    EXPECT_EQ(report.schemaVersion, Migrations::latestVersion());
    EXPECT_EQ(report.version, CITYCODE_VERSION);
}

TEST_F(TestHealthService, ReportsAnErrorWhenTheSchemaTableIsMissing)
{
    // A database that has never been migrated cannot answer the schema query.
    EXPECT_FALSE(m_health.check().databaseOk);
}

TEST_F(TestHealthService, HandlerAnswers503WhenTheDatabaseIsClosed)
{
    Migrations(m_database, m_log).apply();
    Poco::SharedPtr<Router> router(new Router(1024));
    HealthHandler handler(m_health);
    router->add("GET", "/health", [&handler](Exchange& e) { handler.get(e); });
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    Poco::Net::HTTPServer server(router, socket, new Poco::Net::HTTPServerParams);
    server.start();
    const int port = socket.address().port();

    EXPECT_EQ(httpRequest(port, "GET", "/health").status, 200);
    m_database.close();
    const HttpResponse response = httpRequest(port, "GET", "/health");
    EXPECT_EQ(response.status, 503);
    const auto body = Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(body->getValue<std::string>("status"), "error");
    EXPECT_EQ(body->getObject("database")->getValue<std::string>("state"), "error");
    server.stop();
}

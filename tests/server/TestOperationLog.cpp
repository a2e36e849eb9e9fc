// The operation log (001 §4.12.3 日志管理) through a real citycode-server: every admin change is
// recorded with who, what, when and from where; queried by time range, operator and action;
// exported as CSV; a sub-platform sees its own platform's lines only.
#include "AdminSession.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <memory>

using namespace citycode::test;

namespace {

class TestOperationLog : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data")));
        m_server->start();
        m_admin = AdminSession::signIn(port());
    }
    int port() const { return m_server->port(); }
    HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                      const std::string& token = {})
    {
        return AdminSession::call(port(), method, path, token.empty() ? m_admin : token, body);
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_admin;
};

} // namespace

TEST_F(TestOperationLog, ChangesAreRecordedAndQueriedByTimeOperatorAndAction)
{
    const HttpResponse created = call("POST", "/admin/v1/operators", R"({"username":"clerk","displayName":"C"})");
    ASSERT_EQ(created.status, 201);
    const Poco::Int64 clerk = AdminSession::json(created)->getObject("operator")->getValue<Poco::Int64>("id");

    HttpResponse list = call("GET", "/admin/v1/operation-logs?action=operator.create");
    ASSERT_EQ(list.status, 200) << list.body;
    auto page = AdminSession::json(list);
    ASSERT_EQ(page->getValue<int>("total"), 1);
    const auto line = page->getArray("items")->getObject(0);
    EXPECT_EQ(line->getValue<std::string>("username"), "admin");
    EXPECT_EQ(line->getValue<std::string>("targetType"), "operator");
    EXPECT_EQ(line->getValue<std::string>("targetId"), std::to_string(clerk));
    EXPECT_EQ(line->getValue<std::string>("remoteAddress"), "127.0.0.1");
    EXPECT_EQ(line->getValue<std::string>("requestId"), created.header("X-Request-Id"));
    EXPECT_EQ(line->getValue<std::string>("result"), "success");

    // Login, password change and creation, newest first.
    page = AdminSession::json(call("GET", "/admin/v1/operation-logs?username=admin"));
    EXPECT_GE(page->getValue<int>("total"), 3);
    EXPECT_EQ(page->getArray("items")->getObject(0)->getValue<std::string>("action"), "operator.create");
    // The time range.
    const std::string at = line->getValue<std::string>("createdAt");
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/operation-logs?createdFrom=" + at))->getValue<int>("total"), 1);
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/operation-logs?createdTo=2000-01-01"))->getValue<int>("total"),
              0);
    EXPECT_EQ(call("GET", "/admin/v1/operation-logs?createdFrom=yesterday").status, 400);
}

TEST_F(TestOperationLog, ExportIsCsvOfTheFilteredLines)
{
    ASSERT_EQ(call("POST", "/admin/v1/operators", R"({"username":"clerk","displayName":"C"})").status, 201);
    const HttpResponse csv = call("GET", "/admin/v1/operation-logs/export?action=operator");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv.header("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(csv.body.rfind("id,createdAt,operatorId,username,", 0), 0u);
    EXPECT_NE(csv.body.find("\"operator.create\""), std::string::npos);
    EXPECT_EQ(csv.body.find("auth.login"), std::string::npos); // the filter applies
    // The export itself is an admin action in the log.
    EXPECT_EQ(
        AdminSession::json(call("GET", "/admin/v1/operation-logs?action=operation-log.export"))->getValue<int>("total"),
        1);
}

TEST_F(TestOperationLog, SubPlatformSeesOnlyItsOwnLines)
{
    const HttpResponse platform =
        call("POST", "/admin/v1/platforms", R"({"name":"市交通局","adminUsername":"traffic-admin"})");
    ASSERT_EQ(platform.status, 201) << platform.body;
    const Poco::Int64 platformId = AdminSession::json(platform)->getObject("platform")->getValue<Poco::Int64>("id");
    const std::string token =
        AdminSession::signInAs(port(), "traffic-admin",
                               AdminSession::json(platform)->getValue<std::string>("adminPassword"), "Sub-Admin-2024");
    for (const std::string& query : std::vector<std::string>{"", "?platformId=1", "?username=admin"}) {
        const HttpResponse list = call("GET", "/admin/v1/operation-logs" + query, {}, token);
        ASSERT_EQ(list.status, 200) << list.body;
        const auto items = AdminSession::json(list)->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i)
            EXPECT_EQ(items->getObject(static_cast<unsigned>(i))->getValue<Poco::Int64>("platformId"), platformId);
    }
    const HttpResponse csv = call("GET", "/admin/v1/operation-logs/export", {}, token);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.find("operator.create"), std::string::npos);
    EXPECT_EQ(csv.body.find("platform.create"), std::string::npos);
    EXPECT_NE(csv.body.find("traffic-admin"), std::string::npos);
}

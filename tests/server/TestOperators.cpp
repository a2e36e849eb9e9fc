// Operators (001 §4.12.1 操作员管理) through a real citycode-server: create with a one-time
// password, list with filters, edit, delete, batch delete; permissions from roles; the tenant
// scope of a sub-platform administrator; the initial administrator's limits.
#include "AdminSession.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <memory>

using namespace citycode::test;

namespace {

class TestOperators : public ::testing::Test
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
    // Creates an operator; returns {id, one-time password}.
    std::pair<Poco::Int64, std::string> create(const std::string& body, const std::string& token = {})
    {
        const HttpResponse response = call("POST", "/admin/v1/operators", body, token);
        EXPECT_EQ(response.status, 201) << response.body;
        const auto json = AdminSession::json(response);
        return {json->getObject("operator")->getValue<Poco::Int64>("id"),
                json->getValue<std::string>("oneTimePassword")};
    }
    // A sub-platform with its administrator, signed in; returns {platform id, admin token}.
    std::pair<Poco::Int64, std::string> subPlatform(const std::string& name, const std::string& adminName)
    {
        const HttpResponse response =
            call("POST", "/admin/v1/platforms", R"({"name":")" + name + R"(","adminUsername":")" + adminName + R"("})");
        EXPECT_EQ(response.status, 201) << response.body;
        const auto json = AdminSession::json(response);
        const std::string token =
            AdminSession::signInAs(port(), adminName, json->getValue<std::string>("adminPassword"), "Sub-Admin-2024");
        return {json->getObject("platform")->getValue<Poco::Int64>("id"), token};
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_admin;
};

} // namespace

TEST_F(TestOperators, CreateListEditDelete)
{
    const auto [id, password] = create(R"({"username":"clerk.one","displayName":"Clerk One"})");
    EXPECT_GE(password.size(), 16u);
    create(R"({"username":"clerk.two","displayName":"Clerk Two","status":"disabled"})");

    HttpResponse list = call("GET", "/admin/v1/operators?username=clerk&sort=username&order=desc&pageSize=1");
    ASSERT_EQ(list.status, 200) << list.body;
    auto page = AdminSession::json(list);
    EXPECT_EQ(page->getValue<int>("total"), 2);
    EXPECT_EQ(page->getArray("items")->size(), 1u);
    EXPECT_EQ(page->getArray("items")->getObject(0)->getValue<std::string>("username"), "clerk.two");
    list = call("GET", "/admin/v1/operators?status=disabled");
    EXPECT_EQ(AdminSession::json(list)->getValue<int>("total"), 1);
    EXPECT_EQ(call("GET", "/admin/v1/operators?sort=password_hash").status, 400);
    EXPECT_EQ(call("GET", "/admin/v1/operators?platform_id=1").status, 400); // unknown filters are refused
    EXPECT_EQ(call("GET", "/admin/v1/operators?createdFrom=2999-01-01").status, 200);
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/operators?createdFrom=2999-01-01"))->getValue<int>("total"), 0);

    const std::string path = "/admin/v1/operators/" + std::to_string(id);
    HttpResponse updated = call("PUT", path, R"({"displayName":"Clerk Uno"})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(AdminSession::json(call("GET", path))->getValue<std::string>("displayName"), "Clerk Uno");
    // Never the password hash in an answer.
    EXPECT_EQ(call("GET", path).body.find("pbkdf2"), std::string::npos);

    EXPECT_EQ(call("POST", "/admin/v1/operators", R"({"username":"clerk.one","displayName":"Again"})").status, 409);
    EXPECT_EQ(call("POST", "/admin/v1/operators", R"({"username":"a b","displayName":"Bad"})").status, 400);

    const HttpResponse deleted = call("POST", "/admin/v1/operators/batch-delete",
                                      R"({"ids":[)" + std::to_string(id) + "," + std::to_string(id + 1) + "]}");
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(call("GET", path).status, 404);
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/operators"))->getValue<int>("total"), 1); // admin
}

TEST_F(TestOperators, NobodyChangesThemselvesThroughTheOperatorRoutes)
{
    const auto me = AdminSession::json(call("GET", "/admin/v1/auth/me"))->getObject("operator");
    const std::string path = "/admin/v1/operators/" + std::to_string(me->getValue<Poco::Int64>("id"));
    for (const auto& [method, suffix] : std::vector<std::pair<std::string, std::string>>{
             {"POST", "/disable"}, {"DELETE", ""}, {"POST", "/reset-password"}}) {
        const HttpResponse refused = call(method, path + suffix);
        EXPECT_EQ(refused.status, 409) << suffix;
        EXPECT_EQ(AdminSession::errorCode(refused), "OPERATOR_SELF") << suffix;
    }
}

TEST_F(TestOperators, PermissionsComeFromRoles)
{
    const Poco::Int64 listMenu = AdminSession::menuId(port(), m_admin, "system:operator:list");
    ASSERT_GT(listMenu, 0);
    const HttpResponse role = call("POST", "/admin/v1/roles",
                                   R"({"name":"Viewer","code":"viewer","menuIds":[)" + std::to_string(listMenu) + "]}");
    ASSERT_EQ(role.status, 201) << role.body;
    const Poco::Int64 roleId = AdminSession::json(role)->getValue<Poco::Int64>("id");

    const auto [plainId, plainPassword] = create(R"({"username":"plain","displayName":"No roles"})");
    const std::string plain = AdminSession::signInAs(port(), "plain", plainPassword, "Secret-Pass-2024");
    HttpResponse refused = call("GET", "/admin/v1/operators", {}, plain);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(AdminSession::errorCode(refused), "FORBIDDEN");

    const auto [viewerId, viewerPassword] =
        create(R"({"username":"viewer","displayName":"Viewer","roleIds":[)" + std::to_string(roleId) + "]}");
    const std::string viewer = AdminSession::signInAs(port(), "viewer", viewerPassword, "Secret-Pass-2024");
    EXPECT_EQ(call("GET", "/admin/v1/operators", {}, viewer).status, 200);
    EXPECT_EQ(call("POST", "/admin/v1/operators", R"({"username":"x1","displayName":"X"})", viewer).status, 403);
    EXPECT_EQ(call("GET", "/admin/v1/operation-logs", {}, viewer).status, 403);
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/operators/" + std::to_string(viewerId)))
                  ->getArray("roles")
                  ->getObject(0)
                  ->getValue<std::string>("code"),
              "viewer");
    (void)plainId;
}

TEST_F(TestOperators, SubPlatformAdministratorSeesOnlyItsOwnPlatform)
{
    const auto [trafficId, traffic] = subPlatform("市交通局", "traffic-admin");
    const auto [healthId, health] = subPlatform("市卫健委", "health-admin");
    const auto [healthClerk, healthClerkPassword] =
        create(R"({"username":"health.clerk","displayName":"Clerk"})", health);

    // The list holds the own platform only, whatever the filters say.
    for (const std::string& query :
         std::vector<std::string>{"", "?platformId=" + std::to_string(healthId), "?username=health"}) {
        const HttpResponse list = call("GET", "/admin/v1/operators" + query, {}, traffic);
        ASSERT_EQ(list.status, 200) << list.body;
        const auto items = AdminSession::json(list)->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i)
            EXPECT_EQ(items->getObject(static_cast<unsigned>(i))->getValue<Poco::Int64>("platformId"), trafficId);
    }
    // Another platform's operator is "not found" on every route that takes its id.
    const std::string foreign = "/admin/v1/operators/" + std::to_string(healthClerk);
    EXPECT_EQ(call("GET", foreign, {}, traffic).status, 404);
    EXPECT_EQ(call("PUT", foreign, R"({"displayName":"Taken over"})", traffic).status, 404);
    EXPECT_EQ(call("POST", foreign + "/disable", {}, traffic).status, 404);
    EXPECT_EQ(call("POST", foreign + "/reset-password", {}, traffic).status, 404);
    EXPECT_EQ(call("DELETE", foreign, {}, traffic).status, 404);
    EXPECT_EQ(
        call("POST", "/admin/v1/operators/batch-delete", R"({"ids":[)" + std::to_string(healthClerk) + "]}", traffic)
            .status,
        404);
    EXPECT_EQ(call("GET", foreign).status, 200); // still there
    // Creating on another platform is refused; on the own platform it works.
    EXPECT_EQ(call("POST", "/admin/v1/operators",
                   R"({"username":"spy","displayName":"Spy","platformId":)" + std::to_string(healthId) + "}", traffic)
                  .status,
              404);
    const HttpResponse own =
        call("POST", "/admin/v1/operators", R"({"username":"traffic.clerk","displayName":"C"})", traffic);
    ASSERT_EQ(own.status, 201) << own.body;
    EXPECT_EQ(AdminSession::json(own)->getObject("operator")->getValue<Poco::Int64>("platformId"), trafficId);
    // The main platform's super administrator role cannot be granted by a sub-platform.
    const HttpResponse roles = call("GET", "/admin/v1/roles?code=super_admin");
    const Poco::Int64 superRole =
        AdminSession::json(roles)->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
    EXPECT_EQ(call("POST", "/admin/v1/operators",
                   R"({"username":"climber","displayName":"C","roleIds":[)" + std::to_string(superRole) + "]}", traffic)
                  .status,
              400);
    // Main-only screens stay closed to the sub-platform administrator.
    EXPECT_EQ(call("GET", "/admin/v1/menus", {}, traffic).status, 403);
    (void)healthClerkPassword;
}

TEST_F(TestOperators, InitialAdministratorOnlyCreatesMainPlatformOperators)
{
    const HttpResponse response =
        call("POST", "/admin/v1/platforms", R"({"name":"市数据局","adminUsername":"data-admin"})");
    ASSERT_EQ(response.status, 201) << response.body;
    const Poco::Int64 platformId = AdminSession::json(response)->getObject("platform")->getValue<Poco::Int64>("id");
    const HttpResponse refused =
        call("POST", "/admin/v1/operators",
             R"({"username":"sub.op","displayName":"S","platformId":)" + std::to_string(platformId) + "}");
    EXPECT_EQ(refused.status, 403);
    // A main-platform administrator it created may.
    const HttpResponse roles = call("GET", "/admin/v1/roles?code=super_admin");
    const Poco::Int64 superRole =
        AdminSession::json(roles)->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
    const auto [mainAdminId, password] =
        create(R"({"username":"main.admin","displayName":"M","roleIds":[)" + std::to_string(superRole) + "]}");
    const std::string mainAdmin = AdminSession::signInAs(port(), "main.admin", password, "Main-Admin-2024");
    const HttpResponse allowed =
        call("POST", "/admin/v1/operators",
             R"({"username":"sub.op","displayName":"S","platformId":)" + std::to_string(platformId) + "}", mainAdmin);
    EXPECT_EQ(allowed.status, 201) << allowed.body;
    (void)mainAdminId;
}

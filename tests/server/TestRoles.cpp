// Roles and menus (001 §4.12.1 角色管理, 菜单管理) through a real citycode-server: role CRUD with
// its menus, built-in and in-use roles, granting only what one holds, the menu tree and its edits.
#include "AdminSession.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <memory>

using namespace citycode::test;

namespace {

class TestRoles : public ::testing::Test
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
    std::string menu(const std::string& permission)
    {
        return std::to_string(AdminSession::menuId(port(), m_admin, permission));
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_admin;
};

} // namespace

TEST_F(TestRoles, CreateEditDeleteWithMenus)
{
    HttpResponse created = call("POST", "/admin/v1/roles",
                                R"({"name":"Auditor","code":"auditor","description":"reads logs","menuIds":[)" +
                                    menu("system:log:list") + "]}");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(AdminSession::json(created)->getValue<Poco::Int64>("id"));
    EXPECT_EQ(AdminSession::json(created)->getArray("menuIds")->size(), 1u);
    EXPECT_EQ(call("POST", "/admin/v1/roles", R"({"name":"Again","code":"auditor"})").status, 409);

    HttpResponse updated =
        call("PUT", "/admin/v1/roles/" + id,
             R"({"name":"Log auditor","menuIds":[)" + menu("system:log:list") + "," + menu("system:log:export") + "]}");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(AdminSession::json(updated)->getValue<std::string>("name"), "Log auditor");
    EXPECT_EQ(AdminSession::json(updated)->getArray("menuIds")->size(), 2u);

    HttpResponse list = call("GET", "/admin/v1/roles?name=auditor");
    EXPECT_EQ(AdminSession::json(list)->getValue<int>("total"), 1);

    // Given to an operator, the role stays; afterwards it can go.
    const HttpResponse op =
        call("POST", "/admin/v1/operators", R"({"username":"auditor1","displayName":"A","roleIds":[)" + id + "]}");
    ASSERT_EQ(op.status, 201) << op.body;
    HttpResponse refused = call("DELETE", "/admin/v1/roles/" + id);
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(AdminSession::errorCode(refused), "ROLE_IN_USE");
    const std::string opId = std::to_string(AdminSession::json(op)->getObject("operator")->getValue<Poco::Int64>("id"));
    ASSERT_EQ(call("DELETE", "/admin/v1/operators/" + opId).status, 200);
    EXPECT_EQ(call("POST", "/admin/v1/roles/batch-delete", R"({"ids":[)" + id + "]}").status, 200);
    EXPECT_EQ(call("GET", "/admin/v1/roles/" + id).status, 404);
}

TEST_F(TestRoles, BuiltInRolesAreReadOnly)
{
    const auto items = AdminSession::json(call("GET", "/admin/v1/roles?code=super_admin"))->getArray("items");
    ASSERT_EQ(items->size(), 1u);
    const std::string id = std::to_string(items->getObject(0)->getValue<Poco::Int64>("id"));
    EXPECT_EQ(AdminSession::errorCode(call("PUT", "/admin/v1/roles/" + id, R"({"name":"Mine"})")), "ROLE_BUILTIN");
    EXPECT_EQ(AdminSession::errorCode(call("DELETE", "/admin/v1/roles/" + id)), "ROLE_BUILTIN");
}

TEST_F(TestRoles, SubPlatformGrantsOnlyWhatItHolds)
{
    const HttpResponse platform =
        call("POST", "/admin/v1/platforms", R"({"name":"市交通局","adminUsername":"traffic-admin"})");
    ASSERT_EQ(platform.status, 201) << platform.body;
    const std::string token =
        AdminSession::signInAs(port(), "traffic-admin",
                               AdminSession::json(platform)->getValue<std::string>("adminPassword"), "Sub-Admin-2024");
    // A main-only menu is neither held nor grantable.
    HttpResponse refused =
        call("POST", "/admin/v1/roles",
             R"({"name":"Menus","code":"menus","menuIds":[)" + menu("system:menu:list") + "]}", token);
    EXPECT_EQ(refused.status, 403);
    HttpResponse allowed = call("POST", "/admin/v1/roles",
                                R"({"name":"Apps","code":"apps","menuIds":[)" + menu("base:app:list") + "]}", token);
    ASSERT_EQ(allowed.status, 201) << allowed.body;
    // Its role list holds its own platform's roles only (its built-in administrator role and this one).
    const auto page = AdminSession::json(call("GET", "/admin/v1/roles", {}, token));
    EXPECT_EQ(page->getValue<int>("total"), 2);
    // The main platform's roles are "not found".
    const auto superRole = AdminSession::json(call("GET", "/admin/v1/roles?code=super_admin"))
                               ->getArray("items")
                               ->getObject(0)
                               ->getValue<Poco::Int64>("id");
    EXPECT_EQ(call("GET", "/admin/v1/roles/" + std::to_string(superRole), {}, token).status, 404);
    EXPECT_EQ(call("DELETE", "/admin/v1/roles/" + std::to_string(superRole), {}, token).status, 404);
}

TEST_F(TestRoles, MenuTreeEdits)
{
    const HttpResponse tree = call("GET", "/admin/v1/menus");
    ASSERT_EQ(tree.status, 200);
    EXPECT_EQ(AdminSession::json(tree)->getArray("items")->size(), 3u);

    const std::string system = menu("system");
    HttpResponse created = call("POST", "/admin/v1/menus",
                                R"({"name":"报表","permission":"system:report:list","type":"menu","path":"/reports",)"
                                R"("parentId":)" +
                                    system + "}");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(AdminSession::json(created)->getValue<Poco::Int64>("id"));
    // The super administrator holds a new menu at once.
    EXPECT_NE(call("GET", "/admin/v1/auth/me").body.find("system:report:list"), std::string::npos);
    EXPECT_EQ(call("POST", "/admin/v1/menus", R"({"name":"X","permission":"system:report:list"})").status, 409);
    EXPECT_EQ(call("POST", "/admin/v1/menus", R"({"name":"X","permission":"bad key!"})").status, 400);
    EXPECT_EQ(call("PUT", "/admin/v1/menus/" + system, R"({"parentId":)" + id + "}").status, 400); // a cycle
    EXPECT_EQ(AdminSession::errorCode(call("DELETE", "/admin/v1/menus/" + system)), "MENU_HAS_CHILDREN");
    EXPECT_EQ(call("PUT", "/admin/v1/menus/" + id, R"({"name":"统计报表"})").status, 200);
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/menus/" + id))->getValue<std::string>("name"), "统计报表");
    EXPECT_EQ(call("DELETE", "/admin/v1/menus/" + id).status, 200);
    EXPECT_EQ(call("GET", "/admin/v1/menus/" + id).status, 404);
}

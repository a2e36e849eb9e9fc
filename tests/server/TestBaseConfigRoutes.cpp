// The admin routes of platforms, apps, developers, the shelf and onboarding through a real
// server: the rules of 001 §4.3-4.6 and 004 as HTTP answers, secrets shown once, contacts masked
// in answers and sealed in the database, and every change in the operation log.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "TempDir.h"

#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <sstream>

using namespace citycode::test;

namespace {

std::string jsonText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

// One server for the suite: the cases build on each other's platforms and apps only through ids
// they create themselves, so their order does not matter.
class TestBaseConfigRoutes : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>();
        s_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(s_dir->file("data")));
        s_server->start();
        s_token = AdminSession::signIn(s_server->port());
    }

    static void TearDownTestSuite()
    {
        s_server.reset();
        s_dir.reset();
    }

    static HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                             const std::string& token = s_token)
    {
        return AdminSession::call(s_server->port(), method, path, token, body);
    }

    static Poco::JSON::Object::Ptr ok(const HttpResponse& response, int status = 200)
    {
        EXPECT_EQ(response.status, status) << response.body;
        return AdminSession::json(response);
    }

    // A new sub-platform and a signed-in token of its administrator.
    struct SubPlatform
    {
        Poco::Int64 id = 0;
        std::string token;
    };
    static SubPlatform createSubPlatform(const std::string& name)
    {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("serviceAddress", "https://" + name + ".example.org");
        input.set("adminUsername", name + "-admin");
        const auto created = ok(call("POST", "/admin/v1/platforms", jsonText(input)), 201);
        SubPlatform platform;
        platform.id = created->getObject("platform")->getValue<Poco::Int64>("id");
        platform.token = AdminSession::signInAs(s_server->port(), name + "-admin",
                                                created->getValue<std::string>("adminPassword"), "Sub-Platform-Pass-1");
        return platform;
    }

    static Poco::JSON::Object::Ptr createApp(const std::string& token, const std::string& name)
    {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("organisation", "市交通局");
        input.set("developerName", name + " developer");
        return ok(call("POST", "/admin/v1/apps", jsonText(input), token), 201);
    }

    static bool logHas(const std::string& action, const std::string& targetId)
    {
        const auto page = ok(call("GET", "/admin/v1/operation-logs?pageSize=100&action=" + action));
        const auto items = page->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("targetId") == targetId)
                return true;
        }
        return false;
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<ServerProcess> s_server;
    static std::string s_token;
};

std::unique_ptr<TempDir> TestBaseConfigRoutes::s_dir;
std::unique_ptr<ServerProcess> TestBaseConfigRoutes::s_server;
std::string TestBaseConfigRoutes::s_token;

const std::regex kHexSecret("[0-9a-f]{64}");

} // namespace

TEST_F(TestBaseConfigRoutes, RoutesNeedASessionAndThePermission)
{
    EXPECT_EQ(call("GET", "/admin/v1/platforms", {}, "").status, 401);
    EXPECT_EQ(call("GET", "/admin/v1/apps", {}, "not-a-token").status, 401);
    const SubPlatform sub = createSubPlatform("perm");
    // 001 §4.4.2: only the main platform creates platforms; base:platform:add is main-only.
    const auto refused = call("POST", "/admin/v1/platforms", R"({"name":"x","adminUsername":"xadmin"})", sub.token);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(AdminSession::errorCode(refused), "FORBIDDEN");
}

TEST_F(TestBaseConfigRoutes, PlatformLifecycleFollowsTheRules)
{
    const SubPlatform sub = createSubPlatform("life");
    const std::string path = "/admin/v1/platforms/" + std::to_string(sub.id);
    EXPECT_TRUE(logHas("platform.create", std::to_string(sub.id)));

    const auto duplicate = call("POST", "/admin/v1/platforms", R"({"name":"life","adminUsername":"life2"})");
    EXPECT_EQ(duplicate.status, 409);
    EXPECT_EQ(AdminSession::errorCode(duplicate), "PLATFORM_NAME_TAKEN");

    const auto list = ok(call("GET", "/admin/v1/platforms?name=life&sort=createdAt&order=desc"));
    EXPECT_EQ(list->getValue<int>("total"), 1);
    // Name filters ignore case on both backends (PostgreSQL's LIKE would not).
    EXPECT_EQ(ok(call("GET", "/admin/v1/platforms?name=LiFe"))->getValue<int>("total"), 1);
    EXPECT_EQ(call("GET", "/admin/v1/platforms?sort=password").status, 400);
    EXPECT_EQ(call("GET", "/admin/v1/platforms?pageSize=101").status, 400);
    EXPECT_EQ(call("GET", "/admin/v1/platforms?bogus=1").status, 400);

    const auto renamed = ok(call("PUT", path, R"({"serviceAddress":"https://life.example.net"})"));
    EXPECT_EQ(renamed->getValue<std::string>("serviceAddress"), "https://life.example.net");
    EXPECT_TRUE(logHas("platform.update", std::to_string(sub.id)));

    // An app on the user-facing shelf blocks disabling (001 §4.4.2 5).
    const auto app = createApp(sub.token, "life-bus");
    const std::string appId = std::to_string(app->getObject("app")->getValue<Poco::Int64>("id"));
    ok(call("PUT", "/admin/v1/shelf/" + appId, R"({"position":0})", sub.token));
    const auto blocked = call("POST", path + "/disable");
    EXPECT_EQ(blocked.status, 409);
    EXPECT_EQ(AdminSession::errorCode(blocked), "PLATFORM_APP_ON_SHELF");
    ok(call("DELETE", "/admin/v1/shelf/" + appId, {}, sub.token));
    EXPECT_EQ(ok(call("POST", path + "/disable"))->getValue<std::string>("status"), "disabled");
    // ... and the disable cascades to its apps.
    EXPECT_EQ(ok(call("GET", "/admin/v1/apps/" + appId))->getValue<std::string>("status"), "disabled");
    EXPECT_TRUE(logHas("platform.disable", std::to_string(sub.id)));

    const auto hasApps = call("DELETE", path);
    EXPECT_EQ(hasApps.status, 409);
    EXPECT_EQ(AdminSession::errorCode(hasApps), "PLATFORM_HAS_APPS");
    ok(call("DELETE", "/admin/v1/apps/" + appId));
    ok(call("DELETE", path));
    EXPECT_EQ(call("GET", path).status, 404);
    EXPECT_TRUE(logHas("platform.delete", std::to_string(sub.id)));
}

TEST_F(TestBaseConfigRoutes, MainPlatformIsNeverDisabledOrDeleted)
{
    const auto list = ok(call("GET", "/admin/v1/platforms?kind=main"));
    ASSERT_EQ(list->getValue<int>("total"), 1);
    const std::string path =
        "/admin/v1/platforms/" + std::to_string(list->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"));
    EXPECT_EQ(AdminSession::errorCode(call("POST", path + "/disable")), "MAIN_PLATFORM_PROTECTED");
    EXPECT_EQ(AdminSession::errorCode(call("DELETE", path)), "MAIN_PLATFORM_PROTECTED");
}

TEST_F(TestBaseConfigRoutes, AppSecretIsShownOnceAndRotates)
{
    const auto created = createApp(s_token, "secret-app");
    const std::string secret = created->getValue<std::string>("appSecret");
    EXPECT_TRUE(std::regex_match(secret, kHexSecret)) << secret;
    const Poco::Int64 appId = created->getObject("app")->getValue<Poco::Int64>("id");
    const Poco::Int64 developerId = created->getObject("developer")->getValue<Poco::Int64>("id");

    const auto detail = call("GET", "/admin/v1/apps/" + std::to_string(appId));
    ASSERT_EQ(detail.status, 200);
    EXPECT_EQ(detail.body.find(secret), std::string::npos) << "the secret is shown at creation only";
    EXPECT_EQ(AdminSession::json(detail)->getObject("developer")->getValue<Poco::Int64>("id"), developerId);

    const auto developers = call("GET", "/admin/v1/developers?name=secret-app");
    ASSERT_EQ(developers.status, 200) << developers.body;
    EXPECT_EQ(AdminSession::json(developers)->getValue<int>("total"), 1);
    EXPECT_EQ(developers.body.find(secret), std::string::npos);

    const auto rotated = ok(call("POST", "/admin/v1/developers/" + std::to_string(developerId) + "/secret"));
    const std::string newSecret = rotated->getValue<std::string>("appSecret");
    EXPECT_TRUE(std::regex_match(newSecret, kHexSecret));
    EXPECT_NE(newSecret, secret);
    EXPECT_TRUE(logHas("developer.secret", std::to_string(developerId)));

    const auto renamed = ok(call("PUT", "/admin/v1/developers/" + std::to_string(developerId), R"({"name":"Dev 2"})"));
    EXPECT_EQ(renamed->getValue<std::string>("name"), "Dev 2");

    // 001 §4.3: only disabled apps are deleted.
    EXPECT_EQ(AdminSession::errorCode(call("DELETE", "/admin/v1/apps/" + std::to_string(appId))), "APP_NOT_DISABLED");
    ok(call("POST", "/admin/v1/apps/" + std::to_string(appId) + "/disable"));
    ok(call("DELETE", "/admin/v1/apps/" + std::to_string(appId)));
    EXPECT_TRUE(logHas("app.delete", std::to_string(appId)));
}

TEST_F(TestBaseConfigRoutes, OnboardingMasksContactsAndIssuesTheAppOnApproval)
{
    const SubPlatform sub = createSubPlatform("onboard");
    const std::string phone = "13912345678";
    const std::string name = "欧阳娜娜";
    Poco::JSON::Object input;
    input.set("appName", "onboard-clinic");
    input.set("organisation", "市第一医院");
    input.set("contactName", name);
    input.set("contactPhone", phone);
    const auto submitted = call("POST", "/admin/v1/app-applications", jsonText(input), sub.token);
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    EXPECT_EQ(submitted.body.find(phone), std::string::npos) << "contacts are answered masked only";
    EXPECT_EQ(submitted.body.find(name), std::string::npos);
    const Poco::Int64 id = AdminSession::json(submitted)->getValue<Poco::Int64>("id");
    const std::string path = "/admin/v1/app-applications/" + std::to_string(id);

    const auto byPhone = ok(call("GET", "/admin/v1/app-applications?contactPhone=" + phone, {}, sub.token));
    EXPECT_EQ(byPhone->getValue<int>("total"), 1);
    EXPECT_EQ(ok(call("GET", "/admin/v1/app-applications?contactPhone=13900000000"))->getValue<int>("total"), 0);

    // Review is a main-platform permission (004 §3.2); a rejection needs a reason.
    EXPECT_EQ(call("POST", path + "/review", R"({"approve":true})", sub.token).status, 403);
    EXPECT_EQ(call("POST", path + "/review", R"({"approve":false})").status, 400);
    const auto approved = ok(call("POST", path + "/review", R"({"approve":true})"));
    EXPECT_EQ(approved->getObject("application")->getValue<std::string>("status"), "approved");
    EXPECT_FALSE(approved->getValue<std::string>("appCode").empty());
    EXPECT_TRUE(std::regex_match(approved->getValue<std::string>("appSecret"), kHexSecret));
    EXPECT_EQ(AdminSession::errorCode(call("POST", path + "/review", R"({"approve":false,"reason":"late"})")),
              "APPLICATION_REVIEWED");
    EXPECT_TRUE(logHas("app-application.approve", std::to_string(id)));

    // The new app belongs to the applicant's platform.
    const auto apps = ok(call("GET", "/admin/v1/apps?name=onboard-clinic", {}, sub.token));
    EXPECT_EQ(apps->getValue<int>("total"), 1);

    // At rest: sealed values and keyed hashes only (issue 3, must-show 6).
    DatabaseFile db(s_dir->file("data") + "/citycode.db");
    for (const auto& row : db.rows("SELECT * FROM app_applications")) {
        for (const std::string& value : row) {
            EXPECT_EQ(value.find(phone), std::string::npos) << value;
            EXPECT_EQ(value.find(name), std::string::npos) << value;
        }
    }
}

TEST_F(TestBaseConfigRoutes, ServiceListingIsReviewedAndStoppedInAnEmergency)
{
    const SubPlatform sub = createSubPlatform("listing");
    const Poco::Int64 appId = createApp(sub.token, "listing-app")->getObject("app")->getValue<Poco::Int64>("id");
    Poco::JSON::Object input;
    input.set("appId", appId);
    input.set("name", "公积金提取");
    input.set("serviceType", "handle");
    input.set("callbackCode", "GJJTQ");
    input.set("address", "https://gjj.example.org/withdraw");
    Poco::JSON::Array::Ptr reports = new Poco::JSON::Array;
    Poco::JSON::Object::Ptr functional = new Poco::JSON::Object;
    functional->set("kind", "functional");
    functional->set("fileName", "functional.pdf");
    functional->set("contentBase64", "JVBERi0xLjQK"); // "%PDF-1.4\n"
    reports->add(functional);
    Poco::JSON::Object::Ptr security = new Poco::JSON::Object;
    security->set("kind", "security");
    security->set("fileName", "security.pdf"); // 004 §4.3 7): an empty file until the report exists
    reports->add(security);
    input.set("reports", reports);

    // 004 §7.2: https only.
    Poco::JSON::Object plain = input;
    plain.set("address", "http://gjj.example.org/withdraw");
    EXPECT_EQ(call("POST", "/admin/v1/services", jsonText(plain), sub.token).status, 400);

    const auto submitted = ok(call("POST", "/admin/v1/services", jsonText(input), sub.token), 201);
    const Poco::Int64 id = submitted->getValue<Poco::Int64>("id");
    const std::string path = "/admin/v1/services/" + std::to_string(id);
    EXPECT_EQ(submitted->getValue<std::string>("reviewStatus"), "pending");
    EXPECT_FALSE(submitted->getValue<std::string>("moduleCode").empty());
    const auto attached = submitted->getArray("reports");
    ASSERT_EQ(attached->size(), 2u);
    EXPECT_EQ(attached->getObject(0)->getValue<int>("sizeBytes"), 9);
    EXPECT_EQ(attached->getObject(1)->getValue<int>("sizeBytes"), 0);

    // Only approved services are stopped; the review is the main platform's.
    EXPECT_EQ(AdminSession::errorCode(call("POST", path + "/stop", R"({"reason":"test"})")), "SERVICE_NOT_APPROVED");
    EXPECT_EQ(call("POST", path + "/review", R"({"approve":true})", sub.token).status, 403);
    EXPECT_EQ(ok(call("POST", path + "/review", R"({"approve":true})"))->getValue<std::string>("reviewStatus"),
              "approved");
    EXPECT_EQ(call("POST", path + "/stop", "{}").status, 400) << "a stop needs a reason";
    const auto stopped = ok(call("POST", path + "/stop", R"({"reason":"data leak suspected"})"));
    EXPECT_EQ(stopped->getValue<std::string>("runState"), "stopped");
    EXPECT_EQ(stopped->getValue<std::string>("runStateReason"), "data leak suspected");
    EXPECT_TRUE(logHas("service.stop", std::to_string(id)));
    EXPECT_EQ(ok(call("POST", path + "/start", R"({"reason":"fixed"})"))->getValue<std::string>("runState"), "running");

    const auto list = ok(call("GET", "/admin/v1/services?runState=running&callbackCode=GJJTQ", {}, sub.token));
    EXPECT_EQ(list->getValue<int>("total"), 1);
}

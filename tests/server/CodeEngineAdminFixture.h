#pragma once

// A real server shared by one test suite of the code engine's admin API (TestCodeSpecs,
// TestCodeRules, TestTerminals), with helpers that build platforms, apps, specs and rules through
// the API itself. Cases create their own records with unique names, so their order does not matter.
#include "AdminSession.h"
#include "TempDir.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

namespace citycode::test {

class CodeEngineAdminFixture : public ::testing::Test
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

    static std::string text(const Poco::JSON::Object& object)
    {
        std::ostringstream out;
        object.stringify(out);
        return out.str();
    }

    static HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                             const std::string& token = s_token)
    {
        return AdminSession::call(s_server->port(), method, path, token, body);
    }

    static Poco::JSON::Object::Ptr ok(const HttpResponse& response, int status = 200)
    {
        EXPECT_EQ(response.status, status) << response.body;
        if (response.status != status)
            return new Poco::JSON::Object;
        return AdminSession::json(response);
    }

    // The status and the stable error code of a refused request.
    static void refused(const HttpResponse& response, int status, const std::string& code)
    {
        EXPECT_EQ(response.status, status) << response.body;
        EXPECT_EQ(AdminSession::errorCode(response), code) << response.body;
    }

    struct SubPlatform
    {
        Poco::Int64 id = 0;
        std::string token;
    };
    static SubPlatform createSubPlatform(const std::string& name)
    {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("adminUsername", name + "-admin");
        const auto created = ok(call("POST", "/admin/v1/platforms", text(input)), 201);
        SubPlatform platform;
        platform.id = created->getObject("platform")->getValue<Poco::Int64>("id");
        platform.token = AdminSession::signInAs(s_server->port(), name + "-admin",
                                                created->getValue<std::string>("adminPassword"), "Sub-Platform-Pass-1");
        return platform;
    }

    // The new app's record ({"id", "platformId", ...}).
    static Poco::JSON::Object::Ptr createApp(const std::string& token, const std::string& name)
    {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("developerName", name + " developer");
        return ok(call("POST", "/admin/v1/apps", text(input), token), 201)->getObject("app");
    }

    static Poco::Int64 mainPlatformId()
    {
        const auto list = ok(call("GET", "/admin/v1/platforms?kind=main"));
        return list->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
    }

    // A spec with the fields given as JSON text, e.g. R"([{"name":"a","type":"string","length":8}])".
    static Poco::Int64 createSpec(const std::string& name, const std::string& fields)
    {
        return ok(call("POST", "/admin/v1/code-specs", R"({"name":")" + name + R"(","fields":)" + fields + "}"), 201)
            ->getValue<Poco::Int64>("id");
    }

    static const char* defaultFields()
    {
        return R"([{"name":"userId","type":"string","length":32},{"name":"issuedAt","type":"datetime","length":24}])";
    }

    // A complete rule (all five steps) for `platformId`, still pending.
    static Poco::JSON::Object::Ptr createRule(const std::string& name, Poco::Int64 platformId, Poco::Int64 specId,
                                              const std::string& codeType = "personal")
    {
        const std::string body =
            R"({"basic":{"name":")" + name + R"(","form":"dynamic","codeType":")" + codeType +
            R"(","issuingUnit":"City Data Bureau","platformId":)" + std::to_string(platformId) +
            R"(},"function":{"validitySeconds":60,"refreshSeconds":30,"jumpUrl":"https://example.org/after-scan",)"
            R"("antiScreenshot":true},"spec":{"specId":)" +
            std::to_string(specId) +
            R"(},"extensionFields":{"fields":[{"name":"cardLevel","type":"integer","length":2}]},)"
            R"("collectFields":{"fields":[{"name":"deviceId","type":"string","length":64}]}})";
        return ok(call("POST", "/admin/v1/code-rules", body), 201);
    }

    // Published and pushed into the pool of its platform.
    static Poco::Int64 createPooledRule(const std::string& name, Poco::Int64 platformId, Poco::Int64 specId)
    {
        const Poco::Int64 id = createRule(name, platformId, specId)->getValue<Poco::Int64>("id");
        ok(call("POST", "/admin/v1/code-rules/" + std::to_string(id) + "/publish"));
        ok(call("POST", "/admin/v1/code-rules/" + std::to_string(id) + "/push"));
        return id;
    }

    static bool logHas(const std::string& action, const std::string& targetId)
    {
        const auto page = ok(call("GET", "/admin/v1/operation-logs?pageSize=100&action=" + action));
        const auto items = page->getArray("items");
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("targetId") == targetId)
                return true;
        }
        return false;
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<ServerProcess> s_server;
    static std::string s_token;
};

inline std::unique_ptr<TempDir> CodeEngineAdminFixture::s_dir;
inline std::unique_ptr<ServerProcess> CodeEngineAdminFixture::s_server;
inline std::string CodeEngineAdminFixture::s_token;

} // namespace citycode::test

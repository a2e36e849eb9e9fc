// Code styles (000 §2.2.3) through a real server: one active style per platform and code type
// (activating another retires the first, also for third-party code types), validated colours and
// PNG logos of limited size, the tenant scope, and the operation log.
#include "AdminSession.h"
#include "TempDir.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

using namespace citycode::test;

namespace {

std::string jsonText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

std::string base64(const std::string& bytes)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

// A real PNG: the smallest valid image (1x1, from the PNG specification's structure).
std::string tinyPng()
{
    static const unsigned char png[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
        0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff,
        0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(png), sizeof png);
}

class TestCodeStyles : public ::testing::Test
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

    static Poco::JSON::Object::Ptr createStyle(const std::string& codeType, const std::string& name, bool active,
                                               const std::string& token = s_token)
    {
        Poco::JSON::Object input;
        input.set("codeType", codeType);
        input.set("name", name);
        input.set("backgroundColor", "#F0F8FF");
        input.set("foregroundColor", "#003366");
        input.set("caption", "城市码");
        input.set("logoPngBase64", base64(tinyPng()));
        input.set("active", active);
        const HttpResponse r = call("POST", "/admin/v1/code-styles", jsonText(input), token);
        EXPECT_EQ(r.status, 201) << r.body;
        return AdminSession::json(r);
    }

    static std::string statusOf(Poco::Int64 id, const std::string& token = s_token)
    {
        const HttpResponse r = call("GET", "/admin/v1/code-styles/" + std::to_string(id), {}, token);
        return r.status == 200 ? AdminSession::json(r)->getValue<std::string>("status") : std::to_string(r.status);
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<ServerProcess> s_server;
    static std::string s_token;
};

std::unique_ptr<TempDir> TestCodeStyles::s_dir;
std::unique_ptr<ServerProcess> TestCodeStyles::s_server;
std::string TestCodeStyles::s_token;

} // namespace

TEST_F(TestCodeStyles, ActivatingAStyleRetiresThePreviousOneOfItsCodeType)
{
    const Poco::Int64 first = createStyle("health", "Spring", true)->getValue<Poco::Int64>("id");
    EXPECT_EQ(statusOf(first), "active");
    const Poco::Int64 second = createStyle("health", "Summer", true)->getValue<Poco::Int64>("id");
    EXPECT_EQ(statusOf(second), "active");
    EXPECT_EQ(statusOf(first), "inactive");
    // Another code type keeps its own active style.
    const Poco::Int64 personal = createStyle("personal", "Default", true)->getValue<Poco::Int64>("id");
    const Poco::Int64 draft = createStyle("health", "Autumn draft", false)->getValue<Poco::Int64>("id");
    EXPECT_EQ(statusOf(draft), "inactive");
    EXPECT_EQ(statusOf(second), "active");

    const HttpResponse activated = call("POST", "/admin/v1/code-styles/" + std::to_string(first) + "/activate");
    ASSERT_EQ(activated.status, 200) << activated.body;
    EXPECT_EQ(statusOf(first), "active");
    EXPECT_EQ(statusOf(second), "inactive");
    EXPECT_EQ(statusOf(personal), "active");
    const auto active = AdminSession::json(call("GET", "/admin/v1/code-styles?codeType=health&status=active"));
    EXPECT_EQ(active->getValue<Poco::Int64>("total"), 1);

    // Third-party code types are styled the same way.
    const Poco::Int64 metro = createStyle("thirdparty:metro", "Metro", true)->getValue<Poco::Int64>("id");
    EXPECT_EQ(statusOf(metro), "active");
    const auto logs = call("GET", "/admin/v1/operation-logs?action=code-style.activate");
    EXPECT_NE(logs.body.find("code type health"), std::string::npos) << logs.body;
}

TEST_F(TestCodeStyles, StylesAreValidatedAndTheLogoIsAPngOfLimitedSize)
{
    const auto style = createStyle("enterprise", "Corporate", false);
    EXPECT_EQ(style->getValue<std::string>("logoPngBase64"), base64(tinyPng()));
    const std::string path = "/admin/v1/code-styles/" + std::to_string(style->getValue<Poco::Int64>("id"));
    struct Case
    {
        const char* name;
        std::string body;
    };
    const std::string big = tinyPng() + std::string(70 * 1024, 'x');
    for (const Case& c :
         {Case{"colour without #", R"({"backgroundColor":"FFFFFF"})"},
          Case{"colour with a letter beyond F", R"({"foregroundColor":"#GG0000"})"},
          Case{"logo that is not base64", R"({"logoPngBase64":"***"})"},
          Case{"logo that is a JPEG", "{\"logoPngBase64\":\"" + base64("\xff\xd8\xff\xe0rest") + "\"}"},
          Case{"logo over 64 KiB", "{\"logoPngBase64\":\"" + base64(big) + "\"}"},
          Case{"code type with spaces", R"({"codeType":"my type"})"}, Case{"empty name", R"({"name":""})"}}) {
        const HttpResponse r = call("PUT", path, c.body);
        EXPECT_EQ(r.status, 400) << c.name << ": " << r.body;
    }
    const HttpResponse edited = call("PUT", path, R"({"caption":"企业码","captionColor":"#112233"})");
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(AdminSession::json(edited)->getValue<std::string>("caption"), "企业码");
    EXPECT_EQ(call("DELETE", path).status, 200);
    EXPECT_EQ(call("GET", path).status, 404);
}

TEST_F(TestCodeStyles, SubPlatformsStyleOnlyTheirOwnCodes)
{
    Poco::JSON::Object input;
    input.set("name", "styles-sub");
    input.set("adminUsername", "styles-sub-admin");
    const HttpResponse created = call("POST", "/admin/v1/platforms", jsonText(input));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string token = AdminSession::signInAs(
        s_server->port(), "styles-sub-admin", AdminSession::json(created)->getValue<std::string>("adminPassword"),
        "Sub-Platform-Pass-1");
    // The sub-platform's active health style does not retire the main platform's.
    const Poco::Int64 mainStyle = createStyle("payment", "Main payment", true)->getValue<Poco::Int64>("id");
    const Poco::Int64 subStyle = createStyle("payment", "Sub payment", true, token)->getValue<Poco::Int64>("id");
    EXPECT_EQ(statusOf(mainStyle), "active");
    EXPECT_EQ(statusOf(subStyle, token), "active");
    EXPECT_EQ(statusOf(mainStyle, token), "404");
    EXPECT_EQ(call("POST", "/admin/v1/code-styles/" + std::to_string(mainStyle) + "/activate", {}, token).status, 404);
    EXPECT_EQ(call("DELETE", "/admin/v1/code-styles/" + std::to_string(mainStyle), {}, token).status, 404);
    const auto page = AdminSession::json(call("GET", "/admin/v1/code-styles?pageSize=100", {}, token));
    EXPECT_EQ(page->getValue<Poco::Int64>("total"), 1);
}

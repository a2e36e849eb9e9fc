// Code styles (000 §2.2.3) through a real server: one active style per platform and code type
// (activating another retires the first, also for third-party code types), validated colours and
// PNG logos of limited size, the symbol fields of 002 §6 (symbology, level, quiet zone, module and
// print size, logo area) with their rules, defaults for rows from before migration 9, the tenant
// scope, and the operation log.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "TempDir.h"
#include "storage/CodeStyleLookSchema.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

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

    static Poco::JSON::Object::Ptr getStyle(Poco::Int64 id)
    {
        const HttpResponse r = call("GET", "/admin/v1/code-styles/" + std::to_string(id));
        EXPECT_EQ(r.status, 200) << r.body;
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

namespace {

// The message of a refusal: "<field>: <reason>: ...".
std::string errorMessage(const HttpResponse& response)
{
    try {
        return AdminSession::json(response)->getObject("error")->getValue<std::string>("message");
    } catch (const std::exception&) {
        return {};
    }
}

} // namespace

TEST_F(TestCodeStyles, SymbolFieldsRoundTrip)
{
    Poco::JSON::Object input;
    input.set("codeType", "transit");
    input.set("name", "Metro grid");
    input.set("backgroundColor", "#FFF8E1");
    input.set("foregroundColor", "#1A2A6C");
    input.set("logoPngBase64", base64(tinyPng()));
    input.set("symbology", "gridmatrix");
    input.set("ecLevel", "Q");
    input.set("quietZoneModules", 8);
    input.set("modulePixels", 6);
    input.set("printSizeMm", 45);
    input.set("logoAreaFraction", 0.025);
    const HttpResponse created = call("POST", "/admin/v1/code-styles", jsonText(input));
    ASSERT_EQ(created.status, 201) << created.body;
    const Poco::Int64 id = AdminSession::json(created)->getValue<Poco::Int64>("id");

    auto style = getStyle(id);
    EXPECT_EQ(style->getValue<std::string>("symbology"), "gridmatrix");
    EXPECT_EQ(style->getValue<std::string>("ecLevel"), "Q");
    EXPECT_EQ(style->getValue<int>("quietZoneModules"), 8);
    EXPECT_EQ(style->getValue<int>("modulePixels"), 6);
    EXPECT_EQ(style->getValue<int>("printSizeMm"), 45);
    EXPECT_DOUBLE_EQ(style->getValue<double>("logoAreaFraction"), 0.025);
    EXPECT_FALSE(style->has("logoAreaPpm"));

    // The list shows the symbology and level, and filters by them.
    const auto page =
        AdminSession::json(call("GET", "/admin/v1/code-styles?codeType=transit&symbology=gridmatrix&ecLevel=Q"));
    ASSERT_EQ(page->getValue<Poco::Int64>("total"), 1);
    const auto item = page->getArray("items")->getObject(0);
    EXPECT_EQ(item->getValue<std::string>("symbology"), "gridmatrix");
    EXPECT_EQ(item->getValue<std::string>("ecLevel"), "Q");
    EXPECT_DOUBLE_EQ(item->getValue<double>("logoAreaFraction"), 0.025);

    // An edit changes what it names and keeps the rest.
    const HttpResponse edited =
        call("PUT", "/admin/v1/code-styles/" + std::to_string(id),
             R"({"symbology":"qr","ecLevel":"H","quietZoneModules":4,"logoAreaFraction":0.05})");
    ASSERT_EQ(edited.status, 200) << edited.body;
    style = getStyle(id);
    EXPECT_EQ(style->getValue<std::string>("symbology"), "qr");
    EXPECT_EQ(style->getValue<std::string>("ecLevel"), "H");
    EXPECT_EQ(style->getValue<int>("quietZoneModules"), 4);
    EXPECT_EQ(style->getValue<int>("modulePixels"), 6);
    EXPECT_EQ(style->getValue<int>("printSizeMm"), 45);
    EXPECT_DOUBLE_EQ(style->getValue<double>("logoAreaFraction"), 0.05);
    EXPECT_EQ(style->getValue<std::string>("foregroundColor"), "#1A2A6C");

    // A style created without symbol fields has today's look.
    const auto plain = createStyle("plain", "Plain", false);
    EXPECT_EQ(plain->getValue<std::string>("symbology"), "qr");
    EXPECT_EQ(plain->getValue<std::string>("ecLevel"), "M");
    EXPECT_EQ(plain->getValue<int>("quietZoneModules"), 4);
    EXPECT_EQ(plain->getValue<int>("modulePixels"), 4);
    EXPECT_EQ(plain->getValue<int>("printSizeMm"), 30);
    EXPECT_DOUBLE_EQ(plain->getValue<double>("logoAreaFraction"), 0.0);
}

TEST_F(TestCodeStyles, EachInvalidSymbolFieldIsRefusedWithItsReason)
{
    // Level M, QR, a logo: the base every case changes.
    Poco::JSON::Object input;
    input.set("codeType", "refusals");
    input.set("name", "Base");
    input.set("logoPngBase64", base64(tinyPng()));
    input.set("logoAreaFraction", 0.02);
    const HttpResponse created = call("POST", "/admin/v1/code-styles", jsonText(input));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path =
        "/admin/v1/code-styles/" + std::to_string(AdminSession::json(created)->getValue<Poco::Int64>("id"));
    const std::string before = call("GET", path).body;

    struct Case
    {
        const char* name;
        const char* body;
        const char* field;
        const char* reason; // empty: only the field is named
    };
    for (const Case& c : {
             Case{"unknown symbology", R"({"symbology":"aztec"})", "symbology", "CODE_STYLE_SYMBOLOGY_INVALID"},
             Case{"symbology in capitals", R"({"symbology":"QR"})", "symbology", "CODE_STYLE_SYMBOLOGY_INVALID"},
             Case{"unknown level", R"({"ecLevel":"X"})", "ecLevel", "CODE_STYLE_EC_LEVEL_INVALID"},
             Case{"QR quiet zone under 4", R"({"quietZoneModules":3})", "quietZoneModules",
                  "SYMBOL_QUIET_ZONE_TOO_SMALL"},
             Case{"Grid Matrix quiet zone under 6", R"({"symbology":"gridmatrix","quietZoneModules":4})",
                  "quietZoneModules", "SYMBOL_QUIET_ZONE_TOO_SMALL"},
             Case{"Grid Matrix keeping the QR quiet zone", R"({"symbology":"gridmatrix"})", "quietZoneModules",
                  "SYMBOL_QUIET_ZONE_TOO_SMALL"},
             Case{"negative quiet zone", R"({"quietZoneModules":-1})", "quietZoneModules",
                  "SYMBOL_QUIET_ZONE_TOO_SMALL"},
             Case{"quiet zone over 64", R"({"quietZoneModules":65})", "quietZoneModules", "SYMBOL_STYLE_INVALID"},
             Case{"module of 2 pixels", R"({"modulePixels":2})", "modulePixels", "SYMBOL_MODULE_TOO_SMALL"},
             Case{"module over 64 pixels", R"({"modulePixels":65})", "modulePixels", "SYMBOL_STYLE_INVALID"},
             Case{"fractional module size", R"({"modulePixels":3.5})", "modulePixels", ""},
             Case{"print size under 3 cm", R"({"printSizeMm":29})", "printSizeMm", "CODE_STYLE_PRINT_SIZE_TOO_SMALL"},
             Case{"grey on grey", R"({"foregroundColor":"#777777","backgroundColor":"#888888"})", "foregroundColor",
                  "SYMBOL_LOW_CONTRAST"},
             Case{"light on dark", R"({"foregroundColor":"#FFFFFF","backgroundColor":"#000000"})", "foregroundColor",
                  "SYMBOL_LOW_CONTRAST"},
             Case{"logo beyond level M's budget", R"({"logoAreaFraction":0.021})", "logoAreaFraction",
                  "SYMBOL_LOGO_TOO_LARGE"},
             Case{"level L under a logo", R"({"ecLevel":"L"})", "logoAreaFraction", "SYMBOL_LOGO_TOO_LARGE"},
             Case{"logo area over the whole symbol", R"({"logoAreaFraction":1.5})", "logoAreaFraction",
                  "SYMBOL_STYLE_INVALID"},
             Case{"logo area as text", R"({"logoAreaFraction":"0.01"})", "logoAreaFraction", "SYMBOL_STYLE_INVALID"},
         }) {
        const HttpResponse r = call("PUT", path, c.body);
        EXPECT_EQ(r.status, 400) << c.name << ": " << r.body;
        EXPECT_EQ(AdminSession::errorCode(r), "BAD_REQUEST") << c.name;
        const std::string message = errorMessage(r);
        EXPECT_EQ(message.rfind(c.field, 0), 0u) << c.name << ": " << message;
        EXPECT_NE(message.find(c.reason), std::string::npos) << c.name << ": " << message;
        // Refused on creation too.
        Poco::JSON::Object::Ptr body = Poco::JSON::Parser().parse(c.body).extract<Poco::JSON::Object::Ptr>();
        body->set("codeType", "refusals");
        body->set("name", "Refused");
        body->set("logoPngBase64", base64(tinyPng()));
        if (!body->has("logoAreaFraction"))
            body->set("logoAreaFraction", 0.02);
        const HttpResponse refused = call("POST", "/admin/v1/code-styles", jsonText(*body));
        EXPECT_EQ(refused.status, 400) << c.name << " (create): " << refused.body;
    }
    EXPECT_EQ(call("GET", path).body, before);
    // A change of the caption alone leaves the symbol rules alone; level H takes a larger logo.
    EXPECT_EQ(call("PUT", path, R"({"caption":"Still fine"})").status, 200);
    EXPECT_EQ(call("PUT", path, R"({"ecLevel":"H","logoAreaFraction":0.05})").status, 200);
    // A null field changes nothing: the stored level H still takes the logo.
    const HttpResponse nullLevel = call("PUT", path, R"({"ecLevel":null,"logoAreaFraction":0.05})");
    EXPECT_EQ(nullLevel.status, 200) << nullLevel.body;
    EXPECT_EQ(getStyle(AdminSession::json(nullLevel)->getValue<Poco::Int64>("id"))->getValue<std::string>("ecLevel"),
              "H");
}

// A database from before migration 9: its code styles get the look every code had then.
TEST_F(TestCodeStyles, StylesStoredBeforeTheSymbolFieldsGetTodaysLook)
{
    TempDir dir;
    const std::string data = dir.file("old");
    {
        ServerProcess server(AdminSession::serverOptions(data));
        server.start();
        AdminSession::signIn(server.port());
        server.stop();
    }
    {
        // Back to before migration 9: its columns gone, two styles in the old shape.
        DatabaseFile db(data + "/citycode.db");
        for (const char* column :
             {"symbology", "ec_level", "quiet_zone_modules", "module_pixels", "print_size_mm", "logo_area_ppm"})
            db.execute(std::string("ALTER TABLE code_styles DROP COLUMN ") + column);
        const std::string platform = db.value("SELECT id FROM platforms WHERE kind = 'main'");
        db.execute("INSERT INTO code_styles (platform_id, code_type, name, background_color, foreground_color,"
                   " logo_png_base64, status, created_at, updated_at) VALUES (" +
                   platform + ", 'health', 'Old with logo', '#FFFFFF', '#006400', '" + base64(tinyPng()) +
                   "', 'active', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
        db.execute("INSERT INTO code_styles (platform_id, code_type, name, status, created_at, updated_at) VALUES (" +
                   platform + ", 'personal', 'Old plain', 'inactive', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
        // Migration 9's own statements over the old rows (the runner is TestMigrations' subject; later
        // migrations are already recorded, so it would not run 9 again here).
        for (const std::string& statement : citycode::server::CodeStyleLookSchema::statements())
            db.execute(statement);
    }
    ServerProcess server(AdminSession::serverOptions(data));
    server.start();
    const std::string token = AdminSession::signIn(server.port());
    const HttpResponse listed =
        AdminSession::call(server.port(), "GET", "/admin/v1/code-styles?sort=name&order=asc", token);
    ASSERT_EQ(listed.status, 200) << listed.body << server.errors();
    const auto page = AdminSession::json(listed);
    ASSERT_EQ(page->getValue<Poco::Int64>("total"), 2);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto style = page->getArray("items")->getObject(static_cast<unsigned>(i));
        const std::string name = style->getValue<std::string>("name");
        EXPECT_EQ(style->getValue<std::string>("symbology"), "qr") << name;
        EXPECT_EQ(style->getValue<std::string>("ecLevel"), "M") << name;
        EXPECT_EQ(style->getValue<int>("quietZoneModules"), 4) << name;
        EXPECT_EQ(style->getValue<int>("modulePixels"), 4) << name;
        EXPECT_EQ(style->getValue<int>("printSizeMm"), 30) << name;
        // The logo keeps the area the designer gave a server logo: level M's whole budget.
        EXPECT_DOUBLE_EQ(style->getValue<double>("logoAreaFraction"), name == "Old with logo" ? 0.02 : 0.0) << name;
    }
    // And they can be edited like new ones.
    const std::string id = std::to_string(page->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"));
    EXPECT_EQ(
        AdminSession::call(server.port(), "PUT", "/admin/v1/code-styles/" + id, token, R"({"ecLevel":"Q"})").status,
        200);
}

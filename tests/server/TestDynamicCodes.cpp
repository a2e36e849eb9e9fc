// Issue 4, must-show 2: dynamic codes end to end through the open API of a real server — a code
// rule made with the admin API, published and linked to an app; a user opened, a code shown and
// decoded at a registered terminal: success, then "used" for a second scan, "码已过期" for a fresh
// code scanned 61 s later by the server clock (testing.clock_offset_file), and a refusal for any
// changed character. The same for personal, health and payment codes. Refusals carry no personal
// data; decode answers only the user fields the rule grants; every call is recorded.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "OpenApiClient.h"
#include "OpenApiSetup.h"
#include "Process.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "citycode/common/Bytes.h"
#include "citycode/common/PersonalData.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace citycode;
using namespace citycode::test;

namespace {

const std::string kBase45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

class TestDynamicCodes : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(
            m_dir.file("data"), {"--set", "testing.clock_offset_file=" + m_dir.file("clock-offset")}));
        m_server->start();
        OpenApiSetup setup(m_server->port());
        m_app = setup.createApp("Dynamic app");
        // The rule grants name and certNo to decode, not the phone.
        m_ruleId = setup.createRule(GetParam(), m_app.platformId, {"name", "certNo"});
        setup.link(m_app.id, m_ruleId);
        setup.permissions(m_app.id, true, false);
        m_terminalKey = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
        setup.registerTerminal("GATE-1", *m_terminalKey, m_app.platformId);
    }

    void moveClock(int seconds) { std::ofstream(m_dir.file("clock-offset"), std::ios::trunc) << seconds << "\n"; }

    OpenApiClient app() const { return OpenApiClient::app(m_server->port(), m_app.code, m_app.secret); }
    OpenApiClient terminal() const { return OpenApiClient::terminal(m_server->port(), "GATE-1", *m_terminalKey); }

    // Shows a fresh code for the user; returns the Data of the answer.
    Poco::JSON::Object::Ptr show(const std::string& userId)
    {
        const HttpResponse answer =
            app().post(OpenApiSetup::showPath(GetParam()), OpenApiSetup::showBody(app(), m_ruleId, userId));
        EXPECT_EQ(answer.status, 200) << answer.body;
        EXPECT_EQ(OpenApiClient::errorCode(answer), "0") << answer.body;
        return OpenApiClient::data(answer);
    }

    HttpResponse decode(const std::string& content)
    {
        return terminal().post(OpenApiSetup::decodePath(GetParam()), OpenApiSetup::decodeBody(content));
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    OpenApiApp m_app;
    Poco::Int64 m_ruleId = 0;
    std::optional<common::PrivateKey> m_terminalKey;
};

TEST_P(TestDynamicCodes, DecodesOnceThenUsedExpiredAfter61SecondsAndRefusesChangedCodes)
{
    const std::string type = GetParam();
    const TestPerson person = OpenApiSetup::person(7);
    const std::string userId = OpenApiSetup::openUser(app(), type, m_ruleId, person);
    ASSERT_FALSE(userId.empty());
    // Opening the same person again gives the same user.
    EXPECT_EQ(OpenApiSetup::openUser(app(), type, m_ruleId, person), userId);

    // Show: a CC1 code valid 60 s by the server clock.
    const auto shown = show(userId);
    const std::string content = shown->getValue<std::string>("codeContent");
    ASSERT_EQ(content.rfind("CC1:", 0), 0u) << content;
    EXPECT_EQ(shown->getValue<std::string>("codeContentType"), "original_string");
    EXPECT_EQ(shown->getValue<std::string>("cityCodeAppId"), m_app.code);
    const Poco::Int64 now = std::time(nullptr);
    EXPECT_NEAR(static_cast<double>(shown->getValue<Poco::Int64>("expireTime")), static_cast<double>(now + 60), 3.0);
    if (type == "health") {
        EXPECT_EQ(shown->getValue<std::string>("desensitizeName"), common::maskName(person.name));
        EXPECT_EQ(shown->getValue<std::string>("desensitizeCardId"), common::maskIdNumber(person.idNumber));
        EXPECT_FALSE(shown->getValue<std::string>("healthStatus").empty());
        EXPECT_EQ(OpenApiClient::json(*shown).find(person.idNumber), std::string::npos);
    }

    // Any changed character is refused (and does not use up the code).
    std::set<std::string> refusals;
    for (std::size_t at = 4; at < content.size(); ++at) {
        std::string changed = content;
        const std::size_t index = kBase45.find(content[at]);
        ASSERT_NE(index, std::string::npos);
        changed[at] = kBase45[(index + 1 + at % 44) % kBase45.size()];
        const HttpResponse answer = decode(changed);
        const std::string code = OpenApiClient::errorCode(answer);
        EXPECT_NE(code, "0") << "changed character " << at << " was accepted";
        EXPECT_NE(answer.status, 200);
        EXPECT_EQ(answer.body.find(person.name), std::string::npos) << answer.body;
        EXPECT_EQ(answer.body.find(person.idNumber), std::string::npos) << answer.body;
        refusals.insert(code);
    }
    EXPECT_TRUE(refusals.count("CODE_AUTH_FAILED")) << "a changed MAC-covered byte must fail authentication";

    // First scan: success with the fields the rule grants.
    const HttpResponse first = decode(content);
    ASSERT_EQ(first.status, 200) << first.body;
    ASSERT_EQ(OpenApiClient::errorCode(first), "0") << first.body;
    const auto data = OpenApiClient::data(first);
    EXPECT_EQ(data->getValue<std::string>("userId"), userId);
    EXPECT_EQ(data->getValue<bool>("expire"), false);
    EXPECT_EQ(data->getValue<std::string>("codeDefId"), std::to_string(m_ruleId));
    EXPECT_EQ(data->getValue<std::string>("cityCodeAppId"), m_app.code);
    EXPECT_EQ(data->getValue<std::string>("name"), person.name);
    EXPECT_EQ(data->getValue<std::string>("certNo"), person.idNumber);
    EXPECT_FALSE(data->has("mobile")) << "the rule does not grant the phone";

    // Second scan: used.
    const HttpResponse second = decode(content);
    EXPECT_EQ(second.status, 409) << second.body;
    EXPECT_EQ(OpenApiClient::errorCode(second), "CODE_USED");
    EXPECT_EQ(second.body.find(person.name), std::string::npos);

    // A fresh code scanned 61 s later by the server clock: expired.
    const std::string fresh = show(userId)->getValue<std::string>("codeContent");
    moveClock(61);
    const HttpResponse late = decode(fresh);
    moveClock(0);
    EXPECT_EQ(late.status, 410) << late.body;
    EXPECT_EQ(OpenApiClient::errorCode(late), "CODE_EXPIRED");
    EXPECT_NE(OpenApiClient::response(late)->getObject("Error")->getValue<std::string>("Message").find("码已过期"),
              std::string::npos);
    EXPECT_TRUE(OpenApiClient::data(late)->getValue<bool>("expire"));
    EXPECT_EQ(late.body.find(person.idNumber), std::string::npos);

    // Every open, show, decode and refusal was recorded.
    DatabaseFile db(m_dir.file("data") + "/citycode.db");
    const auto count = [&](const std::string& where) {
        return std::stoi(db.rows("SELECT COUNT(*) FROM code_records WHERE " + where)[0][0]);
    };
    EXPECT_EQ(count("action = 'open' AND result = 'success'"), 2);
    EXPECT_EQ(count("action = 'show' AND result = 'success'"), 2);
    EXPECT_EQ(count("action = 'decode' AND result = 'success' AND terminal_code = 'GATE-1' AND user_id = " + userId +
                    " AND rule_id = " + std::to_string(m_ruleId) + " AND location = 'ORG-001'"),
              1);
    EXPECT_EQ(count("action = 'decode' AND result = 'CODE_USED'"), 1);
    EXPECT_EQ(count("action = 'decode' AND result = 'CODE_EXPIRED'"), 1);
    EXPECT_EQ(count("action = 'decode' AND result <> 'success'"), static_cast<int>(content.size() - 4) + 2);
    // Personal data is sealed at rest.
    EXPECT_EQ(db.rows("SELECT COUNT(*) FROM city_users WHERE name_sealed LIKE '%" + person.idNumber +
                      "%' OR id_number_sealed = '" + person.idNumber + "'")[0][0],
              "0");
}

TEST_P(TestDynamicCodes, ACodeOfAnotherTypeIsRefusedAtThisDecode)
{
    const std::string type = GetParam();
    const std::string other = type == "personal" ? "health" : "personal";
    const std::string userId = OpenApiSetup::openUser(app(), type, m_ruleId, OpenApiSetup::person(3));
    const std::string content = show(userId)->getValue<std::string>("codeContent");
    const HttpResponse answer = terminal().post(OpenApiSetup::decodePath(other), OpenApiSetup::decodeBody(content));
    EXPECT_EQ(OpenApiClient::errorCode(answer), "CODE_TYPE_MISMATCH") << answer.body;
    // ...and is still good at its own decode.
    EXPECT_EQ(OpenApiClient::errorCode(decode(content)), "0");
}

// 001 §5.1.9 codeContentType byte_base64: show answers the drawn QR code as a PNG; a scanner reads
// the code text from it, and that code decodes once.
TEST_P(TestDynamicCodes, ShowAnswersThePngWhenAskedAndItScansToAValidCode)
{
    ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    const std::string userId = OpenApiSetup::openUser(app(), GetParam(), m_ruleId, OpenApiSetup::person(5));
    Poco::JSON::Object body = OpenApiSetup::showBody(app(), m_ruleId, userId);
    body.set("codeContentType", "byte_base64");
    const HttpResponse answer = app().post(OpenApiSetup::showPath(GetParam()), body);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto data = OpenApiClient::data(answer);
    EXPECT_EQ(data->getValue<std::string>("codeContentType"), "byte_base64");
    const common::Bytes png = common::fromBase64(data->getValue<std::string>("codeContent"));
    ASSERT_GT(png.size(), 24u);
    ASSERT_EQ(common::toString(common::Bytes(png.begin() + 1, png.begin() + 4)), "PNG");
    const std::string file = m_dir.file("shown.png");
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    const ProcessResult scanned = runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary", file});
    ASSERT_EQ(scanned.exitCode, 0) << scanned.err;
    ASSERT_EQ(scanned.out.rfind("CC1:", 0), 0u) << scanned.out;
    EXPECT_EQ(OpenApiClient::errorCode(decode(scanned.out)), "0");
    EXPECT_EQ(OpenApiClient::errorCode(decode(scanned.out)), "CODE_USED");

    body.set("codeContentType", "jpeg");
    EXPECT_EQ(OpenApiClient::errorCode(app().post(OpenApiSetup::showPath(GetParam()), body)), "BAD_REQUEST");
}

// The width of a PNG (IHDR, big-endian, bytes 16-19).
std::uint32_t pngWidth(const common::Bytes& png)
{
    return (std::uint32_t(png.at(16)) << 24) | (std::uint32_t(png.at(17)) << 16) | (std::uint32_t(png.at(18)) << 8) |
           std::uint32_t(png.at(19));
}

// 000 §2.2.3: the PNG show answers is drawn in the platform's active style for the code type, from
// the next request after the style is activated (the code engine's kept answers are dropped
// when code_styles changes), and back to the standard look once it is removed.
TEST_P(TestDynamicCodes, ShowDrawsThePngInThePlatformsActiveStyle)
{
    ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    const std::string userId = OpenApiSetup::openUser(app(), GetParam(), m_ruleId, OpenApiSetup::person(6));
    Poco::JSON::Object body = OpenApiSetup::showBody(app(), m_ruleId, userId);
    body.set("codeContentType", "byte_base64");
    const auto shownPng = [&] {
        const HttpResponse answer = app().post(OpenApiSetup::showPath(GetParam()), body);
        EXPECT_EQ(answer.status, 200) << answer.body;
        return common::fromBase64(OpenApiClient::data(answer)->getValue<std::string>("codeContent"));
    };
    // A QR symbol is 17 + 4v modules wide, plus 4 quiet-zone modules each side.
    const auto modulePixels = [](std::uint32_t width, std::uint32_t pixels) {
        return width % pixels == 0 && (width / pixels - 8 - 17) % 4 == 0;
    };
    const std::uint32_t standard = pngWidth(shownPng());
    EXPECT_TRUE(modulePixels(standard, 4)) << standard;

    const std::string token = AdminSession::signIn(m_server->port());
    Poco::JSON::Object style;
    style.set("codeType", GetParam());
    style.set("name", "Large navy");
    style.set("platformId", m_app.platformId);
    style.set("backgroundColor", "#FFFFFF");
    style.set("foregroundColor", "#1A237E");
    style.set("ecLevel", "H");
    style.set("modulePixels", 7);
    style.set("active", true);
    std::ostringstream text;
    style.stringify(text);
    const HttpResponse created =
        AdminSession::call(m_server->port(), "POST", "/admin/v1/code-styles", token, text.str());
    ASSERT_EQ(created.status, 201) << created.body;

    const common::Bytes styled = shownPng();
    EXPECT_TRUE(modulePixels(pngWidth(styled), 7)) << pngWidth(styled);
    EXPECT_GT(pngWidth(styled) / 7, standard / 4) << "level H needs at least as many modules as level M";
    const std::string file = m_dir.file("styled.png");
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(styled.data()), static_cast<std::streamsize>(styled.size()));
    const ProcessResult scanned = runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary", file});
    ASSERT_EQ(scanned.exitCode, 0) << scanned.err;
    EXPECT_EQ(OpenApiClient::errorCode(decode(scanned.out)), "0");

    const std::string id = std::to_string(AdminSession::json(created)->getValue<Poco::Int64>("id"));
    ASSERT_EQ(AdminSession::call(m_server->port(), "DELETE", "/admin/v1/code-styles/" + id, token, "").status, 200);
    EXPECT_TRUE(modulePixels(pngWidth(shownPng()), 4));
}

INSTANTIATE_TEST_SUITE_P(CodeTypes, TestDynamicCodes, ::testing::Values("personal", "health", "payment"),
                         [](const auto& info) { return info.param; });

} // namespace

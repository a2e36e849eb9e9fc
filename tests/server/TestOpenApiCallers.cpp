// Issue 4, must-show 1: callers of the open API (QUALITY.md "Callers", docs/open-api.md). Apps
// sign with their developer secret, terminals with their registered key; a stale timestamp, a
// reused nonce, a changed field, another terminal's key, an unknown caller, a permission switched
// off and a disabled app, rule, version or terminal are each refused with their own stable code,
// and switching a permission back on works at the next request.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "OpenApiClient.h"
#include "OpenApiSetup.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "citycode/common/Bytes.h"

#include <Poco/String.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>

using namespace citycode;
using namespace citycode::test;

namespace {

std::int64_t unixNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class TestOpenApiCallers : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(
            m_dir.file("data"), {"--set", "testing.clock_offset_file=" + m_dir.file("clock-offset")}));
        m_server->start();
        m_setup = std::make_unique<OpenApiSetup>(m_server->port());
        m_app = m_setup->createApp("Caller app");
        m_ruleId = m_setup->createRule("personal", m_app.platformId, {"name"});
        m_setup->link(m_app.id, m_ruleId);
        m_setup->permissions(m_app.id, true, true);
        m_keyA = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
        m_keyB = common::PrivateKey::generate(common::CodeAlg::Ed25519);
        m_terminalA = m_setup->registerTerminal("GATE-A", *m_keyA, m_app.platformId);
        m_terminalB = m_setup->registerTerminal("GATE-B", *m_keyB, m_app.platformId);
        m_userId = OpenApiSetup::openUser(app(), "personal", m_ruleId, OpenApiSetup::person(11));
    }

    OpenApiClient app() const { return OpenApiClient::app(m_server->port(), m_app.code, m_app.secret); }
    OpenApiClient terminalA() const { return OpenApiClient::terminal(m_server->port(), "GATE-A", *m_keyA); }

    std::string showBody() const { return OpenApiClient::json(OpenApiSetup::showBody(app(), m_ruleId, m_userId)); }

    std::string freshCode()
    {
        const HttpResponse answer = app().post("/api/showPersonalCode", showBody());
        EXPECT_EQ(OpenApiClient::errorCode(answer), "0") << answer.body;
        return OpenApiClient::data(answer)->getValue<std::string>("codeContent");
    }

    std::string decodeAtA(const std::string& code)
    {
        const HttpResponse answer = terminalA().post("/identity/decodeIdentityCode", OpenApiSetup::decodeBody(code));
        return OpenApiClient::errorCode(answer);
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<OpenApiSetup> m_setup;
    OpenApiApp m_app;
    Poco::Int64 m_ruleId = 0;
    Poco::Int64 m_terminalA = 0;
    Poco::Int64 m_terminalB = 0;
    std::string m_userId;
    std::optional<common::PrivateKey> m_keyA;
    std::optional<common::PrivateKey> m_keyB;
};

TEST_F(TestOpenApiCallers, EachRefusalHasItsOwnStableCode)
{
    const std::string path = "/api/showPersonalCode";
    const std::string body = showBody();
    std::map<std::string, std::string> seen; // case -> code

    // A correctly signed request works.
    ASSERT_EQ(OpenApiClient::errorCode(app().post(path, body)), "0");

    // Stale timestamp: signed 301 s in the past, and 301 s in the future.
    for (const int skew : {-301, 301}) {
        const HttpResponse answer = app().send(path, body, app().sign(path, body, unixNow() + skew));
        EXPECT_EQ(answer.status, 401);
        seen["stale " + std::to_string(skew)] = OpenApiClient::errorCode(answer);
    }
    EXPECT_EQ(seen["stale -301"], "TIMESTAMP_STALE");
    EXPECT_EQ(seen["stale 301"], "TIMESTAMP_STALE");
    // Within the window is fine.
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, app().sign(path, body, unixNow() - 250))), "0");

    // Reused nonce: the same signed request twice.
    const HeaderList once = app().sign(path, body);
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, once)), "0");
    seen["replay"] = OpenApiClient::errorCode(app().send(path, body, once));
    EXPECT_EQ(seen["replay"], "NONCE_REUSED");

    // Changed field: the body, the path, the caller.
    std::string changed = body;
    changed.replace(changed.find(m_userId), m_userId.size(), m_userId + "0");
    seen["changed body"] = OpenApiClient::errorCode(app().send(path, changed, app().sign(path, body)));
    EXPECT_EQ(seen["changed body"], "SIGNATURE_INVALID");
    seen["changed path"] = OpenApiClient::errorCode(app().send("/api/showHealthCode", body, app().sign(path, body)));
    EXPECT_EQ(seen["changed path"], "SIGNATURE_INVALID");
    seen["wrong secret"] = OpenApiClient::errorCode(
        OpenApiClient::app(m_server->port(), m_app.code, std::string(64, 'a')).post(path, body));
    EXPECT_EQ(seen["wrong secret"], "SIGNATURE_INVALID");

    // Unknown callers.
    seen["unknown app"] =
        OpenApiClient::errorCode(OpenApiClient::app(m_server->port(), "nosuchapp", m_app.secret).post(path, body));
    EXPECT_EQ(seen["unknown app"], "APP_UNKNOWN");
    const std::string code = freshCode();
    const std::string decodeBody = OpenApiClient::json(OpenApiSetup::decodeBody(code));
    seen["unknown terminal"] = OpenApiClient::errorCode(
        OpenApiClient::terminal(m_server->port(), "GATE-X", *m_keyA).post("/identity/decodeIdentityCode", decodeBody));
    EXPECT_EQ(seen["unknown terminal"], "TERMINAL_UNKNOWN");
    seen["missing signature"] = OpenApiClient::errorCode(
        httpRequest(m_server->port(), "POST", path, body, {{"Content-Type", "application/json"}}));
    EXPECT_EQ(seen["missing signature"], "SIGNATURE_MISSING");

    // Terminal A's key used for terminal B.
    seen["another terminal's key"] = OpenApiClient::errorCode(
        OpenApiClient::terminal(m_server->port(), "GATE-B", *m_keyA).post("/identity/decodeIdentityCode", decodeBody));
    EXPECT_EQ(seen["another terminal's key"], "TERMINAL_KEY_MISMATCH");
    // None of these used the code up.
    EXPECT_EQ(decodeAtA(code), "0");

    // Generate permission off: refused at the next request; on again: works at the next.
    m_setup->permissions(m_app.id, false, true);
    seen["generate off"] = OpenApiClient::errorCode(app().post(path, body));
    EXPECT_EQ(seen["generate off"], "GENERATE_FORBIDDEN");
    m_setup->permissions(m_app.id, true, true);
    EXPECT_EQ(OpenApiClient::errorCode(app().post(path, body)), "0");

    // Scan permission off for an app that decodes.
    const std::string code2 = freshCode();
    m_setup->permissions(m_app.id, true, false);
    seen["scan off"] = OpenApiClient::errorCode(
        app().post("/identity/decodeIdentityCode", OpenApiClient::json(OpenApiSetup::decodeBody(code2))));
    EXPECT_EQ(seen["scan off"], "SCAN_FORBIDDEN");
    m_setup->permissions(m_app.id, true, true);
    EXPECT_EQ(OpenApiClient::errorCode(
                  app().post("/identity/decodeIdentityCode", OpenApiClient::json(OpenApiSetup::decodeBody(code2)))),
              "0");

    // Disabled terminal.
    m_setup->admin("POST", "/admin/v1/terminals/" + std::to_string(m_terminalB) + "/disable");
    seen["terminal disabled"] = OpenApiClient::errorCode(
        OpenApiClient::terminal(m_server->port(), "GATE-B", *m_keyB).post("/identity/decodeIdentityCode", decodeBody));
    EXPECT_EQ(seen["terminal disabled"], "TERMINAL_DISABLED");

    // Disabled version, then disabled rule: codes issued before no longer verify.
    const std::string code3 = freshCode();
    m_setup->admin("POST", "/admin/v1/code-rules/" + std::to_string(m_ruleId) + "/versions/1/disable");
    seen["version disabled"] = decodeAtA(code3);
    EXPECT_EQ(seen["version disabled"], "CODE_VERSION_DISABLED");
    m_setup->admin("POST", "/admin/v1/code-rules/" + std::to_string(m_ruleId) + "/versions/1/enable");
    const std::string code4 = freshCode();
    m_setup->admin("POST", "/admin/v1/code-rules/" + std::to_string(m_ruleId) + "/disable");
    seen["rule disabled"] = decodeAtA(code4);
    EXPECT_EQ(seen["rule disabled"], "CODE_RULE_DISABLED");
    seen["no rule to issue"] = OpenApiClient::errorCode(app().post(path, body));
    EXPECT_EQ(seen["no rule to issue"], "RULE_NOT_AVAILABLE");
    m_setup->admin("POST", "/admin/v1/code-rules/" + std::to_string(m_ruleId) + "/enable");
    EXPECT_EQ(decodeAtA(code4), "0");

    // Disabled app: its own calls and its codes.
    const std::string code5 = freshCode();
    m_setup->admin("POST", "/admin/v1/apps/" + std::to_string(m_app.id) + "/disable");
    seen["app disabled"] = OpenApiClient::errorCode(app().post(path, body));
    EXPECT_EQ(seen["app disabled"], "APP_DISABLED");
    seen["code of a disabled app"] = decodeAtA(code5);
    EXPECT_EQ(seen["code of a disabled app"], "CODE_APP_DISABLED");

    // The reasons are told apart: one code per kind of refusal.
    std::set<std::string> distinct;
    for (const auto& [what, code] : seen)
        distinct.insert(code);
    const std::set<std::string> expected = {
        "TIMESTAMP_STALE",       "NONCE_REUSED",          "SIGNATURE_INVALID",  "APP_UNKNOWN",    "TERMINAL_UNKNOWN",
        "SIGNATURE_MISSING",     "TERMINAL_KEY_MISMATCH", "GENERATE_FORBIDDEN", "SCAN_FORBIDDEN", "TERMINAL_DISABLED",
        "CODE_VERSION_DISABLED", "CODE_RULE_DISABLED",    "RULE_NOT_AVAILABLE", "APP_DISABLED",   "CODE_APP_DISABLED"};
    EXPECT_EQ(distinct, expected);
}

// docs/open-api.md "Terminal sessions": one request signed with the registered key opens a
// session; codes then verify with HMAC signatures under the session key. A session is refused
// when forged, tampered with, presented by another terminal, used to open another session,
// expired, or after the terminal's key is registered anew; a disabled terminal is refused at once.
TEST_F(TestOpenApiCallers, SignatureFieldsAreFoundByNameInAnyCaseAndTheFirstOfARepeatedOneCounts)
{
    const std::string path = "/api/showPersonalCode";
    const std::string body = showBody();
    // HTTP field names are case-insensitive (RFC 9110 §5.1).
    HeaderList lower = app().sign(path, body);
    for (auto& field : lower)
        field.first = Poco::toLower(field.first);
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, lower)), "0");
    // A repeated field: the first one is what the request is checked with.
    HeaderList repeated = app().sign(path, body);
    repeated.emplace_back("X-CityCode-Nonce", "a-second-nonce-0001");
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, repeated)), "0");
    // A longer name is another field: the request has no nonce.
    HeaderList longer = app().sign(path, body);
    for (auto& field : longer) {
        if (field.first == "X-CityCode-Nonce")
            field.first = "X-CityCode-Nonces";
    }
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, longer)), "SIGNATURE_MISSING");
}

TEST_F(TestOpenApiCallers, TerminalSessionsSignWithAKeyOnlyTheTerminalAndTheServersKnow)
{
    const OpenApiClient session = terminalA().openSession();
    ASSERT_FALSE(session.sessionId().empty());
    const auto decodeWith = [&](const OpenApiClient& client) {
        return OpenApiClient::errorCode(
            client.post("/identity/decodeIdentityCode", OpenApiSetup::decodeBody(freshCode())));
    };
    EXPECT_EQ(decodeWith(session), "0");
    EXPECT_EQ(decodeWith(session), "0") << "a session serves many requests";

    // A replayed request is still a replay.
    const std::string body = OpenApiClient::json(OpenApiSetup::decodeBody(freshCode()));
    const HeaderList headers = session.sign("/identity/decodeIdentityCode", body);
    EXPECT_EQ(OpenApiClient::errorCode(session.send("/identity/decodeIdentityCode", body, headers)), "0");
    EXPECT_EQ(OpenApiClient::errorCode(session.send("/identity/decodeIdentityCode", body, headers)), "NONCE_REUSED");

    // A guessed key, a changed session id, another terminal presenting A's session.
    const auto withKey = [&](const std::string& terminal, const std::string& sessionId, const common::Bytes& key) {
        return OpenApiClient::session(m_server->port(), terminal, sessionId, key);
    };
    EXPECT_EQ(decodeWith(withKey("GATE-A", session.sessionId(), common::randomBytes(32))), "SIGNATURE_INVALID");
    std::string changed = session.sessionId();
    changed[changed.size() - 1] = changed.back() == '0' ? '1' : '0';
    EXPECT_EQ(decodeWith(withKey("GATE-A", changed, common::randomBytes(32))), "SIGNATURE_INVALID");
    EXPECT_EQ(decodeWith(withKey("GATE-A", "not-a-session", common::randomBytes(32))), "SESSION_INVALID");
    EXPECT_EQ(decodeWith(withKey("GATE-B", session.sessionId(), common::randomBytes(32))), "TERMINAL_KEY_MISMATCH");
    EXPECT_THROW(session.openSession(), std::runtime_error) << "a session cannot open another";
    Poco::JSON::Object badKey;
    badKey.set("ephemeralKey", common::toBase64(common::Bytes(31, 7)));
    EXPECT_EQ(OpenApiClient::errorCode(terminalA().post("/api/v1/terminal/session", badKey)), "SESSION_KEY_INVALID");

    // Expiry by the server clock (sessions last an hour).
    const OpenApiClient fresh = terminalA().openSession();
    std::ofstream(m_dir.file("clock-offset"), std::ios::trunc) << 3601 << "\n";
    const std::string lateBody = OpenApiClient::json(OpenApiSetup::decodeBody("CC1:x"));
    const HttpResponse late = fresh.send("/identity/decodeIdentityCode", lateBody,
                                         fresh.sign("/identity/decodeIdentityCode", lateBody, unixNow() + 3601));
    std::ofstream(m_dir.file("clock-offset"), std::ios::trunc) << 0 << "\n";
    EXPECT_EQ(OpenApiClient::errorCode(late), "SESSION_EXPIRED");
    EXPECT_EQ(decodeWith(fresh), "0");

    // Disabling the terminal stops its sessions at the next request; enabling resumes them.
    m_setup->admin("POST", "/admin/v1/terminals/" + std::to_string(m_terminalA) + "/disable");
    EXPECT_EQ(decodeWith(session), "TERMINAL_DISABLED");
    m_setup->admin("POST", "/admin/v1/terminals/" + std::to_string(m_terminalA) + "/enable");
    EXPECT_EQ(decodeWith(session), "0");

    // A new registered key ends the sessions opened with the old one.
    const auto newKey = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
    Poco::JSON::Object update;
    update.set("publicKeyPem", newKey.publicKey().toPem());
    m_setup->admin("PUT", "/admin/v1/terminals/" + std::to_string(m_terminalA), OpenApiClient::json(update));
    EXPECT_EQ(decodeWith(session), "SIGNATURE_INVALID");
    EXPECT_EQ(decodeWith(OpenApiClient::terminal(m_server->port(), "GATE-A", newKey).openSession()), "0");
}

TEST_F(TestOpenApiCallers, AnAppActsOnlyForItself)
{
    const OpenApiApp other = m_setup->createApp("Other app");
    Poco::JSON::Object body = OpenApiSetup::showBody(app(), m_ruleId, m_userId);
    body.set("cityCodeAppId", other.code);
    EXPECT_EQ(OpenApiClient::errorCode(app().post("/api/showPersonalCode", body)), "APP_MISMATCH");
    // Terminals issue nothing.
    EXPECT_EQ(OpenApiClient::errorCode(terminalA().post("/api/showPersonalCode", showBody())), "CALLER_NOT_APP");
}

TEST_F(TestOpenApiCallers, BindDataAndIdempotentPaymentNotices)
{
    Poco::JSON::Object::Ptr health = new Poco::JSON::Object;
    health->set("healthStatus", "yellow");
    Poco::JSON::Object bind;
    bind.set("cityCodeAppId", m_app.code);
    bind.set("userId", m_userId);
    bind.set("dataType", "health");
    bind.set("bindData", health);
    EXPECT_EQ(OpenApiClient::errorCode(app().post("/bindData/bindData", bind)), "0");
    Poco::JSON::Object get;
    get.set("cityCodeAppId", m_app.code);
    get.set("userId", m_userId);
    get.set("dataType", "health");
    const HttpResponse got = app().post("/bindData/getBindData", get);
    ASSERT_EQ(OpenApiClient::errorCode(got), "0") << got.body;
    EXPECT_NE(OpenApiClient::data(got)->getValue<std::string>("data").find("yellow"), std::string::npos);
    Poco::JSON::Object list;
    list.set("cityCodeAppId", m_app.code);
    list.set("userId", m_userId);
    list.set("dataTypes", "health,other");
    const HttpResponse listed = app().post("/bindData/getBindDataList", list);
    ASSERT_EQ(OpenApiClient::errorCode(listed), "0") << listed.body;
    EXPECT_EQ(OpenApiClient::data(listed)->getArray("list")->size(), 1u);
    EXPECT_EQ(OpenApiClient::errorCode(app().post("/bindData/unbindData", get)), "0");
    EXPECT_EQ(OpenApiClient::errorCode(app().post("/bindData/getBindData", get)), "BIND_DATA_NOT_FOUND");

    Poco::JSON::Object notice;
    notice.set("bizOrderNo", "ORDER-1");
    notice.set("merchantCode", "M1");
    notice.set("merchantName", "Metro");
    notice.set("orderAmount", 300);
    notice.set("orderDate", "20260101");
    notice.set("payStatus", 1);
    notice.set("qrCodeTime", "20260101083000");
    notice.set("tradeCreateTime", "20260101083001");
    notice.set("tripInfo", "Line 1: A -> B");
    notice.set("userId", "U-1");
    const HttpResponse first = app().post("/traffic/notifyTrafficPay", notice);
    ASSERT_EQ(OpenApiClient::errorCode(first), "0") << first.body;
    EXPECT_EQ(OpenApiClient::data(first)->getValue<std::string>("handleState"), "01");
    notice.set("orderAmount", 999); // a repeat of the order: the first answer, nothing changed
    const HttpResponse repeat = app().post("/traffic/notifyTrafficPay", notice);
    EXPECT_EQ(OpenApiClient::json(*OpenApiClient::data(repeat)), OpenApiClient::json(*OpenApiClient::data(first)));
    notice.remove("tripInfo");
    notice.set("bizOrderNo", "ORDER-2");
    EXPECT_EQ(OpenApiClient::errorCode(app().post("/payment/notifyPaymentResult", notice)), "BAD_REQUEST");
}

TEST_F(TestOpenApiCallers, NoncesAreKeptWhileTheyCouldBeReplayedThenPruned)
{
    const std::string path = "/api/showPersonalCode";
    const std::string body = showBody();
    const std::string nonce = OpenApiClient::freshNonce();
    const HeaderList once = app().sign(path, body, unixNow(), nonce);
    ASSERT_EQ(OpenApiClient::errorCode(app().send(path, body, once)), "0");
    DatabaseFile db(m_dir.file("data") + "/citycode.db");
    const std::string count = "SELECT COUNT(*) FROM api_nonces WHERE nonce = '" + nonce + "'";
    EXPECT_EQ(db.rows(count)[0][0], "1");
    // 400 s later by the server clock the old request is stale anyway, and its nonce row goes at
    // the next request (pruning runs at most once a minute).
    std::ofstream(m_dir.file("clock-offset"), std::ios::trunc) << 400 << "\n";
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, once)), "TIMESTAMP_STALE");
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, app().sign(path, body, unixNow() + 400))), "0");
    EXPECT_EQ(db.rows(count)[0][0], "0");
}

TEST_F(TestOpenApiCallers, UsedMarksAreKeptAnHourPastTheirCodeThenPruned)
{
    const std::string code = freshCode();
    const HttpResponse decoded = terminalA().post("/identity/decodeIdentityCode", OpenApiSetup::decodeBody(code));
    ASSERT_EQ(OpenApiClient::errorCode(decoded), "0") << decoded.body;
    const std::string codeId = OpenApiClient::data(decoded)->getValue<std::string>("cityCodeId");
    DatabaseFile db(m_dir.file("data") + "/citycode.db");
    const std::string count = "SELECT COUNT(*) FROM code_uses WHERE nonce = '" + codeId + "'";
    ASSERT_EQ(db.rows(count)[0][0], "1");
    const std::string path = "/api/showPersonalCode";
    const std::string body = showBody();
    // Expired, but within the hour: pruning runs (the request nonces go) and the mark stays.
    std::ofstream(m_dir.file("clock-offset"), std::ios::trunc) << 1800 << "\n";
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, app().sign(path, body, unixNow() + 1800))), "0");
    EXPECT_EQ(db.rows(count)[0][0], "1");
    // An hour and more past its expiry (60 s validity) the mark goes at the next pruning, and the
    // code is still refused: as expired, which is checked first.
    std::ofstream(m_dir.file("clock-offset"), std::ios::trunc) << 3800 << "\n";
    EXPECT_EQ(OpenApiClient::errorCode(app().send(path, body, app().sign(path, body, unixNow() + 3800))), "0");
    EXPECT_EQ(db.rows(count)[0][0], "0");
    const OpenApiClient terminal = terminalA();
    const std::string decodeBody = OpenApiClient::json(OpenApiSetup::decodeBody(code));
    const HttpResponse again =
        terminal.send("/identity/decodeIdentityCode", decodeBody,
                      terminal.sign("/identity/decodeIdentityCode", decodeBody, unixNow() + 3800));
    EXPECT_EQ(OpenApiClient::errorCode(again), "CODE_EXPIRED") << again.body;
}

TEST_F(TestOpenApiCallers, OpenRefusesBadPersonalDataWithoutRepeatingIt)
{
    struct Case
    {
        const char* what;
        TestPerson person;
        const char* code;
    };
    TestPerson wrongCheck = OpenApiSetup::person(12);
    wrongCheck.idNumber.back() = wrongCheck.idNumber.back() == '0' ? '1' : '0';
    TestPerson badPhone = OpenApiSetup::person(13);
    badPhone.phone = "12345678901";
    TestPerson noName = OpenApiSetup::person(14);
    noName.name = "";
    for (const Case& c : {Case{"ID number with a wrong check character", wrongCheck, "ID_NUMBER_INVALID"},
                          Case{"phone that is no mobile number", badPhone, "PHONE_INVALID"},
                          Case{"missing name", noName, "NAME_INVALID"}}) {
        SCOPED_TRACE(c.what);
        Poco::JSON::Object ext;
        ext.set("name", c.person.name);
        ext.set("certNo", c.person.idNumber);
        ext.set("mobile", c.person.phone);
        Poco::JSON::Object body;
        body.set("cityCodeAppId", m_app.code);
        body.set("codeDefId", std::to_string(m_ruleId));
        body.set("userExt", common::toBase64(common::toBytes(OpenApiClient::json(ext))));
        const HttpResponse answer = app().post("/api/openPersonalCode", body);
        EXPECT_EQ(answer.status, 400);
        EXPECT_EQ(OpenApiClient::errorCode(answer), c.code);
        EXPECT_EQ(answer.body.find(c.person.idNumber), std::string::npos);
        EXPECT_EQ(answer.body.find(c.person.phone), std::string::npos);
    }
}

} // namespace

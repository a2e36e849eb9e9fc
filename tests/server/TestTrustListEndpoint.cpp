// The trust list of 003 §7.2.2 end to end (issue 4, must-show 5): a list downloaded from a real
// server without signing in verifies with `citycode-cli verify-code` against the pinned anchor; an
// emergency code issued by the server verifies offline while the server is stopped; a code signed
// by a key that is not in the list, a list checked after its expiry, a list pinned to another
// anchor and a tampered list do not. A rotated key stays in the list with its overlap window.
#include "AdminSession.h"
#include "Process.h"
#include "TempDir.h"
#include "citycode/common/CodePayload.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/TrustList.h"

#include <gtest/gtest.h>

#include <ctime>
#include <memory>
#include <sstream>

using namespace citycode::test;
namespace common = citycode::common;

namespace {

std::string jsonText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

ProcessResult verifyCode(const std::vector<std::string>& options, const std::string& code)
{
    std::vector<std::string> argv{CITYCODE_CLI_BIN, "verify-code"};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.push_back(code);
    return runProcess(argv);
}

class TestTrustListEndpoint : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data")));
        m_server->start();
        m_token = AdminSession::signIn(m_server->port());
    }

    HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                      const std::string& token = {})
    {
        return AdminSession::call(m_server->port(), method, path, token.empty() ? m_token : token, body);
    }

    // Downloads the list and the anchor without a session, as a scanner does.
    void download()
    {
        const HttpResponse list = AdminSession::call(m_server->port(), "GET", "/api/v1/trust-list", "");
        ASSERT_EQ(list.status, 200) << list.body;
        EXPECT_NE(list.header("Content-Type").find("application/json"), std::string::npos);
        const HttpResponse anchor = AdminSession::call(m_server->port(), "GET", "/api/v1/trust-list/anchor", "");
        ASSERT_EQ(anchor.status, 200) << anchor.body;
        ASSERT_NE(anchor.body.find("BEGIN PUBLIC KEY"), std::string::npos);
        m_list = list.body;
        m_anchor = anchor.body;
        writeFile(m_dir.file("trust-list.json"), m_list);
        writeFile(m_dir.file("anchor.pem"), m_anchor);
    }

    Poco::JSON::Object::Ptr issue(const std::string& subject, int validitySeconds = 3600)
    {
        Poco::JSON::Object input;
        input.set("subjectRef", subject);
        input.set("validitySeconds", validitySeconds);
        const HttpResponse r = call("POST", "/admin/v1/emergency-codes", jsonText(input));
        EXPECT_EQ(r.status, 201) << r.body;
        return AdminSession::json(r);
    }

    std::vector<std::string> pinned() const
    {
        return {"--trust-list", m_dir.file("trust-list.json"), "--anchor", m_dir.file("anchor.pem")};
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_token;
    std::string m_list;
    std::string m_anchor;
};

} // namespace

TEST_F(TestTrustListEndpoint, EmergencyCodeVerifiesOfflineWhileTheServerIsStopped)
{
    const auto issued = issue("offline-subject-1");
    download();
    ASSERT_EQ(m_server->stop(), 0);
    ASSERT_FALSE(m_server->running());

    const std::string code = issued->getValue<std::string>("code");
    const ProcessResult result = verifyCode(pinned(), code);
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_EQ(result.out.rfind("VALID", 0), 0u) << result.out;
    EXPECT_NE(result.out.find(issued->getValue<std::string>("keyId")), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("SM2-SM3"), std::string::npos) << result.out;

    // The same list, parsed by the library with the pinned anchor, names the key with its window.
    const auto anchor = common::PublicKey::fromPem(m_anchor);
    const common::TrustList list = common::parseTrustList(m_list, &anchor);
    const auto* key = list.find(common::fromHex(issued->getValue<std::string>("keyId")));
    ASSERT_NE(key, nullptr);
    EXPECT_LE(key->notBefore, issued->getValue<Poco::Int64>("issuedAt"));
    EXPECT_GT(list.expiresAt, static_cast<std::uint32_t>(std::time(nullptr)));
}

TEST_F(TestTrustListEndpoint, CodesOfKeysOutsideTheListOrAfterItsExpiryDoNotVerify)
{
    const auto issued = issue("offline-subject-2");
    download();
    m_server->stop();
    const std::string code = issued->getValue<std::string>("code");

    // A code signed by a key the platform never published (same format, valid signature).
    const common::PrivateKey stranger = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
    common::CodePayload payload = common::parseCode(code).payload;
    const std::string forged = common::signCode(payload, stranger);
    ProcessResult result = verifyCode(pinned(), forged);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.out.rfind("UNKNOWN_KEY", 0), 0u) << result.out << result.err;

    // The genuine code, checked with the list past its expiry: cannot verify, must not guess.
    const auto anchor = common::PublicKey::fromPem(m_anchor);
    const common::TrustList list = common::parseTrustList(m_list, &anchor);
    std::vector<std::string> late = pinned();
    late.insert(late.end(), {"--now", std::to_string(list.expiresAt + 1)});
    result = verifyCode(late, code);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.out.rfind("TRUSTLIST_EXPIRED", 0), 0u) << result.out << result.err;

    // A list pinned to another anchor is refused before any code is looked at.
    const common::PrivateKey otherAnchor = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
    writeFile(m_dir.file("other-anchor.pem"), otherAnchor.publicKey().toPem());
    result =
        verifyCode({"--trust-list", m_dir.file("trust-list.json"), "--anchor", m_dir.file("other-anchor.pem")}, code);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.out.find("VALID"), std::string::npos) << result.out;

    // A list whose content was changed after signing is refused.
    std::string tampered = m_list;
    // Inside the signed list string: expiresAt\": then the number; a digit more lengthens its life.
    const std::string field = "expiresAt\\\":";
    const std::size_t at = tampered.find(field);
    ASSERT_NE(at, std::string::npos);
    tampered.insert(at + field.size(), "9");
    writeFile(m_dir.file("trust-list.json"), tampered);
    result = verifyCode(pinned(), code);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.out.find("VALID"), std::string::npos) << result.out;
}

TEST_F(TestTrustListEndpoint, RotatedKeysStayListedForTheirOverlap)
{
    const auto before = issue("before-rotation");
    Poco::JSON::Object rotate;
    rotate.set("purpose", "sign");
    rotate.set("alg", "ECDSA-P256");
    rotate.set("overlapSeconds", 3600);
    const HttpResponse rotated = call("POST", "/admin/v1/keys/rotate", jsonText(rotate));
    ASSERT_EQ(rotated.status, 201) << rotated.body;
    const auto after = issue("after-rotation");
    EXPECT_EQ(after->getValue<std::string>("alg"), "ECDSA-P256");
    EXPECT_NE(after->getValue<std::string>("keyId"), before->getValue<std::string>("keyId"));
    download();

    const auto anchor = common::PublicKey::fromPem(m_anchor);
    const common::TrustList list = common::parseTrustList(m_list, &anchor);
    const auto* old = list.find(common::fromHex(before->getValue<std::string>("keyId")));
    ASSERT_NE(old, nullptr);
    const auto now = static_cast<std::uint32_t>(std::time(nullptr));
    EXPECT_GE(old->notAfter, now + 3500);
    EXPECT_LE(old->notAfter, now + 3700);
    for (const auto& issued : {before, after}) {
        const ProcessResult result = verifyCode(pinned(), issued->getValue<std::string>("code"));
        EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    }
    // The rotation is in the operation log; the anchor is the same as before the rotation.
    const HttpResponse logs = call("GET", "/admin/v1/operation-logs?action=key.rotate");
    EXPECT_NE(logs.body.find("ECDSA-P256"), std::string::npos) << logs.body;
}

TEST_F(TestTrustListEndpoint, AdminKeyRoutesNeedASessionAndShowNoSecrets)
{
    EXPECT_EQ(AdminSession::call(m_server->port(), "GET", "/admin/v1/keys", "").status, 401);
    EXPECT_EQ(AdminSession::call(m_server->port(), "POST", "/admin/v1/emergency-codes", "", "{}").status, 401);
    const HttpResponse keys = call("GET", "/admin/v1/keys?purpose=sign");
    ASSERT_EQ(keys.status, 200) << keys.body;
    EXPECT_NE(keys.body.find("BEGIN PUBLIC KEY"), std::string::npos);
    EXPECT_EQ(keys.body.find("PRIVATE"), std::string::npos);
    EXPECT_EQ(keys.body.find("secret"), std::string::npos);
    EXPECT_EQ(AdminSession::errorCode(call("POST", "/admin/v1/emergency-codes", "{}")), "BAD_REQUEST");
}

TEST_F(TestTrustListEndpoint, ANewPlatformIsListedBeforeItIssuesAnyCode)
{
    download();
    const auto anchor = common::PublicKey::fromPem(m_anchor);
    const std::size_t before = common::parseTrustList(m_list, &anchor).keys.size();
    const HttpResponse created =
        call("POST", "/admin/v1/platforms", R"({"name":"trust-new","adminUsername":"trust-new-admin"})");
    ASSERT_EQ(created.status, 201) << created.body;
    download();
    const common::TrustList list = common::parseTrustList(m_list, &anchor);
    EXPECT_EQ(list.keys.size(), before + 1);
    bool labelled = false;
    for (const auto& key : list.keys)
        labelled = labelled || key.label == "trust-new";
    EXPECT_TRUE(labelled);
}

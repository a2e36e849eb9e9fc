// Issue 4: the 003 Appendix B profile as a second surface over the open API's services, through a
// real server (docs/open-api-profile-003.md). An app obtains an access token by third-party
// authorisation (B.5); generate (B.1) answers a PNG that zbarimg reads back to a code the decode
// interface (B.4) accepts once, answering AES-256-GCM that opens with the merchant's derived key;
// a second scan is refused as used, a changed sign or a stale time is refused; the channel code
// (B.3) and the user tags (B.2); and every PY return code of the documented table that a caller
// can provoke, checked against the table in the document.
#include "AdminSession.h"
#include "OpenApiClient.h"
#include "OpenApiSetup.h"
#include "Process.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"
#include "api/Profile003Response.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "citycode/common/PersonalData.h"
#include "citycode/common/Symbol.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace citycode;
using namespace citycode::test;

namespace {

Poco::JSON::Object::Ptr parse(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// The documented table: | `PY....` | `CODE`, `CODE` | ... rows of docs/open-api-profile-003.md.
std::map<std::string, std::string> documentedTable()
{
    std::ifstream file(CITYCODE_PROFILE003_DOC);
    std::map<std::string, std::string> table; // error code -> PY code
    std::string line;
    const std::regex row(R"(^\| `(PY\d{4})` \| ([^|]*)\|)");
    const std::regex code("`([A-Z_]+)`");
    while (std::getline(file, line)) {
        std::smatch match;
        if (!std::regex_search(line, match, row))
            continue;
        const std::string py = match[1];
        const std::string codes = match[2];
        for (auto it = std::sregex_iterator(codes.begin(), codes.end(), code); it != std::sregex_iterator(); ++it)
            table[(*it)[1]] = py;
    }
    return table;
}

class TestProfile003 : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new TempDir;
        s_server = new ServerProcess(AdminSession::serverOptions(
            s_dir->file("data"), {"--set", "testing.clock_offset_file=" + s_dir->file("clock-offset")}));
        s_server->start();
        OpenApiSetup setup(s_server->port());
        s_channel = new OpenApiApp(setup.createApp("Profile channel"));
        s_merchant = new OpenApiApp(setup.createApp("Profile merchant"));
        s_bare = new OpenApiApp(setup.createApp("Profile bare"));
        // The personal rule grants name and ID number to decode; the payment (channel) rule the name only.
        s_personalRule = setup.createRule("personal", s_channel->platformId, {"name", "certNo"});
        s_paymentRule = setup.createRule("payment", s_channel->platformId, {"name"});
        setup.link(s_channel->id, s_personalRule);
        setup.link(s_channel->id, s_paymentRule);
        setup.permissions(s_channel->id, true, false);
        setup.permissions(s_merchant->id, false, true);
        setup.permissions(s_bare->id, true, false);
        s_person = OpenApiSetup::person(31);
        s_userId = OpenApiSetup::openUser(channel(), "personal", s_personalRule, s_person);
        s_terminalKey = new common::PrivateKey(common::PrivateKey::generate(common::CodeAlg::Sm2Sm3));
        setup.registerTerminal("P3-GATE", *s_terminalKey, s_channel->platformId);
        s_setup = new OpenApiSetup(setup);
    }

    static void TearDownTestSuite()
    {
        delete s_setup;
        delete s_terminalKey;
        delete s_bare;
        delete s_merchant;
        delete s_channel;
        delete s_server;
        delete s_dir;
    }

    void SetUp() override { s_seen.clear(); }

    // Every (errorCode, code) pair this test was answered is the documented mapping.
    void TearDown() override
    {
        moveClock(0);
        const std::map<std::string, std::string> documented = documentedTable();
        for (const auto& [errorCode, py] : s_seen) {
            if (errorCode == "0") {
                EXPECT_EQ(py, "PY0000");
                continue;
            }
            const auto it = documented.find(errorCode);
            ASSERT_NE(it, documented.end()) << errorCode << " is answered but not in docs/open-api-profile-003.md";
            EXPECT_EQ(it->second, py) << errorCode;
        }
    }

    static void moveClock(int seconds)
    {
        std::ofstream(s_dir->file("clock-offset"), std::ios::trunc) << seconds << "\n";
    }
    static OpenApiClient channel() { return OpenApiClient::app(s_server->port(), s_channel->code, s_channel->secret); }
    static OpenApiClient merchant()
    {
        return OpenApiClient::app(s_server->port(), s_merchant->code, s_merchant->secret);
    }
    static OpenApiClient bare() { return OpenApiClient::app(s_server->port(), s_bare->code, s_bare->secret); }

    // An unsigned POST (the token or the merchant's signature is in the body); the PY envelope.
    static Poco::JSON::Object::Ptr post(const std::string& path, const Poco::JSON::Object& body, int* status = nullptr)
    {
        const HttpResponse answer = httpRequest(s_server->port(), "POST", path, OpenApiClient::json(body),
                                                {{"Content-Type", "application/json"}});
        if (status)
            *status = answer.status;
        return remember(answer);
    }
    static Poco::JSON::Object::Ptr postSigned(const OpenApiClient& client, const std::string& path,
                                              const Poco::JSON::Object& body, int* status = nullptr)
    {
        const HttpResponse answer = client.post(path, body);
        if (status)
            *status = answer.status;
        return remember(answer);
    }
    // Every answer's (errorCode, code) pair, for the table check.
    static Poco::JSON::Object::Ptr remember(const HttpResponse& answer)
    {
        const auto body = parse(answer.body);
        s_seen[body->getValue<std::string>("errorCode")] = body->getValue<std::string>("code");
        return body;
    }

    // B.5 with the step before it: the channel grants `app` a code, `app` trades it for a token.
    static Poco::JSON::Object::Ptr authorise(const OpenApiClient& granting, const OpenApiClient& receiving)
    {
        Poco::JSON::Object grant;
        grant.set("userId", s_userId);
        grant.set("appId", receiving.appCode());
        const auto code = postSigned(granting, "/profile003/authorizationCode", grant);
        EXPECT_EQ(code->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*code);
        Poco::JSON::Object trade;
        trade.set("code", code->getObject("response")->getValue<std::string>("code"));
        trade.set("appId", receiving.appCode());
        return postSigned(receiving, "/profile003/thirdPartyAuthorization", trade);
    }
    static std::string token()
    {
        const auto answer = authorise(channel(), channel());
        EXPECT_EQ(answer->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*answer);
        return answer->getObject("response")->getValue<std::string>("accessToken");
    }
    static Poco::JSON::Object generateBody(const std::string& accessToken)
    {
        Poco::JSON::Object body;
        body.set("accessToken", accessToken);
        body.set("latitude", "30.2741");
        body.set("longitude", "120.1551");
        return body;
    }

    // "yyyyMMddHHmmss" in Beijing time, `shift` seconds from now.
    static std::string merchantTime(int shift = 0)
    {
        const std::time_t t = std::time(nullptr) + shift + 8 * 3600;
        std::tm parts{};
        gmtime_r(&t, &parts);
        char text[16];
        std::strftime(text, sizeof text, "%Y%m%d%H%M%S", &parts);
        return text;
    }
    // The documented decode signature of a merchant app: hex HMAC-SHA256 with its developer secret.
    static Poco::JSON::Object decodeBody(const OpenApiApp& app, const std::string& qrcode, const std::string& time)
    {
        const std::string macId = "GATE-7";
        const std::string canonical = "CITYCODE-PROFILE003-DECODE-V1\n" + app.code + "\n" + time + "\n" + macId + "\n" +
                                      common::toHex(common::sha256(common::toBytes(qrcode)));
        Poco::JSON::Object body;
        body.set("merchantId", app.code);
        body.set("time", time);
        body.set("sign", common::toHex(common::mac(common::CodeAlg::HmacSha256, common::toBytes(app.secret),
                                                   common::toBytes(canonical))));
        body.set("qrcode", qrcode);
        body.set("macId", macId);
        return body;
    }
    // Opens a decode answer with the merchant's key as the document derives it.
    static Poco::JSON::Object::Ptr openAnswer(const OpenApiApp& app, const std::string& sealed, const std::string& time)
    {
        const std::string label = "CITYCODE-PROFILE003-RESPONSE-V1";
        const common::Bytes key = common::mac(common::CodeAlg::HmacSha256, common::toBytes(app.secret),
                                              common::toBytes(label + "\n" + app.code));
        const common::Bytes plain = common::aeadOpen(common::AeadAlg::Aes256Gcm, key, common::fromBase64(sealed),
                                                     common::toBytes(label + "\n" + app.code + "\n" + time));
        return parse(common::toString(plain));
    }
    // Reads the PNG of qrcodeBase64 with zbarimg; checks the module size on the way.
    static std::string scan(const std::string& base64, const std::string& name)
    {
        const common::Bytes png = common::fromBase64(base64);
        EXPECT_GT(png.size(), 24u);
        EXPECT_EQ(std::string(png.begin() + 1, png.begin() + 4), "PNG");
        const std::string file = s_dir->file(name + ".png");
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
        const ProcessResult scanned = runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary", file});
        EXPECT_EQ(scanned.exitCode, 0) << scanned.err;
        const std::string content = scanned.out;
        // IHDR width: (modules + 2 * 4 quiet) * pixels per module, at least 3 (002 §6.2).
        const int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        const int modules =
            common::encodeSymbol(content, common::Symbology::Qr, common::SymbolStyle().ecLevel).width() + 8;
        EXPECT_EQ(width % modules, 0);
        EXPECT_GE(width / modules, 3) << "002 §6.2: at least 3 pixels per module";
        return content;
    }

    static TempDir* s_dir;
    static ServerProcess* s_server;
    static OpenApiApp* s_channel;
    static OpenApiApp* s_merchant;
    static OpenApiApp* s_bare;
    static OpenApiSetup* s_setup;
    static common::PrivateKey* s_terminalKey;
    static Poco::Int64 s_personalRule;
    static Poco::Int64 s_paymentRule;
    static TestPerson s_person;
    static std::string s_userId;
    static std::map<std::string, std::string> s_seen;
};

TempDir* TestProfile003::s_dir = nullptr;
ServerProcess* TestProfile003::s_server = nullptr;
OpenApiApp* TestProfile003::s_channel = nullptr;
OpenApiApp* TestProfile003::s_merchant = nullptr;
OpenApiApp* TestProfile003::s_bare = nullptr;
OpenApiSetup* TestProfile003::s_setup = nullptr;
common::PrivateKey* TestProfile003::s_terminalKey = nullptr;
Poco::Int64 TestProfile003::s_personalRule = 0;
Poco::Int64 TestProfile003::s_paymentRule = 0;
TestPerson TestProfile003::s_person;
std::string TestProfile003::s_userId;
std::map<std::string, std::string> TestProfile003::s_seen;

TEST_F(TestProfile003, GeneratedPngScansToACodeThatDecodesOnceWithAnEncryptedAnswer)
{
    ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    const auto generated = post("/profile003/generateQrcode", generateBody(token()));
    ASSERT_EQ(generated->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*generated);
    const auto response = generated->getObject("response");
    EXPECT_EQ(response->getValue<std::string>("qrcodeType"), "personal");
    EXPECT_EQ(response->getValue<std::string>("concealName"), common::maskName(s_person.name));
    EXPECT_EQ(response->getValue<std::string>("concealCard"), common::maskIdNumber(s_person.idNumber));
    EXPECT_TRUE(std::regex_match(response->getValue<std::string>("serverTime"),
                                 std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")));
    const std::string text = OpenApiClient::json(*generated);
    EXPECT_EQ(text.find(s_person.name), std::string::npos) << "generate shows the masked name only";
    EXPECT_EQ(text.find(s_person.idNumber), std::string::npos) << "generate shows the masked ID only";

    const std::string qrcode = scan(response->getValue<std::string>("qrcodeBase64"), "generated");
    ASSERT_EQ(qrcode.rfind("CC1:", 0), 0u) << qrcode;

    // A changed sign, a stale time and a time from the future: refused, and the code is not used up.
    Poco::JSON::Object tampered = decodeBody(*s_merchant, qrcode, merchantTime());
    std::string sign = tampered.getValue<std::string>("sign");
    sign[5] = sign[5] == '0' ? '1' : '0';
    tampered.set("sign", sign);
    int status = 0;
    auto refused = post("/profile003/decodeQrcode", tampered, &status);
    EXPECT_EQ(refused->getValue<std::string>("code"), "PY3001");
    EXPECT_EQ(status, 401);
    Poco::JSON::Object otherCode = decodeBody(*s_merchant, qrcode, merchantTime());
    otherCode.set("macId", "GATE-8"); // signed for GATE-7
    EXPECT_EQ(post("/profile003/decodeQrcode", otherCode)->getValue<std::string>("code"), "PY3001");
    refused = post("/profile003/decodeQrcode", decodeBody(*s_merchant, qrcode, merchantTime(-400)), &status);
    EXPECT_EQ(refused->getValue<std::string>("code"), "PY3002");
    EXPECT_EQ(post("/profile003/decodeQrcode", decodeBody(*s_merchant, qrcode, merchantTime(400)))
                  ->getValue<std::string>("code"),
              "PY3002");

    // First scan: PY0000, the answer sealed for the merchant.
    const std::string time = merchantTime();
    const auto first = post("/profile003/decodeQrcode", decodeBody(*s_merchant, qrcode, time), &status);
    ASSERT_EQ(first->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*first);
    EXPECT_EQ(status, 200);
    const std::string sealed = first->getValue<std::string>("response");
    EXPECT_EQ(sealed.find(s_person.name), std::string::npos);
    const auto opened = openAnswer(*s_merchant, sealed, time);
    EXPECT_EQ(opened->getValue<std::string>("userId"), s_userId);
    EXPECT_EQ(opened->getValue<std::string>("name"), s_person.name);
    EXPECT_EQ(opened->getValue<std::string>("certNo"), s_person.idNumber);
    EXPECT_FALSE(opened->has("mobile")) << "the rule does not grant the phone";
    EXPECT_EQ(opened->getValue<std::string>("codeType"), "personal");
    EXPECT_EQ(opened->getValue<std::string>("merchantId"), s_merchant->code);
    EXPECT_EQ(opened->getValue<std::string>("macId"), "GATE-7");
    EXPECT_EQ(opened->getValue<std::string>("codeDefId"), std::to_string(s_personalRule));
    // Another merchant's key (or another time as associated data) does not open it.
    EXPECT_THROW(openAnswer(*s_bare, sealed, time), common::Error);
    EXPECT_THROW(openAnswer(*s_merchant, sealed, merchantTime(-1) == time ? merchantTime(1) : merchantTime(-1)),
                 common::Error);

    // Second scan (a new, correctly signed request): used; also the exact replay of the first.
    refused = post("/profile003/decodeQrcode", decodeBody(*s_merchant, qrcode, merchantTime(1)), &status);
    EXPECT_EQ(refused->getValue<std::string>("code"), "PY5007");
    EXPECT_EQ(refused->getValue<std::string>("errorCode"), "CODE_USED");
    EXPECT_EQ(status, 409);
    EXPECT_EQ(post("/profile003/decodeQrcode", decodeBody(*s_merchant, qrcode, time))->getValue<std::string>("code"),
              "PY5007");
    // The open API sees the same used mark.
    const HttpResponse openDecode =
        merchant().post(OpenApiSetup::decodePath("personal"), OpenApiSetup::decodeBody(qrcode));
    EXPECT_EQ(OpenApiClient::errorCode(openDecode), "CODE_USED");
}

TEST_F(TestProfile003, ChannelCodeGrantsWhatTheRuleGrantsAndDecodes)
{
    ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    const auto generated = post("/profile003/channelQrcode", generateBody(token()));
    ASSERT_EQ(generated->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*generated);
    const auto response = generated->getObject("response");
    EXPECT_EQ(response->getValue<std::string>("qrcodeType"), "payment");
    EXPECT_EQ(response->getValue<std::string>("userName"), s_person.name) << "the payment rule grants the name";
    EXPECT_EQ(response->getValue<std::string>("idCard"), "") << "the payment rule does not grant the ID number";
    EXPECT_EQ(response->getValue<std::string>("concealCard"), common::maskIdNumber(s_person.idNumber));
    const std::string qrcode = scan(response->getValue<std::string>("qrcodeBase64"), "channel");
    const std::string time = merchantTime();
    const auto decoded = post("/profile003/decodeQrcode", decodeBody(*s_merchant, qrcode, time));
    ASSERT_EQ(decoded->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*decoded);
    const auto opened = openAnswer(*s_merchant, decoded->getValue<std::string>("response"), time);
    EXPECT_EQ(opened->getValue<std::string>("codeType"), "payment");
    EXPECT_EQ(opened->getValue<std::string>("name"), s_person.name);
    EXPECT_FALSE(opened->has("certNo"));
}

// A scanner terminal as merchant: it signs with its registered SM2 key (base64 signature) and opens
// the answer with the key it fetched over a terminal-signed request.
TEST_F(TestProfile003, TerminalMerchantSignsWithItsKeyAndOpensWithTheFetchedKey)
{
    ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    const OpenApiClient gate = OpenApiClient::terminal(s_server->port(), "P3-GATE", *s_terminalKey);
    const auto fetched = postSigned(gate, "/profile003/merchantKey", Poco::JSON::Object());
    ASSERT_EQ(fetched->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*fetched);
    const std::string keyId = fetched->getObject("response")->getValue<std::string>("keyId");
    const common::Bytes key = common::fromBase64(fetched->getObject("response")->getValue<std::string>("key"));
    ASSERT_EQ(key.size(), 32u);
    // Apps have their secret: the key route is for terminals only.
    EXPECT_EQ(postSigned(merchant(), "/profile003/merchantKey", Poco::JSON::Object())->getValue<std::string>("code"),
              "PY3006");

    const auto generated = post("/profile003/generateQrcode", generateBody(token()));
    ASSERT_EQ(generated->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*generated);
    const std::string qrcode =
        scan(generated->getObject("response")->getValue<std::string>("qrcodeBase64"), "terminal");
    const auto body = [&](const common::PrivateKey& signer, const std::string& time) {
        const std::string canonical = "CITYCODE-PROFILE003-DECODE-V1\nP3-GATE\n" + time + "\nLANE-3\n" +
                                      common::toHex(common::sha256(common::toBytes(qrcode)));
        Poco::JSON::Object object;
        object.set("merchantId", "P3-GATE");
        object.set("time", time);
        object.set("sign", common::toBase64(signer.sign(common::toBytes(canonical))));
        object.set("qrcode", qrcode);
        object.set("macId", "LANE-3");
        return object;
    };
    // Another key (not the terminal's registered one): refused.
    const common::PrivateKey other = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
    EXPECT_EQ(post("/profile003/decodeQrcode", body(other, merchantTime()))->getValue<std::string>("code"), "PY3001");

    const std::string time = merchantTime();
    const auto first = post("/profile003/decodeQrcode", body(*s_terminalKey, time));
    ASSERT_EQ(first->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*first);
    const std::string sealed = first->getValue<std::string>("response");
    const std::size_t dot = sealed.find('.');
    ASSERT_NE(dot, std::string::npos);
    EXPECT_EQ(sealed.substr(0, dot), keyId);
    const std::string label = "CITYCODE-PROFILE003-RESPONSE-V1";
    const common::Bytes plain =
        common::aeadOpen(common::AeadAlg::Aes256Gcm, key, common::fromBase64(sealed.substr(dot + 1)),
                         common::toBytes(label + "\nP3-GATE\n" + time));
    const auto opened = parse(common::toString(plain));
    EXPECT_EQ(opened->getValue<std::string>("userId"), s_userId);
    EXPECT_EQ(opened->getValue<std::string>("name"), s_person.name);
    EXPECT_EQ(opened->getValue<std::string>("merchantId"), "P3-GATE");
    EXPECT_EQ(post("/profile003/decodeQrcode", body(*s_terminalKey, merchantTime(1)))->getValue<std::string>("code"),
              "PY5007");
}

TEST_F(TestProfile003, TagsAreTheUsersBoundTags)
{
    const std::string accessToken = token();
    Poco::JSON::Object query;
    query.set("accessToken", accessToken);
    auto answer = post("/profile003/queryUserTags", query);
    ASSERT_EQ(answer->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*answer);
    EXPECT_EQ(answer->getArray("response")->size(), 0u);

    Poco::JSON::Object bind;
    bind.set("cityCodeAppId", s_channel->code);
    bind.set("userId", s_userId);
    bind.set("dataType", "tags");
    bind.set("bindData", R"([{"no":1,"text":"退役军人","icon":"/tags/veteran.png","backgroundColor":1,"fontColor":2},)"
                         R"({"no":4,"text":"E类人才","backgroundColor":3,"fontColor":1}])");
    ASSERT_EQ(OpenApiClient::errorCode(channel().post("/bindData/bindData", bind)), "0");
    answer = post("/profile003/queryUserTags", query);
    ASSERT_EQ(answer->getValue<std::string>("code"), "PY0000");
    const auto tags = answer->getArray("response");
    ASSERT_EQ(tags->size(), 2u);
    EXPECT_EQ(tags->getObject(0)->getValue<std::string>("text"), "退役军人");
    EXPECT_EQ(tags->getObject(0)->getValue<std::string>("icon"), "/tags/veteran.png");
    EXPECT_EQ(tags->getObject(0)->getValue<int>("fontColor"), 2);
    EXPECT_EQ(tags->getObject(1)->getValue<int>("no"), 4);
    EXPECT_EQ(tags->getObject(1)->getValue<int>("backgroundColor"), 3);
    EXPECT_EQ(tags->getObject(1)->getValue<std::string>("icon"), "");
}

TEST_F(TestProfile003, AuthorisationCodesAreOneTimeAndTokensShortLived)
{
    // A code for the merchant app used by the merchant: a token for the merchant's own calls.
    Poco::JSON::Object grant;
    grant.set("userId", s_userId);
    grant.set("appId", s_bare->code);
    const std::string code = postSigned(channel(), "/profile003/authorizationCode", grant)
                                 ->getObject("response")
                                 ->getValue<std::string>("code");
    Poco::JSON::Object trade;
    trade.set("code", code);
    trade.set("appId", s_merchant->code);
    // A code for "bare" presented by the merchant: refused (and not used up).
    EXPECT_EQ(postSigned(merchant(), "/profile003/thirdPartyAuthorization", trade)->getValue<std::string>("code"),
              "PY2003");
    // appId must be the signing app.
    trade.set("appId", s_bare->code);
    EXPECT_EQ(postSigned(merchant(), "/profile003/thirdPartyAuthorization", trade)->getValue<std::string>("code"),
              "PY3006");
    const auto first = postSigned(bare(), "/profile003/thirdPartyAuthorization", trade);
    ASSERT_EQ(first->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*first);
    EXPECT_EQ(first->getObject("response")->getValue<std::string>("concealName"), common::maskName(s_person.name));
    int status = 0;
    const auto again = postSigned(bare(), "/profile003/thirdPartyAuthorization", trade, &status);
    EXPECT_EQ(again->getValue<std::string>("code"), "PY2005");
    EXPECT_EQ(status, 409);
    // A changed code.
    std::string changed = code;
    changed[changed.size() - 3] = changed[changed.size() - 3] == 'a' ? 'b' : 'a';
    trade.set("code", changed);
    EXPECT_EQ(postSigned(bare(), "/profile003/thirdPartyAuthorization", trade)->getValue<std::string>("code"),
              "PY2003");
    // Unknown app, unknown user.
    grant.set("appId", "NO-SUCH-APP");
    EXPECT_EQ(postSigned(channel(), "/profile003/authorizationCode", grant)->getValue<std::string>("code"), "PY3004");
    grant.set("appId", s_bare->code);
    grant.set("userId", "999999");
    EXPECT_EQ(postSigned(channel(), "/profile003/authorizationCode", grant)->getValue<std::string>("code"), "PY4004");
    // An unsigned authorisation request.
    EXPECT_EQ(post("/profile003/authorizationCode", grant)->getValue<std::string>("code"), "PY3001");

    // "bare" has no rule linked: its token cannot generate.
    const std::string bareToken = first->getObject("response")->getValue<std::string>("accessToken");
    EXPECT_EQ(post("/profile003/generateQrcode", generateBody(bareToken))->getValue<std::string>("code"), "PY4003");

    // A changed token; a token past its 600 s; a code past its 300 s.
    const std::string accessToken = token();
    std::string forged = accessToken;
    forged[forged.size() - 1] = forged.back() == '0' ? '1' : '0';
    EXPECT_EQ(post("/profile003/generateQrcode", generateBody(forged), &status)->getValue<std::string>("code"),
              "PY2001");
    EXPECT_EQ(status, 401);
    grant.set("userId", s_userId);
    grant.set("appId", s_channel->code);
    const std::string lateCode = postSigned(channel(), "/profile003/authorizationCode", grant)
                                     ->getObject("response")
                                     ->getValue<std::string>("code");
    moveClock(601);
    EXPECT_EQ(post("/profile003/generateQrcode", generateBody(accessToken))->getValue<std::string>("code"), "PY2002");
    Poco::JSON::Object lateTrade;
    lateTrade.set("code", lateCode);
    lateTrade.set("appId", s_channel->code);
    // Signed at the moved clock's time, or the request itself would be stale.
    const std::string lateBody = OpenApiClient::json(lateTrade);
    const HttpResponse late = channel().send("/profile003/thirdPartyAuthorization", lateBody,
                                             channel().sign("/profile003/thirdPartyAuthorization", lateBody,
                                                            static_cast<std::int64_t>(std::time(nullptr)) + 601));
    EXPECT_EQ(remember(late)->getValue<std::string>("code"), "PY2004");
}

TEST_F(TestProfile003, CodeRefusalsAndPermissionsMapToTheirReturnCodes)
{
    const std::string accessToken = token();
    // Missing fields and malformed bodies.
    Poco::JSON::Object empty;
    EXPECT_EQ(post("/profile003/generateQrcode", empty)->getValue<std::string>("code"), "PY1001");
    Poco::JSON::Object noLatitude = generateBody(accessToken);
    noLatitude.remove("latitude");
    EXPECT_EQ(post("/profile003/generateQrcode", noLatitude)->getValue<std::string>("code"), "PY1001");
    Poco::JSON::Object badTime = decodeBody(*s_merchant, "CC1:X", "2026");
    EXPECT_EQ(post("/profile003/decodeQrcode", badTime)->getValue<std::string>("code"), "PY1001");

    // Unknown merchant; a merchant without the scan permission; garbage and altered codes.
    const auto qrcodeOf = [&]() {
        const auto generated = post("/profile003/generateQrcode", generateBody(accessToken));
        EXPECT_EQ(generated->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*generated);
        const auto shown = channel().post(OpenApiSetup::showPath("personal"),
                                          OpenApiSetup::showBody(channel(), s_personalRule, s_userId));
        return OpenApiClient::data(shown)->getValue<std::string>("codeContent");
    };
    const std::string qrcode = qrcodeOf();
    OpenApiApp unknown = *s_merchant;
    unknown.code = "NO-SUCH-MERCHANT";
    EXPECT_EQ(
        post("/profile003/decodeQrcode", decodeBody(unknown, qrcode, merchantTime()))->getValue<std::string>("code"),
        "PY3004");
    EXPECT_EQ(
        post("/profile003/decodeQrcode", decodeBody(*s_channel, qrcode, merchantTime()))->getValue<std::string>("code"),
        "PY4002")
        << "the channel app has no scan permission";
    EXPECT_EQ(post("/profile003/decodeQrcode", decodeBody(*s_merchant, "CC1:NOT A CODE", merchantTime()))
                  ->getValue<std::string>("code"),
              "PY5001");
    std::string altered = qrcode;
    altered[altered.size() - 2] = altered[altered.size() - 2] == 'A' ? 'B' : 'A';
    const std::string alteredCode = post("/profile003/decodeQrcode", decodeBody(*s_merchant, altered, merchantTime()))
                                        ->getValue<std::string>("code");
    EXPECT_TRUE(alteredCode == "PY5001" || alteredCode == "PY5002") << alteredCode;

    // Expired by the server clock (61 s later): 码已过期.
    const std::string fresh = qrcodeOf();
    moveClock(61);
    int status = 0;
    const auto late = post("/profile003/decodeQrcode", decodeBody(*s_merchant, fresh, merchantTime(61)), &status);
    EXPECT_EQ(late->getValue<std::string>("code"), "PY5006");
    EXPECT_EQ(status, 410);
    EXPECT_NE(late->getValue<std::string>("msg").find("码已过期"), std::string::npos);
    moveClock(0);

    // Generate permission off: PY4001.
    s_setup->permissions(s_channel->id, false, false);
    const auto forbidden = post("/profile003/generateQrcode", generateBody(accessToken));
    s_setup->permissions(s_channel->id, true, false);
    EXPECT_EQ(forbidden->getValue<std::string>("code"), "PY4001");
    // A wrong method and path stay the router's 405 / 404.
    EXPECT_EQ(httpRequest(s_server->port(), "GET", "/profile003/generateQrcode").status, 405);
}

// A PostgreSQL database of the cluster CITYCODE_TEST_POSTGRES_URL, whatever backend this run tests
// (as in TestDecodeConcurrency: the two-node case always runs on PostgreSQL).
std::string sharedPostgresDatabase()
{
    const char* admin = std::getenv("CITYCODE_TEST_POSTGRES_URL");
    if (!admin || !*admin)
        throw std::runtime_error("CITYCODE_TEST_POSTGRES_URL is not set: the two-node test needs a PostgreSQL "
                                 "cluster in every run (scripts/postgres.sh start)");
    const char* backend = std::getenv("CITYCODE_TEST_BACKEND");
    const std::string saved = backend ? backend : "";
    ::setenv("CITYCODE_TEST_BACKEND", "postgresql", 1);
    std::string url;
    try {
        url = TestBackend::createDatabase();
    } catch (...) {
        saved.empty() ? ::unsetenv("CITYCODE_TEST_BACKEND") : ::setenv("CITYCODE_TEST_BACKEND", saved.c_str(), 1);
        throw;
    }
    saved.empty() ? ::unsetenv("CITYCODE_TEST_BACKEND") : ::setenv("CITYCODE_TEST_BACKEND", saved.c_str(), 1);
    return url;
}

Poco::JSON::Object::Ptr postTo(int port, const std::string& path, const Poco::JSON::Object& body)
{
    return parse(
        httpRequest(port, "POST", path, OpenApiClient::json(body), {{"Content-Type", "application/json"}}).body);
}

// Tokens and authorisation codes hold nothing on the node that issued them: two server processes
// on one PostgreSQL accept each other's tokens, and a code traded at one is used at the other.
TEST(TestProfile003Nodes, TokensCodesAndUsedMarksHoldAcrossNodes)
{
    const std::string database = sharedPostgresDatabase();
    TempDir dir;
    ServerOptions optionsA = AdminSession::serverOptions(dir.file("node-a"));
    optionsA.args.insert(optionsA.args.end(), {"--database-url", database});
    ServerProcess nodeA(optionsA);
    nodeA.start();
    ServerOptions optionsB = AdminSession::serverOptions(dir.file("node-b"));
    optionsB.args.insert(optionsB.args.end(), {"--database-url", database, "--set",
                                               "security.data_key_file=" + dir.file("node-a") + "/keys/data.key"});
    ServerProcess nodeB(optionsB);
    nodeB.start();

    OpenApiSetup setup(nodeA.port());
    const OpenApiApp app = setup.createApp("Two-node channel");
    const OpenApiApp merchant = setup.createApp("Two-node merchant");
    const Poco::Int64 rule = setup.createRule("personal", app.platformId, {"name"});
    setup.link(app.id, rule);
    setup.permissions(app.id, true, false);
    setup.permissions(merchant.id, false, true);
    const OpenApiClient atA = OpenApiClient::app(nodeA.port(), app.code, app.secret);
    const OpenApiClient atB = OpenApiClient::app(nodeB.port(), app.code, app.secret);
    const TestPerson person = OpenApiSetup::person(41);
    const std::string userId = OpenApiSetup::openUser(atA, "personal", rule, person);

    // Code issued at A, traded at B; the same code again at A: used.
    Poco::JSON::Object grant;
    grant.set("userId", userId);
    const auto issued = parse(atA.post("/profile003/authorizationCode", grant).body);
    ASSERT_EQ(issued->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*issued);
    Poco::JSON::Object trade;
    trade.set("code", issued->getObject("response")->getValue<std::string>("code"));
    trade.set("appId", app.code);
    const auto traded = parse(atB.post("/profile003/thirdPartyAuthorization", trade).body);
    ASSERT_EQ(traded->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*traded);
    EXPECT_EQ(parse(atA.post("/profile003/thirdPartyAuthorization", trade).body)->getValue<std::string>("code"),
              "PY2005");

    // The token from B generates at A; the code decodes once at B, and is used at A.
    Poco::JSON::Object generate;
    generate.set("accessToken", traded->getObject("response")->getValue<std::string>("accessToken"));
    generate.set("latitude", "30.27");
    generate.set("longitude", "120.15");
    const auto generated = postTo(nodeA.port(), "/profile003/generateQrcode", generate);
    ASSERT_EQ(generated->getValue<std::string>("code"), "PY0000") << OpenApiClient::json(*generated);
    const std::string qrcode =
        runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary",
                    [&] {
                        const common::Bytes png =
                            common::fromBase64(generated->getObject("response")->getValue<std::string>("qrcodeBase64"));
                        const std::string file = dir.file("two-node.png");
                        std::ofstream(file, std::ios::binary)
                            .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
                        return file;
                    }()})
            .out;
    const auto decodeAt = [&](int port, int shift) {
        const std::time_t t = std::time(nullptr) + shift + 8 * 3600;
        std::tm parts{};
        gmtime_r(&t, &parts);
        char time[16];
        std::strftime(time, sizeof time, "%Y%m%d%H%M%S", &parts);
        const std::string canonical = "CITYCODE-PROFILE003-DECODE-V1\n" + merchant.code + "\n" + time + "\nGATE-2\n" +
                                      common::toHex(common::sha256(common::toBytes(qrcode)));
        Poco::JSON::Object body;
        body.set("merchantId", merchant.code);
        body.set("time", std::string(time));
        body.set("sign", common::toHex(common::mac(common::CodeAlg::HmacSha256, common::toBytes(merchant.secret),
                                                   common::toBytes(canonical))));
        body.set("qrcode", qrcode);
        body.set("macId", "GATE-2");
        return postTo(port, "/profile003/decodeQrcode", body)->getValue<std::string>("code");
    };
    EXPECT_EQ(decodeAt(nodeB.port(), 0), "PY0000");
    EXPECT_EQ(decodeAt(nodeA.port(), 1), "PY5007");
}

// The table of docs/open-api-profile-003.md is the server's table (api/Profile003Response), row by
// row; codes it does not know answer PY9999. The tests above check the answers against the same table.
TEST(TestProfile003Table, TheDocumentedTableIsTheServersTable)
{
    const std::map<std::string, std::string> documented = documentedTable();
    ASSERT_GE(documented.size(), 40u) << "the table of docs/open-api-profile-003.md was not found";
    std::set<std::string> pyCodes;
    for (const auto& [errorCode, py] : documented) {
        pyCodes.insert(py);
        EXPECT_EQ(server::Profile003Response::returnCode(errorCode), py) << errorCode;
    }
    EXPECT_EQ(server::Profile003Response::returnCode("SOMETHING_NEW"), "PY9999");
    EXPECT_EQ(pyCodes.size(), 26u) << "26 refusal codes (PY0000 has no error code)";
}

} // namespace

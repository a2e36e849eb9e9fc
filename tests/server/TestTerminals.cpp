// Scanner terminals (终端授权, 002 §5.3.1.3) through a real server: registration with an SM2,
// P-256 or Ed25519 public key (anything else refused), the terminal id unique, enable/disable,
// edit (key rotation), delete, list; sub-platforms register and see their own terminals only;
// every change is in the operation log.
#include "CodeEngineAdminFixture.h"

#include "citycode/common/Crypto.h"

using namespace citycode::test;
namespace common = citycode::common;

namespace {

class TestTerminals : public CodeEngineAdminFixture
{
protected:
    static std::string publicPem(common::CodeAlg alg) { return common::PrivateKey::generate(alg).publicKey().toPem(); }

    static std::string body(const std::string& code, const std::string& pem, const std::string& extra = {})
    {
        Poco::JSON::Object input;
        input.set("terminalCode", code);
        input.set("name", "Gate " + code);
        input.set("location", "Metro Line 1, Station " + code);
        input.set("publicKeyPem", pem);
        std::string text = CodeEngineAdminFixture::text(input);
        if (!extra.empty())
            text = text.substr(0, text.size() - 1) + "," + extra + "}";
        return text;
    }
};

} // namespace

TEST_F(TestTerminals, RegistersEachSignatureAlgorithm)
{
    const struct
    {
        common::CodeAlg alg;
        const char* code;
        const char* name;
    } cases[] = {{common::CodeAlg::Sm2Sm3, "term-sm2", "SM2-SM3"},
                 {common::CodeAlg::EcdsaP256, "term-p256", "ECDSA-P256"},
                 {common::CodeAlg::Ed25519, "term-ed25519", "Ed25519"}};
    for (const auto& c : cases) {
        SCOPED_TRACE(c.code);
        const std::string pem = publicPem(c.alg);
        const auto created = ok(call("POST", "/admin/v1/terminals", body(c.code, pem)), 201);
        EXPECT_EQ(created->getValue<std::string>("terminalCode"), c.code);
        EXPECT_EQ(created->getValue<std::string>("keyAlgorithm"), common::codeAlgName(c.alg));
        EXPECT_EQ(created->getValue<std::string>("status"), "enabled");
        EXPECT_EQ(created->getValue<Poco::Int64>("platformId"), mainPlatformId());
        // The stored key is the same key (re-encoded PEM).
        EXPECT_EQ(common::PublicKey::fromPem(created->getValue<std::string>("publicKeyPem")).keyId(),
                  common::PublicKey::fromPem(pem).keyId());
        EXPECT_TRUE(logHas("terminal.create", std::to_string(created->getValue<Poco::Int64>("id"))));
    }
}

TEST_F(TestTerminals, BadRegistrationsAreRefused)
{
    const std::string pem = publicPem(common::CodeAlg::Sm2Sm3);
    const std::string privatePem = common::PrivateKey::generate(common::CodeAlg::EcdsaP256).toPem();
    ok(call("POST", "/admin/v1/terminals", body("term-dup", pem)), 201);
    const struct
    {
        const char* name;
        std::string body;
        int status;
        const char* code;
    } cases[] = {
        {"same terminal id twice", body("term-dup", pem), 409, "TERMINAL_CODE_TAKEN"},
        {"not a key", body("term-x1", "hello"), 400, "TERMINAL_KEY_INVALID"},
        {"truncated key", body("term-x2", pem.substr(0, pem.size() / 2)), 400, "TERMINAL_KEY_INVALID"},
        {"a private key", body("term-x3", privatePem), 400, "TERMINAL_KEY_INVALID"},
        {"no key", R"({"terminalCode":"term-x4","name":"n"})", 400, "BAD_REQUEST"},
        {"no terminal id", R"({"name":"n","publicKeyPem":"x"})", 400, "BAD_REQUEST"},
        {"terminal id with a slash", body("term/x5", pem), 400, "BAD_REQUEST"},
        {"no name", R"({"terminalCode":"term-x6","publicKeyPem":"x"})", 400, "BAD_REQUEST"},
        {"unknown platform", body("term-x7", pem, R"("platformId":999999)"), 404, "NOT_FOUND"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        refused(call("POST", "/admin/v1/terminals", c.body), c.status, c.code);
    }
    EXPECT_EQ(ok(call("GET", "/admin/v1/terminals?terminalCode=term-x"))->getValue<int>("total"), 0);
}

TEST_F(TestTerminals, LifecycleAndKeyRotation)
{
    const auto created =
        ok(call("POST", "/admin/v1/terminals", body("term-life", publicPem(common::CodeAlg::Sm2Sm3))), 201);
    const std::string id = std::to_string(created->getValue<Poco::Int64>("id"));
    const std::string path = "/admin/v1/terminals/" + id;

    EXPECT_EQ(ok(call("POST", path + "/disable"))->getValue<std::string>("status"), "disabled");
    EXPECT_TRUE(logHas("terminal.disable", id));
    EXPECT_EQ(ok(call("GET", "/admin/v1/terminals?status=disabled&terminalCode=term-life"))->getValue<int>("total"), 1);
    EXPECT_EQ(ok(call("POST", path + "/enable"))->getValue<std::string>("status"), "enabled");

    const std::string newPem = publicPem(common::CodeAlg::Ed25519);
    Poco::JSON::Object edit;
    edit.set("name", "Gate renamed");
    edit.set("publicKeyPem", newPem);
    const auto edited = ok(call("PUT", path, text(edit)));
    EXPECT_EQ(edited->getValue<std::string>("name"), "Gate renamed");
    EXPECT_EQ(edited->getValue<std::string>("keyAlgorithm"), "Ed25519");
    EXPECT_TRUE(logHas("terminal.update", id));
    refused(call("PUT", path, R"({"publicKeyPem":"nonsense"})"), 400, "TERMINAL_KEY_INVALID");
    refused(call("PUT", path, R"({"name":""})"), 400, "BAD_REQUEST");

    ok(call("DELETE", path));
    EXPECT_TRUE(logHas("terminal.delete", id));
    refused(call("GET", path), 404, "NOT_FOUND");
    refused(call("DELETE", path), 404, "NOT_FOUND");
    refused(call("POST", path + "/enable"), 404, "NOT_FOUND");
    // The id is free again.
    ok(call("POST", "/admin/v1/terminals", body("term-life", publicPem(common::CodeAlg::Sm2Sm3))), 201);
}

TEST_F(TestTerminals, SubPlatformsSeeTheirOwnTerminalsOnly)
{
    const SubPlatform a = createSubPlatform("term-a");
    const SubPlatform b = createSubPlatform("term-b");
    const auto ofA =
        ok(call("POST", "/admin/v1/terminals", body("term-of-a", publicPem(common::CodeAlg::Sm2Sm3)), a.token), 201);
    EXPECT_EQ(ofA->getValue<Poco::Int64>("platformId"), a.id);
    // The main platform registers on a sub-platform; a sub-platform cannot register on another.
    const auto forB =
        ok(call("POST", "/admin/v1/terminals",
                body("term-of-b", publicPem(common::CodeAlg::Sm2Sm3), R"("platformId":)" + std::to_string(b.id))),
           201);
    EXPECT_EQ(forB->getValue<Poco::Int64>("platformId"), b.id);
    refused(call("POST", "/admin/v1/terminals",
                 body("term-smuggled", publicPem(common::CodeAlg::Sm2Sm3), R"("platformId":)" + std::to_string(b.id)),
                 a.token),
            404, "NOT_FOUND");

    const auto listA = ok(call("GET", "/admin/v1/terminals", {}, a.token));
    EXPECT_EQ(listA->getValue<int>("total"), 1);
    EXPECT_EQ(listA->getArray("items")->getObject(0)->getValue<std::string>("terminalCode"), "term-of-a");
    const std::string pathB = "/admin/v1/terminals/" + std::to_string(forB->getValue<Poco::Int64>("id"));
    refused(call("GET", pathB, {}, a.token), 404, "NOT_FOUND");
    refused(call("PUT", pathB, R"({"name":"x"})", a.token), 404, "NOT_FOUND");
    refused(call("POST", pathB + "/disable", {}, a.token), 404, "NOT_FOUND");
    refused(call("DELETE", pathB, {}, a.token), 404, "NOT_FOUND");
    EXPECT_EQ(ok(call("GET", pathB, {}, b.token))->getValue<std::string>("status"), "enabled");
    EXPECT_GE(ok(call("GET", "/admin/v1/terminals"))->getValue<int>("total"), 2) << "the main platform sees all";
}

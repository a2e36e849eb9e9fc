// The signed trust list and offline verification of emergency codes (003 §7.2.2).
#include "citycode/common/Error.h"
#include "citycode/common/TrustList.h"

#include <gtest/gtest.h>

using namespace citycode::common;

namespace {

constexpr std::uint32_t kNow = 1795000000;

struct Fixture
{
    PrivateKey root = PrivateKey::generate(CodeAlg::EcdsaP256);
    PrivateKey platform = PrivateKey::generate(CodeAlg::Sm2Sm3);

    TrustList list(std::uint32_t expiresAt = kNow + 7 * 86400) const
    {
        TrustList l;
        l.serial = 7;
        l.issuer = "测试市 City";
        l.issuedAt = kNow - 3600;
        l.expiresAt = expiresAt;
        TrustedKey k;
        k.key = platform.publicKey();
        k.alg = CodeAlg::Sm2Sm3;
        k.keyId = k.key->keyId();
        k.notBefore = kNow - 86400;
        k.notAfter = kNow + 365 * 86400;
        k.label = "main platform";
        l.keys.push_back(k);
        return l;
    }

    std::string code(const PrivateKey& key, std::uint32_t issuedAt = kNow - 60, std::uint32_t lifetime = 86400) const
    {
        CodePayload p;
        p.ruleId = 9;
        p.ruleVersion = 2;
        p.subjectRef = toBytes("U1");
        p.issuedAt = issuedAt;
        p.expiresAt = issuedAt + lifetime;
        p.nonce = randomBytes(kNonceSize);
        return signCode(p, key);
    }
};

std::string parseError(const std::string& doc, const PublicKey* anchor)
{
    try {
        parseTrustList(doc, anchor);
    } catch (const Error& e) {
        return e.code();
    }
    return "OK";
}

} // namespace

TEST(TrustList, SignedListRoundTripsUnderItsAnchor)
{
    Fixture f;
    const std::string doc = signTrustList(f.list(), f.root);
    const PublicKey anchor = f.root.publicKey();
    Bytes signer;
    TrustList parsed = parseTrustList(doc, &anchor, &signer);
    EXPECT_EQ(signer, anchor.keyId());
    EXPECT_EQ(parsed.serial, 7u);
    EXPECT_EQ(parsed.issuer, "测试市 City");
    ASSERT_EQ(parsed.keys.size(), 1u);
    EXPECT_EQ(parsed.keys[0].keyId, f.platform.publicKey().keyId());
    EXPECT_EQ(parsed.keys[0].alg, CodeAlg::Sm2Sm3);
    EXPECT_EQ(parsed.keys[0].label, "main platform");
}

TEST(TrustList, AnotherSignerIsRefusedWhenAnAnchorIsPinned)
{
    Fixture f;
    PrivateKey impostor = PrivateKey::generate(CodeAlg::EcdsaP256);
    const PublicKey anchor = f.root.publicKey();
    EXPECT_EQ(parseError(signTrustList(f.list(), impostor), &anchor), "TRUSTLIST_SIGNER_UNTRUSTED");
}

TEST(TrustList, EveryChangedCharacterOfTheSignedListIsRefused)
{
    Fixture f;
    const std::string doc = signTrustList(f.list(), f.root);
    const PublicKey anchor = f.root.publicKey();
    const std::size_t listStart = doc.find("\"list\":\"") + 8;
    const std::size_t listEnd = doc.find("\",\"signer\"");
    ASSERT_LT(listStart, listEnd);
    for (std::size_t i = listStart; i < listEnd; ++i) {
        std::string changed = doc;
        // Swap in another printable character that keeps the JSON string well-formed.
        changed[i] = changed[i] == 'A' ? 'B' : 'A';
        EXPECT_NE(parseError(changed, &anchor), "OK") << "position " << i;
    }
}

TEST(TrustList, MalformedDocumentsNameTheirProblem)
{
    Fixture f;
    const PublicKey anchor = f.root.publicKey();
    EXPECT_EQ(parseError("", &anchor), "TRUSTLIST_MALFORMED");
    EXPECT_EQ(parseError("[]", &anchor), "TRUSTLIST_MALFORMED");
    EXPECT_EQ(parseError("{\"format\":\"citycode-trust-list/1\"", &anchor), "TRUSTLIST_MALFORMED");
    EXPECT_EQ(parseError("{\"format\":\"other/2\"}", &anchor), "TRUSTLIST_FORMAT");
    EXPECT_EQ(parseError(std::string(100000, '[') + std::string(100000, ']'), &anchor), "TRUSTLIST_MALFORMED");
    EXPECT_EQ(parseError(std::string((1 << 20) + 1, ' '), &anchor), "TRUSTLIST_TOO_LARGE");
    std::string doc = signTrustList(f.list(), f.root);
    const std::size_t sig = doc.find("\"signature\":\"") + 13;
    std::string badBase64 = doc;
    badBase64[sig] = '!';
    EXPECT_EQ(parseError(badBase64, &anchor), "TRUSTLIST_SIGNATURE_INVALID");
}

TEST(TrustList, EmergencyCodeVerifiesOffline)
{
    Fixture f;
    const TrustList list = f.list();
    OfflineVerification v = verifyCodeOffline(f.code(f.platform), list, kNow);
    EXPECT_EQ(v.verdict, OfflineVerdict::Valid) << v.detail;
    ASSERT_TRUE(v.code);
    EXPECT_EQ(v.code->payload.ruleId, 9u);
}

TEST(TrustList, OfflineVerdictsNameTheReason)
{
    Fixture f;
    const TrustList list = f.list();
    PrivateKey stranger = PrivateKey::generate(CodeAlg::Sm2Sm3);
    struct Case
    {
        const char* name;
        std::string code;
        std::uint32_t now;
        OfflineVerdict expected;
    };
    std::string altered = f.code(f.platform);
    // Character 55 is the first of the base45 group that holds body bytes 34 and 35: inside the nonce.
    altered[55] = altered[55] == '0' ? '1' : '0';
    CodePayload macPayload;
    macPayload.keyId = Bytes(kKeyIdSize, 1);
    macPayload.subjectRef = toBytes("U1");
    macPayload.issuedAt = kNow;
    macPayload.expiresAt = kNow + 60;
    macPayload.nonce = Bytes(kNonceSize, 2);
    const std::vector<Case> cases = {
        {"signed by a key not in the list", f.code(stranger), kNow, OfflineVerdict::UnknownKey},
        {"one character changed", altered, kNow, OfflineVerdict::BadSignature},
        {"past its expiry", f.code(f.platform, kNow - 120, 60), kNow, OfflineVerdict::Expired},
        {"issued before the key was valid", f.code(f.platform, kNow - 2 * 86400, 3 * 86400), kNow,
         OfflineVerdict::KeyNotValid},
        {"issued an hour ahead", f.code(f.platform, kNow + 3600), kNow, OfflineVerdict::NotYetValid},
        {"an online MAC code", sealCode(macPayload, Bytes(32, 3)), kNow, OfflineVerdict::NotOfflineCode},
        {"not a code", "hello", kNow, OfflineVerdict::Malformed},
        {"checked with an expired list", f.code(f.platform), kNow + 8 * 86400, OfflineVerdict::TrustListExpired},
    };
    for (const auto& c : cases) {
        OfflineVerification v = verifyCodeOffline(c.code, list, c.now);
        EXPECT_EQ(v.verdict, c.expected) << c.name << ": got " << offlineVerdictName(v.verdict) << " " << v.detail;
    }
}

TEST(TrustList, TheListDecidesTheAlgorithm)
{
    // A code signed with Ed25519 by a key whose id the list holds as SM2 cannot pass: the verifier
    // never takes the algorithm from the code.
    Fixture f;
    PrivateKey ed = PrivateKey::generate(CodeAlg::Ed25519);
    TrustList list = f.list();
    list.keys[0].keyId = ed.publicKey().keyId(); // same id, SM2 key and algorithm
    OfflineVerification v = verifyCodeOffline(f.code(ed), list, kNow);
    EXPECT_EQ(v.verdict, OfflineVerdict::AlgorithmMismatch) << v.detail;
}

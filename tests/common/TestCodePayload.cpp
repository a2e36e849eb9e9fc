#include "citycode/common/Base45.h"
#include "citycode/common/CodePayload.h"
#include "citycode/common/Error.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <optional>

using namespace citycode::common;

namespace {

CodePayload samplePayload(CodeAlg alg = CodeAlg::HmacSm3)
{
    CodePayload p;
    p.alg = alg;
    p.keyId = fromHex("0102030405060708");
    p.ruleId = 42;
    p.ruleVersion = 3;
    p.subjectRef = toBytes("U20261123000123");
    p.issuedAt = 1795000000;
    p.expiresAt = 1795000060; // 002 §9.2: dynamic codes live 60 s
    p.nonce = fromHex("a1a2a3a4a5a6a7a8a9aaabac");
    p.fields.push_back({static_cast<std::uint8_t>(CodeFieldTag::CodeType), {1}});
    p.fields.push_back({static_cast<std::uint8_t>(CodeFieldTag::AppId), fromHex("0000000000000007")});
    return p;
}

const Bytes kMacKey = fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

std::string parseError(const Bytes& binary)
{
    try {
        parseCodeBinary(binary);
    } catch (const Error& e) {
        return e.code();
    }
    return "OK";
}

std::string parseTextError(const std::string& text)
{
    try {
        parseCode(text);
    } catch (const Error& e) {
        return e.code();
    }
    return "OK";
}

Bytes binaryOf(const std::string& text)
{
    return base45Decode(text.substr(std::strlen(kCodePrefix)));
}

} // namespace

TEST(CodePayload, MacSealedCodeRoundTrips)
{
    std::string text = sealCode(samplePayload(), kMacKey);
    ASSERT_EQ(text.rfind("CC1:", 0), 0u);
    ParsedCode code = parseCode(text);
    EXPECT_EQ(code.payload, samplePayload());
    EXPECT_EQ(code.auth.size(), kCodeMacSize);
    EXPECT_EQ(verifyCodeMac(code, CodeAlg::HmacSm3, samplePayload().keyId, kMacKey), CodeAuthResult::Ok);
    EXPECT_EQ(codeToText(codeBinary(code)), text);
}

TEST(CodePayload, PrintableFormUsesOnlyQrAlphanumericCharacters)
{
    std::string text = sealCode(samplePayload(), kMacKey);
    for (char c : text)
        EXPECT_NE(std::strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", c), nullptr) << c;
    // docs/code-format.md "Size": a typical dynamic code is 89 bytes, 138 characters (QR version 6-M).
    EXPECT_EQ(text.size(), 138u);
}

TEST(CodePayload, SignedCodesRoundTripForEverySignatureAlgorithm)
{
    for (CodeAlg alg : {CodeAlg::Sm2Sm3, CodeAlg::EcdsaP256, CodeAlg::Ed25519}) {
        PrivateKey key = PrivateKey::generate(alg);
        std::string text = signCode(samplePayload(CodeAlg::HmacSm3), key);
        ParsedCode code = parseCode(text);
        EXPECT_EQ(code.payload.alg, alg) << codeAlgName(alg);
        EXPECT_EQ(code.payload.keyId, key.publicKey().keyId());
        EXPECT_EQ(verifyCodeSignature(code, alg, key.publicKey()), CodeAuthResult::Ok) << codeAlgName(alg);
    }
}

TEST(CodePayload, VerifierDecidesTheAlgorithmNotTheCode)
{
    ParsedCode macCode = parseCode(sealCode(samplePayload(CodeAlg::HmacSha256), kMacKey));
    EXPECT_EQ(verifyCodeMac(macCode, CodeAlg::HmacSm3, samplePayload().keyId, kMacKey),
              CodeAuthResult::AlgorithmNotAllowed);

    PrivateKey ed = PrivateKey::generate(CodeAlg::Ed25519);
    ParsedCode edCode = parseCode(signCode(samplePayload(), ed));
    EXPECT_EQ(verifyCodeSignature(edCode, CodeAlg::Sm2Sm3, ed.publicKey()), CodeAuthResult::AlgorithmNotAllowed);
    // A rule that wants a MAC never accepts a signed code, whatever the code says.
    EXPECT_EQ(verifyCodeMac(edCode, CodeAlg::HmacSm3, edCode.payload.keyId, kMacKey),
              CodeAuthResult::AlgorithmNotAllowed);
}

TEST(CodePayload, OtherKeysAreUnknownOrFail)
{
    ParsedCode macCode = parseCode(sealCode(samplePayload(), kMacKey));
    EXPECT_EQ(verifyCodeMac(macCode, CodeAlg::HmacSm3, fromHex("0807060504030201"), kMacKey),
              CodeAuthResult::UnknownKey);
    Bytes otherKey = kMacKey;
    otherKey[0] ^= 1;
    EXPECT_EQ(verifyCodeMac(macCode, CodeAlg::HmacSm3, samplePayload().keyId, otherKey), CodeAuthResult::BadAuth);

    PrivateKey a = PrivateKey::generate(CodeAlg::Sm2Sm3);
    PrivateKey b = PrivateKey::generate(CodeAlg::Sm2Sm3);
    ParsedCode signedByA = parseCode(signCode(samplePayload(), a));
    EXPECT_EQ(verifyCodeSignature(signedByA, CodeAlg::Sm2Sm3, b.publicKey()), CodeAuthResult::UnknownKey);
}

// Must show 5: every changed byte of a sealed code fails, exhaustively over one payload: each
// position takes each of its 255 other values, and either parsing or verification refuses it.
class EveryChangedByte : public ::testing::TestWithParam<CodeAlg>
{
};

TEST_P(EveryChangedByte, IsRefused)
{
    const CodeAlg alg = GetParam();
    std::string text;
    std::optional<PrivateKey> key;
    if (isMacAlg(alg)) {
        text = sealCode(samplePayload(alg), kMacKey);
    } else {
        key = PrivateKey::generate(alg);
        text = signCode(samplePayload(), *key);
    }
    const Bytes original = binaryOf(text);
    const PublicKey* pub = nullptr;
    std::optional<PublicKey> pubHolder;
    if (key) {
        pubHolder = key->publicKey();
        pub = &*pubHolder;
    }
    auto accepted = [&](const Bytes& candidate) {
        ParsedCode code;
        try {
            code = parseCodeBinary(candidate);
        } catch (const Error&) {
            return false;
        }
        return pub ? verifyCodeSignature(code, alg, *pub) == CodeAuthResult::Ok
                   : verifyCodeMac(code, alg, samplePayload().keyId, kMacKey) == CodeAuthResult::Ok;
    };
    ASSERT_TRUE(accepted(original));
    std::size_t tried = 0;
    for (std::size_t pos = 0; pos < original.size(); ++pos) {
        for (int delta = 1; delta < 256; ++delta) {
            Bytes changed = original;
            changed[pos] = static_cast<std::uint8_t>(changed[pos] ^ delta);
            ASSERT_FALSE(accepted(changed)) << codeAlgName(alg) << ": byte " << pos << " xor " << delta << " accepted";
            ++tried;
        }
    }
    EXPECT_EQ(tried, original.size() * 255);
}

INSTANTIATE_TEST_SUITE_P(AllAlgorithms, EveryChangedByte,
                         ::testing::Values(CodeAlg::HmacSm3, CodeAlg::HmacSha256, CodeAlg::Sm2Sm3, CodeAlg::EcdsaP256,
                                           CodeAlg::Ed25519),
                         [](const ::testing::TestParamInfo<CodeAlg>& param) {
                             std::string name = codeAlgName(param.param);
                             std::string out;
                             for (char c : name)
                                 if (std::isalnum(static_cast<unsigned char>(c)))
                                     out.push_back(c);
                             return out;
                         });

TEST(CodePayload, EveryTruncationIsRefusedAsTruncated)
{
    const Bytes full = binaryOf(sealCode(samplePayload(), kMacKey));
    EXPECT_EQ(parseError({}), "PAYLOAD_EMPTY");
    for (std::size_t len = 1; len < full.size(); ++len)
        EXPECT_EQ(parseError(Bytes(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(len))), "PAYLOAD_TRUNCATED")
            << "length " << len;
}

TEST(CodePayload, MalformedInputsNameTheirProblem)
{
    const Bytes good = binaryOf(sealCode(samplePayload(), kMacKey));
    struct Case
    {
        const char* name;
        Bytes binary;
        const char* code;
    };
    std::vector<Case> cases;
    auto with = [&](std::size_t pos, std::uint8_t value) {
        Bytes b = good;
        b[pos] = value;
        return b;
    };
    const std::size_t subjectLenPos = 22;
    const std::size_t issuedPos = subjectLenPos + 1 + samplePayload().subjectRef.size();
    const std::size_t fieldCountPos = issuedPos + 8 + kNonceSize;
    Bytes trailing = good;
    trailing.push_back(0);
    Bytes oversized(kMaxCodeBinarySize + 1, 0x01);
    Bytes expiredBeforeIssued = good;
    std::copy(good.begin() + static_cast<std::ptrdiff_t>(issuedPos),
              good.begin() + static_cast<std::ptrdiff_t>(issuedPos + 4),
              expiredBeforeIssued.begin() + static_cast<std::ptrdiff_t>(issuedPos + 4));

    cases.push_back({"version 2", with(0, 2), "PAYLOAD_VERSION"});
    cases.push_back({"version 0", with(0, 0), "PAYLOAD_VERSION"});
    cases.push_back({"algorithm 0", with(1, 0), "PAYLOAD_ALG"});
    cases.push_back({"algorithm 99", with(1, 99), "PAYLOAD_ALG"});
    cases.push_back({"empty subject", with(subjectLenPos, 0), "PAYLOAD_FIELD"});
    cases.push_back({"subject too long", with(subjectLenPos, kMaxSubjectRefSize + 1), "PAYLOAD_FIELD"});
    cases.push_back({"expires equals issued", expiredBeforeIssued, "PAYLOAD_TIME"});
    cases.push_back({"too many fields", with(fieldCountPos, kMaxOptionalFields + 1), "PAYLOAD_FIELD"});
    cases.push_back({"field tags out of order", with(fieldCountPos + 4, 1), "PAYLOAD_FIELD"});
    cases.push_back(
        {"MAC of wrong length", with(good.size() - kCodeMacSize - 1, kCodeMacSize - 1), "PAYLOAD_TRAILING"});
    cases.push_back({"trailing byte", trailing, "PAYLOAD_TRAILING"});
    cases.push_back({"oversized", oversized, "PAYLOAD_TOO_LONG"});
    for (const auto& c : cases)
        EXPECT_EQ(parseError(c.binary), c.code) << c.name;

    // An authenticator length that the algorithm cannot have (a 16-byte "signature" for Ed25519).
    CodePayload ed = samplePayload(CodeAlg::HmacSm3);
    Bytes edBinary = binaryOf(sealCode(ed, kMacKey));
    edBinary[1] = static_cast<std::uint8_t>(CodeAlg::Ed25519);
    EXPECT_EQ(parseError(edBinary), "PAYLOAD_AUTH");
}

TEST(CodePayload, MalformedTextNamesItsProblem)
{
    const std::string good = sealCode(samplePayload(), kMacKey);
    EXPECT_EQ(parseTextError(""), "PAYLOAD_EMPTY");
    EXPECT_EQ(parseTextError("HC1:" + good.substr(4)), "PAYLOAD_PREFIX");
    EXPECT_EQ(parseTextError("cc1:" + good.substr(4)), "PAYLOAD_PREFIX");
    std::string dangling = good + "0";
    while ((dangling.size() - 4) % 3 != 1)
        dangling += "0";
    EXPECT_EQ(parseTextError(dangling), "PAYLOAD_ENCODING");
    EXPECT_EQ(parseTextError(good.substr(0, good.size() - 1) + "a"), "PAYLOAD_ENCODING");
    EXPECT_EQ(parseTextError("CC1:" + std::string(kMaxCodeTextSize, '0')), "PAYLOAD_TOO_LONG");
    EXPECT_EQ(parseTextError(good), "OK");
}

TEST(CodePayload, EncodingRefusesOutOfRangeFields)
{
    auto encodeError = [](const CodePayload& p) -> std::string {
        try {
            encodeCodeBody(p);
        } catch (const Error& e) {
            return e.code();
        }
        return "OK";
    };
    CodePayload p = samplePayload();
    EXPECT_EQ(encodeError(p), "OK");
    p.keyId.pop_back();
    EXPECT_EQ(encodeError(p), "PAYLOAD_INVALID");
    p = samplePayload();
    p.nonce.push_back(0);
    EXPECT_EQ(encodeError(p), "PAYLOAD_INVALID");
    p = samplePayload();
    p.subjectRef.clear();
    EXPECT_EQ(encodeError(p), "PAYLOAD_INVALID");
    p = samplePayload();
    p.expiresAt = p.issuedAt;
    EXPECT_EQ(encodeError(p), "PAYLOAD_INVALID");
    p = samplePayload();
    std::swap(p.fields[0], p.fields[1]);
    EXPECT_EQ(encodeError(p), "PAYLOAD_INVALID");
    p = samplePayload();
    p.fields[0].value.assign(kMaxOptionalFieldSize + 1, 0);
    EXPECT_EQ(encodeError(p), "PAYLOAD_INVALID");
}

TEST(CodePayload, SameBodyFromTheSamePayload)
{
    // Canonical encoding: sealing twice gives the same code (no hidden randomness but the nonce).
    EXPECT_EQ(sealCode(samplePayload(), kMacKey), sealCode(samplePayload(), kMacKey));
    EXPECT_EQ(encodeCodeBody(parseCode(sealCode(samplePayload(), kMacKey)).payload), encodeCodeBody(samplePayload()));
}

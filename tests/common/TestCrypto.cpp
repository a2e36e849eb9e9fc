// Cryptography of common/: known-answer tests from the standards, tampering, key files and
// the SM2 distinguishing ID, checked against OpenSSL's EVP interface used independently.
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace citycode::test {
namespace {

using common::AeadAlg;
using common::Bytes;
using common::CodeAlg;
using common::Error;
using common::fromHex;
using common::PrivateKey;
using common::PublicKey;
using common::toBytes;
using common::toHex;
using common::toString;

// Runs `f` and returns the code of the common::Error it throws ("" when it throws none).
std::string errorCode(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return "";
}

// A folder under the system temporary directory, removed with its content at the end.
class ScratchDir
{
public:
    ScratchDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "citycode-crypto-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~ScratchDir() { std::filesystem::remove_all(m_path); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

unsigned fileMode(const std::string& path)
{
    struct stat st = {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0);
    return st.st_mode & 0777;
}

// --- hex ---------------------------------------------------------------------------------

TEST(Hex, RoundTripsAndAcceptsUpperCase)
{
    const Bytes data = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    EXPECT_EQ(toHex(data), "00017f80abff");
    EXPECT_EQ(fromHex("00017F80ABff"), data);
    EXPECT_TRUE(fromHex("").empty());
}

TEST(Hex, RejectsOddLengthAndNonHexDigits)
{
    EXPECT_EQ(errorCode([] { fromHex("abc"); }), "HEX_INVALID");
    EXPECT_EQ(errorCode([] { fromHex("0g"); }), "HEX_INVALID");
    EXPECT_EQ(errorCode([] { fromHex("g0"); }), "HEX_INVALID");
    EXPECT_EQ(errorCode([] { fromHex("0 "); }), "HEX_INVALID");
}

// --- algorithm names ---------------------------------------------------------------------

TEST(CodeAlgNames, ParseTheirOwnNamesAndShortNames)
{
    for (CodeAlg alg : {CodeAlg::HmacSm3, CodeAlg::HmacSha256, CodeAlg::Sm2Sm3, CodeAlg::EcdsaP256, CodeAlg::Ed25519})
        EXPECT_EQ(common::parseCodeAlg(common::codeAlgName(alg)), alg) << common::codeAlgName(alg);
    EXPECT_EQ(common::parseCodeAlg("sm2"), CodeAlg::Sm2Sm3);
    EXPECT_EQ(common::parseCodeAlg("P256"), CodeAlg::EcdsaP256);
    EXPECT_EQ(common::parseCodeAlg("ED25519"), CodeAlg::Ed25519);
    EXPECT_EQ(common::parseCodeAlg("hmac-sm3"), CodeAlg::HmacSm3);
    EXPECT_EQ(errorCode([] { common::parseCodeAlg("rsa"); }), "CRYPTO_ALG_UNKNOWN");
    EXPECT_EQ(errorCode([] { common::parseCodeAlg(""); }), "CRYPTO_ALG_UNKNOWN");
}

TEST(CodeAlgNames, KnowWhichAreMacsAndWhichAreSignatures)
{
    EXPECT_TRUE(common::isMacAlg(CodeAlg::HmacSm3));
    EXPECT_TRUE(common::isMacAlg(CodeAlg::HmacSha256));
    EXPECT_FALSE(common::isMacAlg(CodeAlg::Sm2Sm3));
    EXPECT_TRUE(common::isSignatureAlg(CodeAlg::Sm2Sm3));
    EXPECT_TRUE(common::isSignatureAlg(CodeAlg::EcdsaP256));
    EXPECT_TRUE(common::isSignatureAlg(CodeAlg::Ed25519));
    EXPECT_FALSE(common::isSignatureAlg(CodeAlg::HmacSha256));
}

// --- hashes ------------------------------------------------------------------------------

TEST(Sm3, MatchesGbT32905ExampleOneThreeBytes)
{
    EXPECT_EQ(toHex(common::sm3(toBytes("abc"))), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

TEST(Sm3, MatchesGbT32905ExampleTwoSixtyFourBytes)
{
    std::string message;
    for (int i = 0; i < 16; ++i)
        message += "abcd";
    EXPECT_EQ(toHex(common::sm3(toBytes(message))), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
}

TEST(Sha256, MatchesFips180Example)
{
    EXPECT_EQ(toHex(common::sha256(toBytes("abc"))),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(RandomBytes, HaveTheRequestedLengthAndDiffer)
{
    EXPECT_TRUE(common::randomBytes(0).empty());
    const Bytes a = common::randomBytes(32);
    const Bytes b = common::randomBytes(32);
    EXPECT_EQ(a.size(), 32u);
    EXPECT_NE(a, b);
}

// --- SM4 block cipher (the primitive under SM4-GCM) ---------------------------------------

Bytes sm4EcbEncrypt(const Bytes& key, const Bytes& block)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "SM4-ECB", nullptr);
    Bytes out(block.size());
    int len = 0;
    EXPECT_EQ(EVP_EncryptInit_ex2(ctx.get(), cipher, key.data(), nullptr, nullptr), 1);
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    EXPECT_EQ(EVP_EncryptUpdate(ctx.get(), out.data(), &len, block.data(), static_cast<int>(block.size())), 1);
    EVP_CIPHER_free(cipher);
    return out;
}

TEST(Sm4, MatchesGbT32907ExampleOne)
{
    const Bytes key = fromHex("0123456789abcdeffedcba9876543210");
    EXPECT_EQ(toHex(sm4EcbEncrypt(key, key)), "681edf34d206965e86b3e94f536e4246");
}

TEST(Sm4, MatchesGbT32907ExampleTwoAfterAMillionEncryptions)
{
    const Bytes key = fromHex("0123456789abcdeffedcba9876543210");
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "SM4-ECB", nullptr);
    ASSERT_EQ(EVP_EncryptInit_ex2(ctx.get(), cipher, key.data(), nullptr, nullptr), 1);
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    Bytes block = key;
    for (int i = 0; i < 1000000; ++i) {
        int len = 0;
        ASSERT_EQ(EVP_EncryptUpdate(ctx.get(), block.data(), &len, block.data(), 16), 1);
    }
    EVP_CIPHER_free(cipher);
    EXPECT_EQ(toHex(block), "595298c7c6fd271f0402f804c33d3f66");
}

// --- HMAC --------------------------------------------------------------------------------

struct MacVector
{
    const char* name;
    Bytes key;
    Bytes data;
    std::string expectedHex; // may be a prefix (RFC 4231 test case 5 is truncated to 128 bits)
};

void PrintTo(const MacVector& row, std::ostream* os)
{
    *os << row.name;
}

class Rfc4231HmacSha256 : public ::testing::TestWithParam<MacVector>
{
};

TEST_P(Rfc4231HmacSha256, GivesTheRfcMac)
{
    const MacVector& v = GetParam();
    const Bytes tag = common::mac(CodeAlg::HmacSha256, v.key, v.data);
    EXPECT_EQ(toHex(tag).substr(0, v.expectedHex.size()), v.expectedHex);
    EXPECT_TRUE(common::macVerify(CodeAlg::HmacSha256, v.key, v.data, fromHex(v.expectedHex)));
}

INSTANTIATE_TEST_SUITE_P(
    Rfc4231, Rfc4231HmacSha256,
    ::testing::Values(
        MacVector{"TestCase1", Bytes(20, 0x0b), toBytes("Hi There"),
                  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        MacVector{"TestCase2KeyShorterThanOutput", toBytes("Jefe"), toBytes("what do ya want for nothing?"),
                  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        MacVector{"TestCase3", Bytes(20, 0xaa), Bytes(50, 0xdd),
                  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        MacVector{"TestCase4", fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), Bytes(50, 0xcd),
                  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        MacVector{"TestCase5TruncatedTo128Bits", Bytes(20, 0x0c), toBytes("Test With Truncation"),
                  "a3b6167473100ee06e0c796c2955552b"},
        MacVector{"TestCase6KeyLargerThanBlock", Bytes(131, 0xaa),
                  toBytes("Test Using Larger Than Block-Size Key - Hash Key First"),
                  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        MacVector{"TestCase7KeyAndDataLargerThanBlock", Bytes(131, 0xaa),
                  toBytes("This is a test using a larger than block-size key and a larger than block-size data. The "
                          "key needs to be hashed before being used by the HMAC algorithm."),
                  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"}),
    [](const ::testing::TestParamInfo<MacVector>& row) { return std::string(row.param.name); });

// HMAC (RFC 2104 §2) composed by hand from the SM3 hash: H((K ^ opad) || H((K ^ ipad) || m)).
Bytes hmacSm3ByDefinition(Bytes key, const Bytes& data)
{
    if (key.size() > 64)
        key = common::sm3(key);
    key.resize(64, 0);
    Bytes inner(key), outer(key);
    for (std::size_t i = 0; i < 64; ++i) {
        inner[i] ^= 0x36;
        outer[i] ^= 0x5c;
    }
    inner.insert(inner.end(), data.begin(), data.end());
    const Bytes innerHash = common::sm3(inner);
    outer.insert(outer.end(), innerHash.begin(), innerHash.end());
    return common::sm3(outer);
}

class HmacSm3 : public ::testing::TestWithParam<MacVector>
{
};

TEST_P(HmacSm3, MatchesOpenSslMacAndTheRfc2104Definition)
{
    const MacVector& v = GetParam();
    const Bytes tag = common::mac(CodeAlg::HmacSm3, v.key, v.data);
    EXPECT_EQ(toHex(tag), v.expectedHex);
    EXPECT_EQ(tag, hmacSm3ByDefinition(v.key, v.data));
}

// Expected values from `openssl mac -digest SM3 -macopt hexkey:KEY -in DATA HMAC` (OpenSSL 3.0),
// on the keys and messages of RFC 4231 test cases 1, 2 and 6.
INSTANTIATE_TEST_SUITE_P(
    OpenSslMac, HmacSm3,
    ::testing::Values(MacVector{"ShortKey", Bytes(20, 0x0b), toBytes("Hi There"),
                                "51b00d1fb49832bfb01c3ce27848e59f871d9ba938dc563b338ca964755cce70"},
                      MacVector{"KeyShorterThanOutput", toBytes("Jefe"), toBytes("what do ya want for nothing?"),
                                "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882"},
                      MacVector{"KeyLargerThanBlock", Bytes(131, 0xaa),
                                toBytes("Test Using Larger Than Block-Size Key - Hash Key First"),
                                "b4fd844e13342002f0b2e0690ea7741f1497d993a70494cea601e657bedf67a0"}),
    [](const ::testing::TestParamInfo<MacVector>& row) { return std::string(row.param.name); });

TEST(Mac, MatchesTheDefinitionForEveryKeyLength)
{
    const Bytes data = toBytes("a code body of about the size the server verifies");
    for (std::size_t keyLength = 1; keyLength <= 130; ++keyLength) {
        Bytes key(keyLength);
        for (std::size_t i = 0; i < keyLength; ++i)
            key[i] = static_cast<std::uint8_t>(i * 7 + keyLength);
        EXPECT_EQ(common::mac(CodeAlg::HmacSm3, key, data), hmacSm3ByDefinition(key, data)) << keyLength;
    }
}

TEST(Mac, StaysCorrectWhenManyKeysAreInterleaved)
{
    // More keys than a thread keeps keyed contexts for, used round-robin, so that contexts are
    // evicted and re-keyed all the time.
    const Bytes data = toBytes("interleaved");
    for (int round = 0; round < 3; ++round) {
        for (std::uint8_t k = 1; k <= 20; ++k) {
            const Bytes key(16, k);
            ASSERT_EQ(common::mac(CodeAlg::HmacSm3, key, data), hmacSm3ByDefinition(key, data));
            ASSERT_NE(common::mac(CodeAlg::HmacSha256, key, data), common::mac(CodeAlg::HmacSm3, key, data));
        }
    }
}

TEST(Mac, IsCorrectFromManyThreadsAtOnce)
{
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < 200; ++i) {
                const Bytes key(32, static_cast<std::uint8_t>(t * 16 + i % 12));
                const Bytes data = toBytes("message " + std::to_string(i));
                if (common::mac(CodeAlg::HmacSm3, key, data) != hmacSm3ByDefinition(key, data))
                    ++failures;
            }
        });
    }
    for (std::thread& th : threads)
        th.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(MacVerify, AcceptsTheFullAndTheSixteenByteTruncatedTag)
{
    const Bytes key = common::randomBytes(32);
    const Bytes data = toBytes("code body");
    for (CodeAlg alg : {CodeAlg::HmacSm3, CodeAlg::HmacSha256}) {
        const Bytes tag = common::mac(alg, key, data);
        ASSERT_EQ(tag.size(), 32u);
        EXPECT_TRUE(common::macVerify(alg, key, data, tag));
        EXPECT_TRUE(common::macVerify(alg, key, data, Bytes(tag.begin(), tag.begin() + 16)));
        EXPECT_FALSE(common::macVerify(alg, key, data, Bytes(tag.begin(), tag.begin() + 15)));
        EXPECT_FALSE(common::macVerify(alg, key, data, {}));
        Bytes longer = tag;
        longer.push_back(0);
        EXPECT_FALSE(common::macVerify(alg, key, data, longer));
    }
}

TEST(MacVerify, RejectsEveryChangedByteWrongKeyAndWrongAlgorithm)
{
    const Bytes key = common::randomBytes(32);
    const Bytes data = toBytes("a dynamic code body");
    for (CodeAlg alg : {CodeAlg::HmacSm3, CodeAlg::HmacSha256}) {
        const Bytes tag = common::mac(alg, key, data);
        for (std::size_t i = 0; i < tag.size(); ++i) {
            Bytes bad = tag;
            bad[i] ^= 0x01;
            EXPECT_FALSE(common::macVerify(alg, key, data, bad)) << "tag byte " << i;
        }
        for (std::size_t i = 0; i < data.size(); ++i) {
            Bytes bad = data;
            bad[i] ^= 0x80;
            EXPECT_FALSE(common::macVerify(alg, key, bad, tag)) << "data byte " << i;
        }
        Bytes otherKey = key;
        otherKey[0] ^= 1;
        EXPECT_FALSE(common::macVerify(alg, otherKey, data, tag));
    }
    EXPECT_FALSE(common::macVerify(CodeAlg::HmacSm3, key, data, common::mac(CodeAlg::HmacSha256, key, data)));
}

TEST(Mac, RefusesSignatureAlgorithmsAndEmptyKeys)
{
    EXPECT_EQ(errorCode([] { common::mac(CodeAlg::Sm2Sm3, Bytes(16, 1), {}); }), "CRYPTO_ALG_INVALID");
    EXPECT_EQ(errorCode([] { common::macVerify(CodeAlg::Ed25519, Bytes(16, 1), {}, Bytes(32)); }),
              "CRYPTO_ALG_INVALID");
    EXPECT_EQ(errorCode([] { common::mac(CodeAlg::HmacSm3, {}, toBytes("x")); }), "CRYPTO_MAC_KEY");
}

// --- AEAD --------------------------------------------------------------------------------

struct AeadVector
{
    const char* name;
    AeadAlg alg;
    std::string key, nonce, aad, plaintext, ciphertext, tag;
};

void PrintTo(const AeadVector& row, std::ostream* os)
{
    *os << row.name;
}

class AeadKnownAnswer : public ::testing::TestWithParam<AeadVector>
{
};

TEST_P(AeadKnownAnswer, OpensTheStandardCiphertext)
{
    const AeadVector& v = GetParam();
    const Bytes sealed = fromHex(v.nonce + v.ciphertext + v.tag);
    EXPECT_EQ(toHex(common::aeadOpen(v.alg, fromHex(v.key), sealed, fromHex(v.aad))), v.plaintext);
    Bytes badTag = sealed;
    badTag.back() ^= 1;
    EXPECT_EQ(errorCode([&] { common::aeadOpen(v.alg, fromHex(v.key), badTag, fromHex(v.aad)); }),
              "CRYPTO_AEAD_FAILED");
}

INSTANTIATE_TEST_SUITE_P(
    Standards, AeadKnownAnswer,
    ::testing::Values(AeadVector{"Sm4GcmRfc8998AppendixA1", AeadAlg::Sm4Gcm, "0123456789abcdeffedcba9876543210",
                                 "00001234567800000000abcd", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                                 "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                                 "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa",
                                 "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                                 "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d",
                                 "83de3541e4c2b58177e065a9bf7b62ec"},
                      AeadVector{"Aes256GcmNistTestCase16", AeadAlg::Aes256Gcm,
                                 "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
                                 "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                                 "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                 "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
                                 "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                 "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                                 "76fc6ece0f4e1768cddf8853bb2d551b"}),
    [](const ::testing::TestParamInfo<AeadVector>& row) { return std::string(row.param.name); });

class Aead : public ::testing::TestWithParam<AeadAlg>
{
protected:
    Bytes key() const { return common::randomBytes(GetParam() == AeadAlg::Sm4Gcm ? 16 : 32); }
};

TEST_P(Aead, RoundTripsEveryLengthAroundTheBlockSize)
{
    const Bytes k = key();
    for (std::size_t n = 0; n <= 70; ++n) {
        Bytes plaintext(n);
        for (std::size_t i = 0; i < n; ++i)
            plaintext[i] = static_cast<std::uint8_t>(i);
        const Bytes aad = toBytes("person:" + std::to_string(n));
        const Bytes sealed = common::aeadSeal(GetParam(), k, plaintext, aad);
        ASSERT_EQ(sealed.size(), 12 + n + 16);
        ASSERT_EQ(common::aeadOpen(GetParam(), k, sealed, aad), plaintext) << n;
        ASSERT_EQ(common::aeadOpen(GetParam(), k, common::aeadSeal(GetParam(), k, plaintext)), plaintext) << n;
    }
}

TEST_P(Aead, UsesAFreshNonceAndHidesThePlaintext)
{
    const Bytes k = key();
    const Bytes plaintext = toBytes("110101199003077777");
    const Bytes a = common::aeadSeal(GetParam(), k, plaintext);
    const Bytes b = common::aeadSeal(GetParam(), k, plaintext);
    EXPECT_NE(Bytes(a.begin(), a.begin() + 12), Bytes(b.begin(), b.begin() + 12));
    EXPECT_NE(a, b);
    EXPECT_EQ(toString(a).find("110101199003077777"), std::string::npos);
}

TEST_P(Aead, RejectsEveryFlippedByteOfTheSealedData)
{
    const Bytes k = key();
    const Bytes aad = toBytes("citizen 42");
    const Bytes sealed = common::aeadSeal(GetParam(), k, toBytes("Zhang San, 13800138000"), aad);
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        for (std::uint8_t flip : {0x01, 0x80}) {
            Bytes bad = sealed;
            bad[i] ^= flip;
            EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), k, bad, aad); }), "CRYPTO_AEAD_FAILED")
                << "byte " << i;
        }
    }
}

TEST_P(Aead, RejectsWrongAadWrongKeyAndTruncation)
{
    const Bytes k = key();
    const Bytes sealed = common::aeadSeal(GetParam(), k, toBytes("secret"), toBytes("row 1"));
    EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), k, sealed, toBytes("row 2")); }), "CRYPTO_AEAD_FAILED");
    EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), k, sealed); }), "CRYPTO_AEAD_FAILED");
    EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), key(), sealed, toBytes("row 1")); }), "CRYPTO_AEAD_FAILED");
    for (std::size_t n : {std::size_t{0}, std::size_t{11}, std::size_t{27}, sealed.size() - 1}) {
        const Bytes cut(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), k, cut, toBytes("row 1")); }), "CRYPTO_AEAD_FAILED")
            << n;
    }
    Bytes extended = sealed;
    extended.push_back(0);
    EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), k, extended, toBytes("row 1")); }), "CRYPTO_AEAD_FAILED");
}

TEST_P(Aead, RefusesKeysOfTheWrongLength)
{
    for (std::size_t n : {0, 15, 17, 24, 31, 33}) {
        if (n == (GetParam() == AeadAlg::Sm4Gcm ? 16u : 32u))
            continue;
        EXPECT_EQ(errorCode([&] { common::aeadSeal(GetParam(), Bytes(n, 1), toBytes("x")); }), "CRYPTO_AEAD_KEY");
        EXPECT_EQ(errorCode([&] { common::aeadOpen(GetParam(), Bytes(n, 1), Bytes(40, 0)); }), "CRYPTO_AEAD_KEY");
    }
}

INSTANTIATE_TEST_SUITE_P(Algorithms, Aead, ::testing::Values(AeadAlg::Sm4Gcm, AeadAlg::Aes256Gcm),
                         [](const ::testing::TestParamInfo<AeadAlg>& row) {
                             return std::string(row.param == AeadAlg::Sm4Gcm ? "Sm4Gcm" : "Aes256Gcm");
                         });

// --- signatures --------------------------------------------------------------------------

class Signature : public ::testing::TestWithParam<CodeAlg>
{
};

TEST_P(Signature, VerifiesItsOwnSignatureInTheExpectedFormat)
{
    const PrivateKey key = PrivateKey::generate(GetParam());
    EXPECT_EQ(key.alg(), GetParam());
    EXPECT_EQ(key.publicKey().alg(), GetParam());
    const Bytes message = toBytes("emergency code 0001");
    const Bytes sig = key.sign(message);
    EXPECT_TRUE(key.publicKey().verify(message, sig));
    if (GetParam() == CodeAlg::Ed25519) {
        EXPECT_EQ(sig.size(), 64u);
        EXPECT_EQ(key.sign(message), sig) << "RFC 8032 signatures are deterministic";
    } else {
        // DER SEQUENCE { INTEGER r, INTEGER s } as `openssl pkeyutl` writes it.
        ASSERT_GE(sig.size(), 8u);
        EXPECT_EQ(sig[0], 0x30);
        EXPECT_EQ(sig[1], sig.size() - 2);
        EXPECT_NE(key.sign(message), sig) << "ECDSA and SM2 signatures are randomised";
    }
    EXPECT_TRUE(key.publicKey().verify({}, key.sign({})));
}

TEST_P(Signature, RejectsEveryChangedByteOfMessageAndSignature)
{
    const PrivateKey key = PrivateKey::generate(GetParam());
    const PublicKey pub = key.publicKey();
    const Bytes message = toBytes("v1|rule 7|nonce 5f3a|2024-05-01T08:00Z");
    const Bytes sig = key.sign(message);
    ASSERT_TRUE(pub.verify(message, sig));
    for (std::size_t i = 0; i < message.size(); ++i) {
        Bytes bad = message;
        bad[i] ^= 0x01;
        EXPECT_FALSE(pub.verify(bad, sig)) << "message byte " << i;
    }
    for (std::size_t i = 0; i < sig.size(); ++i) {
        Bytes bad = sig;
        bad[i] ^= 0x01;
        EXPECT_FALSE(pub.verify(message, bad)) << "signature byte " << i;
    }
}

TEST_P(Signature, RejectsAnotherKeysSignatureAndGarbageWithoutThrowing)
{
    const PrivateKey key = PrivateKey::generate(GetParam());
    const PublicKey pub = key.publicKey();
    const Bytes message = toBytes("code");
    const Bytes sig = key.sign(message);
    EXPECT_FALSE(PrivateKey::generate(GetParam()).publicKey().verify(message, sig));
    EXPECT_FALSE(pub.verify(message, PrivateKey::generate(GetParam()).sign(message)));
    EXPECT_FALSE(pub.verify(message, {}));
    EXPECT_FALSE(pub.verify(message, Bytes(1, 0x30)));
    EXPECT_FALSE(pub.verify(message, Bytes(sig.begin(), sig.end() - 1)));
    EXPECT_FALSE(pub.verify(message, Bytes(sig.begin(), sig.begin() + 1)));
    Bytes longer = sig;
    longer.push_back(0);
    EXPECT_FALSE(pub.verify(message, longer));
    EXPECT_FALSE(pub.verify(message, Bytes(64, 0)));
    EXPECT_FALSE(pub.verify(message, Bytes(72, 0xff)));
    EXPECT_FALSE(pub.verify(message, common::randomBytes(sig.size())));
    EXPECT_FALSE(pub.verify(message, fromHex("3006020100020100"))) << "r = s = 0";
    EXPECT_FALSE(pub.verify(message, Bytes(100000, 0x30)));
    // A failed verification leaves nothing behind that breaks the next one.
    EXPECT_TRUE(pub.verify(message, sig));
}

TEST_P(Signature, RejectsSignaturesOfTheOtherAlgorithms)
{
    const Bytes message = toBytes("cross-algorithm");
    const PublicKey pub = PrivateKey::generate(GetParam()).publicKey();
    for (CodeAlg other : {CodeAlg::Sm2Sm3, CodeAlg::EcdsaP256, CodeAlg::Ed25519}) {
        if (other != GetParam()) {
            EXPECT_FALSE(pub.verify(message, PrivateKey::generate(other).sign(message)));
        }
    }
}

TEST_P(Signature, KeysSurvivePemAndDerRoundTripsWithTheSameKeyId)
{
    const PrivateKey key = PrivateKey::generate(GetParam());
    const std::string pem = key.toPem();
    EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----", 0), 0u) << pem;
    const PrivateKey reloaded = PrivateKey::fromPem(pem);
    EXPECT_EQ(reloaded.alg(), GetParam());
    EXPECT_EQ(reloaded.toPem(), pem);

    const PublicKey pub = key.publicKey();
    const std::string pubPem = pub.toPem();
    EXPECT_EQ(pubPem.rfind("-----BEGIN PUBLIC KEY-----", 0), 0u) << pubPem;
    const PublicKey fromPem = PublicKey::fromPem(pubPem);
    const PublicKey fromDer = PublicKey::fromDer(pub.toDer());
    const Bytes spkiHash = common::sm3(pub.toDer());
    EXPECT_EQ(pub.keyId(), Bytes(spkiHash.begin(), spkiHash.begin() + 8));
    EXPECT_EQ(fromPem.keyId(), pub.keyId());
    EXPECT_EQ(fromDer.keyId(), pub.keyId());
    EXPECT_EQ(reloaded.publicKey().keyId(), pub.keyId());
    EXPECT_NE(PrivateKey::generate(GetParam()).publicKey().keyId(), pub.keyId());
    EXPECT_TRUE(fromPem.verify(toBytes("m"), reloaded.sign(toBytes("m"))));
}

TEST_P(Signature, SavesPrivateKeysReadableByTheOwnerOnly)
{
    ScratchDir dir;
    const PrivateKey key = PrivateKey::generate(GetParam());
    key.save(dir.file("key.pem"));
    EXPECT_EQ(fileMode(dir.file("key.pem")), 0600u);
    EXPECT_EQ(PrivateKey::load(dir.file("key.pem")).toPem(), key.toPem());

    // Overwriting a key file that was world-readable narrows it too.
    writeText(dir.file("old.pem"), "old");
    ::chmod(dir.file("old.pem").c_str(), 0644);
    key.save(dir.file("old.pem"));
    EXPECT_EQ(fileMode(dir.file("old.pem")), 0600u);
    EXPECT_EQ(PrivateKey::load(dir.file("old.pem")).toPem(), key.toPem());

    writeText(dir.file("pub.pem"), key.publicKey().toPem());
    EXPECT_EQ(PublicKey::load(dir.file("pub.pem")).keyId(), key.publicKey().keyId());
}

TEST_P(Signature, IsSafeToShareBetweenThreads)
{
    const PrivateKey key = PrivateKey::generate(GetParam());
    const PublicKey pub = key.publicKey();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                const Bytes message = toBytes("thread " + std::to_string(t) + " code " + std::to_string(i));
                const Bytes sig = key.sign(message);
                if (!pub.verify(message, sig) || pub.verify(toBytes("other"), sig))
                    ++failures;
            }
        });
    }
    for (std::thread& th : threads)
        th.join();
    EXPECT_EQ(failures.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Algorithms, Signature,
                         ::testing::Values(CodeAlg::Sm2Sm3, CodeAlg::EcdsaP256, CodeAlg::Ed25519),
                         [](const ::testing::TestParamInfo<CodeAlg>& row) {
                             switch (row.param) {
                             case CodeAlg::Sm2Sm3:
                                 return std::string("Sm2");
                             case CodeAlg::EcdsaP256:
                                 return std::string("EcdsaP256");
                             default:
                                 return std::string("Ed25519");
                             }
                         });

TEST(SignatureKeys, CannotBeGeneratedForMacAlgorithms)
{
    EXPECT_EQ(errorCode([] { PrivateKey::generate(CodeAlg::HmacSm3); }), "CRYPTO_ALG_INVALID");
}

// --- RFC 8032 Ed25519 --------------------------------------------------------------------

struct Ed25519Vector
{
    const char* name;
    std::string secretKey, publicKey, message, signature;
};

void PrintTo(const Ed25519Vector& row, std::ostream* os)
{
    *os << row.name;
}

class Rfc8032 : public ::testing::TestWithParam<Ed25519Vector>
{
};

// SubjectPublicKeyInfo of an Ed25519 key (RFC 8410 §4) is this prefix and the 32 key bytes.
constexpr char kEd25519SpkiPrefix[] = "302a300506032b6570032100";

TEST_P(Rfc8032, SignsAndVerifiesLikeTheRfc)
{
    const Ed25519Vector& v = GetParam();
    const PrivateKey key = PrivateKey::fromRawEd25519(fromHex(v.secretKey));
    EXPECT_EQ(key.alg(), CodeAlg::Ed25519);
    EXPECT_EQ(toHex(key.publicKey().toDer()), kEd25519SpkiPrefix + v.publicKey);
    EXPECT_EQ(toHex(key.sign(fromHex(v.message))), v.signature);

    const PublicKey pub = PublicKey::fromDer(fromHex(kEd25519SpkiPrefix + v.publicKey));
    EXPECT_TRUE(pub.verify(fromHex(v.message), fromHex(v.signature)));
    Bytes bad = fromHex(v.signature);
    bad[10] ^= 0x04;
    EXPECT_FALSE(pub.verify(fromHex(v.message), bad));
}

INSTANTIATE_TEST_SUITE_P(
    Section7_1, Rfc8032,
    ::testing::Values(
        Ed25519Vector{"Test1EmptyMessage", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                      "d25bf5f0595bbe24655141438e7a100b"},
        Ed25519Vector{"Test2OneByte", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
                      "387b2eaeb4302aeeb00d291612bb0c00"},
        Ed25519Vector{"Test3TwoBytes", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                      "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc659"
                      "4a7c15e9716ed28dc027beceea1ec40a"}),
    [](const ::testing::TestParamInfo<Ed25519Vector>& row) { return std::string(row.param.name); });

TEST(Ed25519RawKey, MustHaveThirtyTwoBytes)
{
    EXPECT_EQ(errorCode([] { PrivateKey::fromRawEd25519(Bytes(31, 1)); }), "CRYPTO_KEY_INVALID");
    EXPECT_EQ(errorCode([] { PrivateKey::fromRawEd25519(Bytes(64, 1)); }), "CRYPTO_KEY_INVALID");
}

// --- SM2 distinguishing ID ---------------------------------------------------------------

// Signs or verifies with SM2/SM3 through EVP directly, with `id` as distinguishing ID, or with
// OpenSSL 3.0's default (empty) ID when `id` is null.
struct EvpSm2
{
    static EVP_PKEY* load(const std::string& pem, bool isPrivate)
    {
        BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
        EVP_PKEY* key = isPrivate ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr)
                                  : PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        return key;
    }

    static Bytes sign(const PrivateKey& key, const Bytes& message, const char* id)
    {
        EVP_PKEY* pkey = load(key.toPem(), true);
        EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new(pkey, nullptr);
        if (id != nullptr)
            EVP_PKEY_CTX_set1_id(pctx, id, static_cast<int>(std::strlen(id)));
        EVP_MD_CTX* md = EVP_MD_CTX_new();
        EVP_MD_CTX_set_pkey_ctx(md, pctx);
        Bytes sig(128);
        std::size_t len = sig.size();
        EXPECT_EQ(EVP_DigestSignInit(md, nullptr, EVP_sm3(), nullptr, pkey), 1);
        EXPECT_EQ(EVP_DigestSign(md, sig.data(), &len, message.data(), message.size()), 1);
        sig.resize(len);
        EVP_MD_CTX_free(md);
        EVP_PKEY_CTX_free(pctx);
        EVP_PKEY_free(pkey);
        return sig;
    }

    static bool verify(const PublicKey& key, const Bytes& message, const Bytes& sig, const char* id)
    {
        EVP_PKEY* pkey = load(key.toPem(), false);
        EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new(pkey, nullptr);
        if (id != nullptr)
            EVP_PKEY_CTX_set1_id(pctx, id, static_cast<int>(std::strlen(id)));
        EVP_MD_CTX* md = EVP_MD_CTX_new();
        EVP_MD_CTX_set_pkey_ctx(md, pctx);
        EXPECT_EQ(EVP_DigestVerifyInit(md, nullptr, EVP_sm3(), nullptr, pkey), 1);
        const bool ok = EVP_DigestVerify(md, sig.data(), sig.size(), message.data(), message.size()) == 1;
        EVP_MD_CTX_free(md);
        EVP_PKEY_CTX_free(pctx);
        EVP_PKEY_free(pkey);
        return ok;
    }
};

TEST(Sm2DistinguishingId, IsTheGmT0009DefaultInBothDirections)
{
    const PrivateKey key = PrivateKey::generate(CodeAlg::Sm2Sm3);
    const Bytes message = toBytes("SM2 with ID");
    const Bytes ours = key.sign(message);
    EXPECT_TRUE(EvpSm2::verify(key.publicKey(), message, ours, "1234567812345678"));
    EXPECT_FALSE(EvpSm2::verify(key.publicKey(), message, ours, nullptr));
    EXPECT_FALSE(EvpSm2::verify(key.publicKey(), message, ours, "1234567812345679"));

    EXPECT_TRUE(key.publicKey().verify(message, EvpSm2::sign(key, message, "1234567812345678")));
    EXPECT_FALSE(key.publicKey().verify(message, EvpSm2::sign(key, message, nullptr)));
    EXPECT_FALSE(key.publicKey().verify(message, EvpSm2::sign(key, message, "ALICE123@YAHOO.COM")));
}

// An SM2 key in the traditional "EC PRIVATE KEY" form (RFC 5915), as older tools write it: an
// EC key whose curve is SM2 (OID 1.2.156.10197.1.301). It must sign with SM2, not ECDSA.
constexpr char kTraditionalSm2Pem[] = "-----BEGIN EC PRIVATE KEY-----\n"
                                      "MHcCAQEEILklrlOea9GZxK5+GsQb/Y5BUNXzs9yR7XowAJUcoCxYoAoGCCqBHM9V\n"
                                      "AYItoUQDQgAEVMBMVJCQpS2YHbU1rhBZhkdm8IZ1XMlKs3IY/8Wlkn4t4Rvbq59+\n"
                                      "CmhJyKXZM5G67/e793zIseNprfNuLIKLtg==\n"
                                      "-----END EC PRIVATE KEY-----\n";
constexpr char kTraditionalSm2PublicPem[] = "-----BEGIN PUBLIC KEY-----\n"
                                            "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEVMBMVJCQpS2YHbU1rhBZhkdm8IZ1\n"
                                            "XMlKs3IY/8Wlkn4t4Rvbq59+CmhJyKXZM5G67/e793zIseNprfNuLIKLtg==\n"
                                            "-----END PUBLIC KEY-----\n";

TEST(Sm2KeyFiles, AnEcKeyOnTheSm2CurveIsTreatedAsSm2)
{
    const PrivateKey key = PrivateKey::fromPem(kTraditionalSm2Pem);
    EXPECT_EQ(key.alg(), CodeAlg::Sm2Sm3);
    const PublicKey pub = PublicKey::fromPem(kTraditionalSm2PublicPem);
    EXPECT_EQ(pub.alg(), CodeAlg::Sm2Sm3);
    EXPECT_EQ(key.publicKey().keyId(), pub.keyId());
    const Bytes message = toBytes("legacy key");
    const Bytes sig = key.sign(message);
    EXPECT_TRUE(pub.verify(message, sig));
    EXPECT_TRUE(EvpSm2::verify(pub, message, sig, "1234567812345678"));
}

TEST(EcKeyFiles, TraditionalP256PemLoads)
{
    EVP_PKEY* pkey = EVP_EC_gen("P-256");
    BIO* bio = BIO_new(BIO_s_mem());
    ASSERT_EQ(PEM_write_bio_PrivateKey_traditional(bio, pkey, nullptr, nullptr, 0, nullptr, nullptr), 1);
    char* data = nullptr;
    const std::string pem(data, static_cast<std::size_t>(BIO_get_mem_data(bio, &data)));
    BIO_free(bio);
    EVP_PKEY_free(pkey);
    ASSERT_EQ(pem.rfind("-----BEGIN EC PRIVATE KEY-----", 0), 0u);
    const PrivateKey key = PrivateKey::fromPem(pem);
    EXPECT_EQ(key.alg(), CodeAlg::EcdsaP256);
    EXPECT_TRUE(key.publicKey().verify(toBytes("x"), key.sign(toBytes("x"))));
}

// --- bad key material --------------------------------------------------------------------

std::string pemOf(EVP_PKEY* pkey, bool encrypted)
{
    BIO* bio = BIO_new(BIO_s_mem());
    static const char passphrase[] = "secret";
    PEM_write_bio_PrivateKey(bio, pkey, encrypted ? EVP_aes_256_cbc() : nullptr, nullptr, 0, nullptr,
                             encrypted ? const_cast<char*>(passphrase) : nullptr);
    char* data = nullptr;
    const std::string pem(data, static_cast<std::size_t>(BIO_get_mem_data(bio, &data)));
    BIO_free(bio);
    return pem;
}

TEST(KeyFiles, MissingFileIsAKeyFileError)
{
    ScratchDir dir;
    EXPECT_EQ(errorCode([&] { PrivateKey::load(dir.file("absent.pem")); }), "CRYPTO_KEY_FILE");
    EXPECT_EQ(errorCode([&] { PublicKey::load(dir.file("absent.pem")); }), "CRYPTO_KEY_FILE");
    EXPECT_EQ(errorCode([&] { PrivateKey::generate(CodeAlg::Ed25519).save(dir.file("no/such/dir/key.pem")); }),
              "CRYPTO_KEY_FILE");
    try {
        PrivateKey::load(dir.file("absent.pem"));
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("absent.pem"), std::string::npos) << e.what();
    }
}

TEST(KeyFiles, CorruptOrWrongKindOfContentIsAnInvalidKey)
{
    ScratchDir dir;
    const PrivateKey key = PrivateKey::generate(CodeAlg::Sm2Sm3);
    std::string corrupt = key.toPem();
    corrupt[40] = corrupt[40] == 'A' ? 'B' : 'A';
    const std::vector<std::string> badPrivate = {"",
                                                 "not a key",
                                                 corrupt,
                                                 key.toPem().substr(0, 60),
                                                 key.publicKey().toPem(),
                                                 "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"};
    for (const std::string& content : badPrivate) {
        writeText(dir.file("bad.pem"), content);
        EXPECT_EQ(errorCode([&] { PrivateKey::load(dir.file("bad.pem")); }), "CRYPTO_KEY_INVALID") << content;
        EXPECT_EQ(errorCode([&] { PrivateKey::fromPem(content); }), "CRYPTO_KEY_INVALID") << content;
    }
    for (const std::string& content : {std::string(), std::string("junk"), key.toPem()}) {
        writeText(dir.file("bad.pub"), content);
        EXPECT_EQ(errorCode([&] { PublicKey::load(dir.file("bad.pub")); }), "CRYPTO_KEY_INVALID") << content;
    }
    EXPECT_EQ(errorCode([] { PublicKey::fromDer({}); }), "CRYPTO_KEY_INVALID");
    EXPECT_EQ(errorCode([] { PublicKey::fromDer(Bytes(91, 0x30)); }), "CRYPTO_KEY_INVALID");
    Bytes trailing = key.publicKey().toDer();
    trailing.push_back(0);
    EXPECT_EQ(errorCode([&] { PublicKey::fromDer(trailing); }), "CRYPTO_KEY_INVALID");
}

TEST(KeyFiles, EncryptedKeysAreRefusedWithoutPrompting)
{
    EVP_PKEY* pkey = EVP_EC_gen("P-256");
    const std::string pem = pemOf(pkey, true);
    EVP_PKEY_free(pkey);
    ASSERT_NE(pem.find("ENCRYPTED"), std::string::npos);
    EXPECT_EQ(errorCode([&] { PrivateKey::fromPem(pem); }), "CRYPTO_KEY_INVALID");
}

TEST(KeyFiles, OtherCurvesAndKeyTypesAreUnsupported)
{
    EVP_PKEY* p384 = EVP_EC_gen("P-384");
    EXPECT_EQ(errorCode([&] { PrivateKey::fromPem(pemOf(p384, false)); }), "CRYPTO_KEY_UNSUPPORTED");
    EVP_PKEY_free(p384);
    EVP_PKEY* x25519 = EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519");
    EXPECT_EQ(errorCode([&] { PrivateKey::fromPem(pemOf(x25519, false)); }), "CRYPTO_KEY_UNSUPPORTED");
    EVP_PKEY_free(x25519);
}

} // namespace
} // namespace citycode::test

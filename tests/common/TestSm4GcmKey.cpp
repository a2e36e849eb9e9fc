// Sm4GcmKey (a prepared SM4-GCM key) against the RFC 8998 vector and against aeadSeal/aeadOpen:
// the same sealed format both ways, every kind of tampering refused, many threads on one key.
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "citycode/common/Sm4GcmKey.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

using citycode::common::AeadAlg;
using citycode::common::Bytes;
using citycode::common::Error;
using citycode::common::fromHex;
using citycode::common::randomBytes;
using citycode::common::Sm4GcmKey;
using citycode::common::toBytes;
using citycode::common::toHex;

namespace {

std::string openError(const Sm4GcmKey& key, const Bytes& sealed, const Bytes& aad)
{
    try {
        key.open(sealed.data(), sealed.size(), aad);
    } catch (const Error& e) {
        return e.code();
    }
    return "opened";
}

} // namespace

TEST(TestSm4GcmKey, OpensTheRfc8998Vector)
{
    // RFC 8998 Appendix A.1 (SM4-GCM): nonce || ciphertext || tag.
    const Sm4GcmKey key(fromHex("0123456789abcdeffedcba9876543210"));
    const Bytes aad = fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    const Bytes sealed = fromHex("00001234567800000000abcd"
                                 "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                                 "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                                 "83de3541e4c2b58177e065a9bf7b62ec");
    EXPECT_EQ(toHex(key.open(sealed.data(), sealed.size(), aad)),
              "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
              "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
}

TEST(TestSm4GcmKey, InteroperatesWithAeadSealAndOpenForEveryLength)
{
    // Where OpenSSL has SM4-GCM (3.2 on) aeadSeal/aeadOpen use it, and this compares two
    // implementations; before 3.2 they wrap Sm4GcmKey, and the RFC 8998 vector above (and
    // AeadKnownAnswer in TestCrypto) is what holds the format.
    const Bytes raw = randomBytes(16);
    const Sm4GcmKey key(raw);
    for (std::size_t length : {0u, 1u, 15u, 16u, 17u, 18u, 31u, 32u, 33u, 100u}) {
        const Bytes plaintext = randomBytes(length);
        const Bytes aad = toBytes("city_users.id_number" + std::to_string(length));
        const Bytes ours = key.seal(plaintext, aad);
        EXPECT_EQ(ours.size(), 12 + length + 16);
        EXPECT_EQ(citycode::common::aeadOpen(AeadAlg::Sm4Gcm, raw, ours, aad), plaintext) << length;
        const Bytes theirs = citycode::common::aeadSeal(AeadAlg::Sm4Gcm, raw, plaintext, aad);
        EXPECT_EQ(key.open(theirs.data(), theirs.size(), aad), plaintext) << length;
    }
}

TEST(TestSm4GcmKey, RefusesEveryChangedByteAnotherKeyAndOtherAssociatedData)
{
    const Sm4GcmKey key(randomBytes(16));
    const Bytes aad = toBytes("city_users.phone");
    const Bytes sealed = key.seal(toBytes("13800138000"), aad);
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        Bytes changed = sealed;
        changed[i] ^= 0x01;
        EXPECT_EQ(openError(key, changed, aad), "CRYPTO_AEAD_FAILED") << "byte " << i;
    }
    EXPECT_EQ(openError(key, sealed, toBytes("city_users.name")), "CRYPTO_AEAD_FAILED");
    EXPECT_EQ(openError(Sm4GcmKey(randomBytes(16)), sealed, aad), "CRYPTO_AEAD_FAILED");
    EXPECT_EQ(openError(key, Bytes(sealed.begin(), sealed.begin() + 27), aad), "CRYPTO_AEAD_FAILED");
    EXPECT_EQ(openError(key, sealed, aad), "opened");
}

TEST(TestSm4GcmKey, RefusesAKeyOfAnotherSize)
{
    EXPECT_THROW(Sm4GcmKey(randomBytes(32)), Error);
}

TEST(TestSm4GcmKey, OneKeyServesManyThreads)
{
    const Sm4GcmKey key(randomBytes(16));
    const Bytes aad = toBytes("city_users.name");
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const Bytes plaintext = toBytes("name " + std::to_string(t) + "/" + std::to_string(i));
                const Bytes sealed = key.seal(plaintext, aad);
                if (key.open(sealed.data(), sealed.size(), aad) != plaintext)
                    ++failures[t];
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(failures, std::vector<int>(4, 0));
}

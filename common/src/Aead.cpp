#include "citycode/common/Crypto.h"

#include "OpenSsl.h"
#include "citycode/common/Error.h"
#include "citycode/common/Sm4GcmKey.h"

#include <openssl/crypto.h>
#include <openssl/err.h>

#include <array>
#include <climits>

namespace citycode::common {

namespace {

constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;
// Lengths pass through OpenSSL as int; SP 800-38D §5.2.1.1 allows far more.
constexpr std::size_t kMaxLength = static_cast<std::size_t>(INT_MAX) - kNonceSize - kTagSize;

const EVP_CIPHER* requireCipher(const EVP_CIPHER* cipher, const char* name)
{
    if (cipher == nullptr)
        throw Error("CRYPTO_UNAVAILABLE", std::string("OpenSSL has no cipher ") + name);
    return cipher;
}

const EVP_CIPHER* aes256Gcm()
{
    static const EVP_CIPHER* const cipher = fetchCipherOrNull("AES-256-GCM");
    return requireCipher(cipher, "AES-256-GCM");
}

// OpenSSL provides SM4-GCM from 3.2 on; 3.0 only has the SM4 block cipher and the modes below.
const EVP_CIPHER* nativeSm4Gcm()
{
    static const EVP_CIPHER* const cipher = fetchCipherOrNull("SM4-GCM");
    return cipher;
}

OpenSslPtr<EVP_CIPHER_CTX> newCipherContext()
{
    OpenSslPtr<EVP_CIPHER_CTX> ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        throwOpenSslError("CRYPTO_OPENSSL", "cannot create a cipher context");
    return ctx;
}

int intLength(std::size_t n)
{
    return static_cast<int>(n);
}

// Runs `in` through an unpadded cipher already initialised in `ctx` (ECB, CTR or GCM).
void cipherUpdate(EVP_CIPHER_CTX* ctx, const std::uint8_t* in, std::size_t n, std::uint8_t* out)
{
    int outLen = 0;
    if (n != 0 && (EVP_CipherUpdate(ctx, out, &outLen, in, intLength(n)) != 1 || outLen != intLength(n)))
        throwOpenSslError("CRYPTO_OPENSSL", "cipher update failed");
}

// Sealing with a native GCM cipher: returns ciphertext || tag.
Bytes evpGcmSeal(const EVP_CIPHER* cipher, const Bytes& key, const Bytes& nonce, const Bytes& plaintext,
                 const Bytes& aad)
{
    OpenSslPtr<EVP_CIPHER_CTX> ctx = newCipherContext();
    if (EVP_EncryptInit_ex2(ctx.get(), cipher, key.data(), nonce.data(), nullptr) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "GCM initialisation failed");
    int len = 0;
    if (!aad.empty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, aad.data(), intLength(aad.size())) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "GCM associated data failed");
    Bytes out(plaintext.size() + kTagSize);
    cipherUpdate(ctx.get(), plaintext.data(), plaintext.size(), out.data());
    if (EVP_EncryptFinal_ex(ctx.get(), out.data() + plaintext.size(), &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, intLength(kTagSize), out.data() + plaintext.size()) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "GCM finalisation failed");
    return out;
}

// Opening with a native GCM cipher; false when the tag does not match.
bool evpGcmOpen(const EVP_CIPHER* cipher, const Bytes& key, const std::uint8_t* nonce, const std::uint8_t* ct,
                std::size_t ctLen, const std::uint8_t* tag, const Bytes& aad, Bytes& plaintext)
{
    OpenSslPtr<EVP_CIPHER_CTX> ctx = newCipherContext();
    if (EVP_DecryptInit_ex2(ctx.get(), cipher, key.data(), nonce, nullptr) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "GCM initialisation failed");
    int len = 0;
    if (!aad.empty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, aad.data(), intLength(aad.size())) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "GCM associated data failed");
    plaintext.resize(ctLen);
    cipherUpdate(ctx.get(), ct, ctLen, plaintext.data());
    std::array<std::uint8_t, kTagSize> expected{};
    std::copy(tag, tag + kTagSize, expected.begin());
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, intLength(kTagSize), expected.data()) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "GCM tag setup failed");
    const bool ok = EVP_DecryptFinal_ex(ctx.get(), plaintext.data() + ctLen, &len) == 1;
    ERR_clear_error();
    return ok;
}

void checkKey(AeadAlg alg, const Bytes& key)
{
    const std::size_t expected = alg == AeadAlg::Sm4Gcm ? 16 : 32;
    if (alg != AeadAlg::Sm4Gcm && alg != AeadAlg::Aes256Gcm)
        throw Error("CRYPTO_ALG_INVALID", "unknown AEAD algorithm");
    if (key.size() != expected)
        throw Error("CRYPTO_AEAD_KEY", std::string(alg == AeadAlg::Sm4Gcm ? "SM4-GCM" : "AES-256-GCM") + " needs a " +
                                           std::to_string(expected) + "-byte key, got " + std::to_string(key.size()));
}

} // namespace

const EVP_CIPHER* fetchCipherOrNull(const char* name)
{
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, name, nullptr);
    if (cipher == nullptr)
        ERR_clear_error();
    return cipher;
}

Bytes aeadSeal(AeadAlg alg, const Bytes& key, const Bytes& plaintext, const Bytes& aad)
{
    checkKey(alg, key);
    if (plaintext.size() > kMaxLength || aad.size() > kMaxLength)
        throw Error("CRYPTO_AEAD_TOO_LARGE", "data too large to encrypt");
    // A random 96-bit nonce per message (SP 800-38D §8.2.2); keys encrypt far fewer than the
    // 2^32 messages that bound allows.
    const Bytes nonce = randomBytes(kNonceSize);
    const EVP_CIPHER* native = alg == AeadAlg::Aes256Gcm ? aes256Gcm() : nativeSm4Gcm();
    Bytes sealed(nonce);
    if (native != nullptr) {
        const Bytes body = evpGcmSeal(native, key, nonce, plaintext, aad);
        sealed.insert(sealed.end(), body.begin(), body.end());
        return sealed;
    }
    // OpenSSL before 3.2 has no SM4-GCM: GCM over its SM4 block cipher, in the same format.
    return Sm4GcmKey(key).seal(plaintext, aad);
}

Bytes aeadOpen(AeadAlg alg, const Bytes& key, const Bytes& sealed, const Bytes& aad)
{
    checkKey(alg, key);
    if (sealed.size() < kNonceSize + kTagSize)
        throw Error("CRYPTO_AEAD_FAILED", "sealed data is truncated");
    if (sealed.size() > kMaxLength + kNonceSize + kTagSize || aad.size() > kMaxLength)
        throw Error("CRYPTO_AEAD_FAILED", "sealed data is too large");
    const std::uint8_t* nonce = sealed.data();
    const std::uint8_t* ct = nonce + kNonceSize;
    const std::size_t ctLen = sealed.size() - kNonceSize - kTagSize;
    const std::uint8_t* tag = ct + ctLen;
    const EVP_CIPHER* native = alg == AeadAlg::Aes256Gcm ? aes256Gcm() : nativeSm4Gcm();
    Bytes plaintext;
    if (native != nullptr) {
        if (!evpGcmOpen(native, key, nonce, ct, ctLen, tag, aad, plaintext)) {
            OPENSSL_cleanse(plaintext.data(), plaintext.size());
            throw Error("CRYPTO_AEAD_FAILED", "decryption failed: tampered data, wrong key or wrong context");
        }
        return plaintext;
    }
    return Sm4GcmKey(key).open(sealed.data(), sealed.size(), aad);
}

} // namespace citycode::common

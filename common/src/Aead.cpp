#include "citycode/common/Crypto.h"

#include "OpenSsl.h"
#include "citycode/common/Error.h"

#include <openssl/crypto.h>
#include <openssl/err.h>

#include <array>
#include <climits>

namespace citycode::common {

namespace {

constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;
constexpr std::size_t kBlockSize = 16;
// Lengths pass through OpenSSL as int; SP 800-38D §5.2.1.1 allows far more.
constexpr std::size_t kMaxLength = static_cast<std::size_t>(INT_MAX) - kNonceSize - kTagSize;

using Block = std::array<std::uint8_t, kBlockSize>;

// A cipher fetched once per process; nullptr when this OpenSSL lacks it.
const EVP_CIPHER* fetchCipherOrNull(const char* name)
{
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, name, nullptr);
    if (cipher == nullptr)
        ERR_clear_error();
    return cipher;
}

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

const EVP_CIPHER* sm4Ecb()
{
    static const EVP_CIPHER* const cipher = fetchCipherOrNull("SM4-ECB");
    return requireCipher(cipher, "SM4-ECB");
}

const EVP_CIPHER* sm4Ctr()
{
    static const EVP_CIPHER* const cipher = fetchCipherOrNull("SM4-CTR");
    return requireCipher(cipher, "SM4-CTR");
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

std::uint64_t load64(const std::uint8_t* p)
{
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | p[i];
    return v;
}

void store64(std::uint64_t v, std::uint8_t* p)
{
    for (int i = 7; i >= 0; --i, v >>= 8)
        p[i] = static_cast<std::uint8_t>(v);
}

// GHASH (NIST SP 800-38D §6.4) in constant time: bit-serial multiplication in GF(2^128)
// (Algorithm 1) with masks instead of branches, and no lookup tables, whose cache traces would
// leak H. Fast enough for the short personal data it protects.
class Ghash
{
public:
    explicit Ghash(const Block& h) : m_hHi(load64(h.data())), m_hLo(load64(h.data() + 8)) {}
    Ghash(const Ghash&) = delete;
    Ghash& operator=(const Ghash&) = delete;
    ~Ghash()
    {
        OPENSSL_cleanse(&m_hHi, sizeof(m_hHi));
        OPENSSL_cleanse(&m_hLo, sizeof(m_hLo));
    }

    // Absorbs `data` zero-padded to a whole number of blocks (§7.1 step 5).
    void update(const std::uint8_t* data, std::size_t n)
    {
        for (std::size_t i = 0; i < n; i += kBlockSize) {
            Block block{};
            std::copy(data + i, data + i + std::min(kBlockSize, n - i), block.begin());
            absorb(block);
        }
    }

    // Absorbs len(A) || len(C) in bits and returns the hash S.
    Block finish(std::size_t aadBytes, std::size_t ctBytes)
    {
        Block lengths{};
        store64(static_cast<std::uint64_t>(aadBytes) * 8, lengths.data());
        store64(static_cast<std::uint64_t>(ctBytes) * 8, lengths.data() + 8);
        absorb(lengths);
        Block s{};
        store64(m_yHi, s.data());
        store64(m_yLo, s.data() + 8);
        return s;
    }

private:
    void absorb(const Block& block)
    {
        m_yHi ^= load64(block.data());
        m_yLo ^= load64(block.data() + 8);
        std::uint64_t zHi = 0, zLo = 0, vHi = m_hHi, vLo = m_hLo;
        for (int i = 0; i < 128; ++i) {
            const std::uint64_t bit = i < 64 ? (m_yHi >> (63 - i)) & 1 : (m_yLo >> (127 - i)) & 1;
            const std::uint64_t take = 0 - bit;
            zHi ^= vHi & take;
            zLo ^= vLo & take;
            const std::uint64_t reduce = 0 - (vLo & 1);
            vLo = (vLo >> 1) | (vHi << 63);
            vHi = (vHi >> 1) ^ (0xE100000000000000ULL & reduce); // R = 11100001 || 0^120
        }
        m_yHi = zHi;
        m_yLo = zLo;
    }

    std::uint64_t m_hHi;
    std::uint64_t m_hLo;
    std::uint64_t m_yHi = 0;
    std::uint64_t m_yLo = 0;
};

// GCM (SP 800-38D §7) over the SM4 block cipher, as RFC 8998 §3.1 specifies it: H = E(K, 0^128),
// J0 = nonce || 0^31 || 1 for a 96-bit nonce, CTR from inc32(J0), tag = E(K, J0) xor GHASH.
class Sm4Gcm
{
public:
    Sm4Gcm(const Bytes& key, const std::uint8_t* nonce) : m_key(key)
    {
        std::copy(nonce, nonce + kNonceSize, m_counter.begin());
        m_counter[15] = 1; // J0
        // One ECB call yields both H = E(K, 0^128) and E(K, J0).
        std::array<std::uint8_t, 2 * kBlockSize> in{}, out{};
        std::copy(m_counter.begin(), m_counter.end(), in.begin() + kBlockSize);
        OpenSslPtr<EVP_CIPHER_CTX> ctx = newCipherContext();
        if (EVP_EncryptInit_ex2(ctx.get(), sm4Ecb(), key.data(), nullptr, nullptr) != 1 ||
            EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
            throwOpenSslError("CRYPTO_OPENSSL", "SM4 initialisation failed");
        cipherUpdate(ctx.get(), in.data(), in.size(), out.data());
        std::copy(out.begin(), out.begin() + kBlockSize, m_h.begin());
        std::copy(out.begin() + kBlockSize, out.end(), m_encryptedJ0.begin());
        OPENSSL_cleanse(out.data(), out.size());
        m_counter[15] = 2; // inc32(J0): the first keystream block
    }
    Sm4Gcm(const Sm4Gcm&) = delete;
    Sm4Gcm& operator=(const Sm4Gcm&) = delete;
    ~Sm4Gcm()
    {
        OPENSSL_cleanse(m_h.data(), m_h.size());
        OPENSSL_cleanse(m_encryptedJ0.data(), m_encryptedJ0.size());
    }

    // GCTR (§6.5). OpenSSL's CTR mode increments all 128 bits while GCM's inc32 wraps the low
    // 32; they agree because the counter starts at 2 and kMaxLength keeps it below 2^32.
    void ctr(const std::uint8_t* in, std::size_t n, std::uint8_t* out) const
    {
        OpenSslPtr<EVP_CIPHER_CTX> ctx = newCipherContext();
        if (EVP_EncryptInit_ex2(ctx.get(), sm4Ctr(), m_key.data(), m_counter.data(), nullptr) != 1)
            throwOpenSslError("CRYPTO_OPENSSL", "SM4-CTR initialisation failed");
        cipherUpdate(ctx.get(), in, n, out);
    }

    Block tag(const Bytes& aad, const std::uint8_t* ct, std::size_t ctLen) const
    {
        Ghash ghash(m_h);
        ghash.update(aad.data(), aad.size());
        ghash.update(ct, ctLen);
        Block t = ghash.finish(aad.size(), ctLen);
        for (std::size_t i = 0; i < kBlockSize; ++i)
            t[i] ^= m_encryptedJ0[i];
        return t;
    }

private:
    const Bytes& m_key;
    Block m_counter{};
    Block m_h{};
    Block m_encryptedJ0{};
};

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
    Sm4Gcm gcm(key, nonce.data());
    sealed.resize(kNonceSize + plaintext.size() + kTagSize);
    std::uint8_t* ct = sealed.data() + kNonceSize;
    gcm.ctr(plaintext.data(), plaintext.size(), ct);
    const Block tag = gcm.tag(aad, ct, plaintext.size());
    std::copy(tag.begin(), tag.end(), ct + plaintext.size());
    return sealed;
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
    // Authenticate before decrypting, so no unauthenticated plaintext ever exists.
    Sm4Gcm gcm(key, nonce);
    const Block expected = gcm.tag(aad, ct, ctLen);
    if (CRYPTO_memcmp(expected.data(), tag, kTagSize) != 0)
        throw Error("CRYPTO_AEAD_FAILED", "decryption failed: tampered data, wrong key or wrong context");
    plaintext.resize(ctLen);
    gcm.ctr(ct, ctLen, plaintext.data());
    return plaintext;
}

} // namespace citycode::common

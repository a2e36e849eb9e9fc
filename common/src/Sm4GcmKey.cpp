#include "citycode/common/Sm4GcmKey.h"

#include "OpenSsl.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"

#include <openssl/crypto.h>
#include <openssl/modes.h>

#include <climits>

namespace citycode::common {

namespace {

constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;
constexpr std::size_t kKeySize = 16;
// Lengths pass through OpenSSL as int (as in Aead.cpp); SP 800-38D §5.2.1.1 allows far more.
constexpr std::size_t kMaxLength = static_cast<std::size_t>(INT_MAX) - kNonceSize - kTagSize;

const EVP_CIPHER* sm4Ecb()
{
    static const EVP_CIPHER* const cipher = fetchCipherOrNull("SM4-ECB");
    if (cipher == nullptr)
        throw Error("CRYPTO_UNAVAILABLE", "OpenSSL has no cipher SM4-ECB");
    return cipher;
}

// The block cipher CRYPTO_gcm128 calls: one SM4 block through a keyed ECB context of this message.
struct Block
{
    EVP_CIPHER_CTX* ecb = nullptr;
    bool failed = false;
};

void encryptBlock(const unsigned char in[16], unsigned char out[16], const void* key)
{
    auto* block = static_cast<Block*>(const_cast<void*>(key));
    int length = 0;
    if (EVP_EncryptUpdate(block->ecb, out, &length, in, 16) != 1 || length != 16)
        block->failed = true;
}

// One message: a copy of the keyed ECB context (copying the key schedule is cheaper than
// making it) and a GCM context over it; both wiped and freed at the end.
class Message
{
public:
    Message(const EVP_CIPHER_CTX* schedule, const std::uint8_t* nonce, const Bytes& aad)
    {
        m_ecb.reset(EVP_CIPHER_CTX_new());
        if (!m_ecb || EVP_CIPHER_CTX_copy(m_ecb.get(), schedule) != 1)
            throwOpenSslError("CRYPTO_OPENSSL", "cannot copy the SM4 key schedule");
        m_block.ecb = m_ecb.get();
        m_gcm = CRYPTO_gcm128_new(&m_block, encryptBlock);
        if (m_gcm == nullptr)
            throw Error("CRYPTO_OPENSSL", "cannot create a GCM context");
        CRYPTO_gcm128_setiv(m_gcm, nonce, kNonceSize);
        if (!aad.empty() && CRYPTO_gcm128_aad(m_gcm, aad.data(), aad.size()) != 0)
            throw Error("CRYPTO_OPENSSL", "GCM associated data failed");
        check();
    }
    Message(const Message&) = delete;
    Message& operator=(const Message&) = delete;
    ~Message() { CRYPTO_gcm128_release(m_gcm); }

    GCM128_CONTEXT* gcm() const { return m_gcm; }

    bool failed() const { return m_block.failed; }
    void check() const
    {
        if (m_block.failed)
            throwOpenSslError("CRYPTO_OPENSSL", "SM4 block encryption failed");
    }

private:
    OpenSslPtr<EVP_CIPHER_CTX> m_ecb;
    Block m_block;
    GCM128_CONTEXT* m_gcm = nullptr;
};

} // namespace

struct Sm4GcmKey::Schedule
{
    OpenSslPtr<EVP_CIPHER_CTX> ecb;
};

Sm4GcmKey::Sm4GcmKey(const Bytes& key) : m_schedule(std::make_unique<Schedule>())
{
    if (key.size() != kKeySize)
        throw Error("CRYPTO_AEAD_KEY", "SM4-GCM needs a 16-byte key, got " + std::to_string(key.size()));
    m_schedule->ecb.reset(EVP_CIPHER_CTX_new());
    if (!m_schedule->ecb || EVP_EncryptInit_ex2(m_schedule->ecb.get(), sm4Ecb(), key.data(), nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(m_schedule->ecb.get(), 0) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "SM4 initialisation failed");
}

Sm4GcmKey::~Sm4GcmKey() = default;

Bytes Sm4GcmKey::seal(const Bytes& plaintext, const Bytes& aad) const
{
    if (plaintext.size() > kMaxLength || aad.size() > kMaxLength)
        throw Error("CRYPTO_AEAD_TOO_LARGE", "data too large to encrypt");
    // A random 96-bit nonce per message (SP 800-38D §8.2.2), as aeadSeal.
    Bytes sealed = randomBytes(kNonceSize);
    sealed.resize(kNonceSize + plaintext.size() + kTagSize);
    Message message(m_schedule->ecb.get(), sealed.data(), aad);
    std::uint8_t* ct = sealed.data() + kNonceSize;
    if (!plaintext.empty() && CRYPTO_gcm128_encrypt(message.gcm(), plaintext.data(), ct, plaintext.size()) != 0)
        throw Error("CRYPTO_OPENSSL", "GCM encryption failed");
    CRYPTO_gcm128_tag(message.gcm(), ct + plaintext.size(), kTagSize);
    message.check();
    return sealed;
}

Bytes Sm4GcmKey::open(const std::uint8_t* sealed, std::size_t size, const Bytes& aad) const
{
    if (size < kNonceSize + kTagSize)
        throw Error("CRYPTO_AEAD_FAILED", "sealed data is truncated");
    if (size > kMaxLength + kNonceSize + kTagSize || aad.size() > kMaxLength)
        throw Error("CRYPTO_AEAD_FAILED", "sealed data is too large");
    const std::uint8_t* ct = sealed + kNonceSize;
    const std::size_t ctLen = size - kNonceSize - kTagSize;
    Message message(m_schedule->ecb.get(), sealed, aad);
    Bytes plaintext(ctLen);
    // GCM hashes the ciphertext while it decrypts; a value whose tag does not match is wiped
    // before anything sees it.
    const bool decrypted = ctLen == 0 || CRYPTO_gcm128_decrypt(message.gcm(), ct, plaintext.data(), ctLen) == 0;
    const bool authentic = decrypted && CRYPTO_gcm128_finish(message.gcm(), ct + ctLen, kTagSize) == 0;
    if (!authentic || message.failed()) {
        OPENSSL_cleanse(plaintext.data(), plaintext.size());
        message.check();
        throw Error("CRYPTO_AEAD_FAILED", "decryption failed: tampered data, wrong key or wrong context");
    }
    return plaintext;
}

} // namespace citycode::common

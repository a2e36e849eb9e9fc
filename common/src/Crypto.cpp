#include "citycode/common/Crypto.h"

#include "OpenSsl.h"
#include "citycode/common/Error.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <vector>

namespace citycode::common {

namespace {

const EVP_MD* fetchDigest(const char* name)
{
    EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
    if (md == nullptr)
        throwOpenSslError("CRYPTO_UNAVAILABLE", std::string("OpenSSL has no digest ") + name);
    return md;
}

const EVP_MAC* fetchedHmac()
{
    static EVP_MAC* const hmac = [] {
        EVP_MAC* m = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        if (m == nullptr)
            throwOpenSslError("CRYPTO_UNAVAILABLE", "OpenSSL has no HMAC");
        return m;
    }();
    return hmac;
}

void requireMacAlg(CodeAlg alg)
{
    if (!isMacAlg(alg))
        throw Error("CRYPTO_ALG_INVALID", std::string(codeAlgName(alg)) + " is not a MAC algorithm");
}

// Keyed HMAC contexts of the calling thread. Keying an HMAC hashes the key into the inner and
// outer pads (RFC 2104 §2); re-initialising a keyed context without a key restarts from the
// saved pads, which saves two compression-function calls and a context allocation per code and
// is what `openssl speed -hmac` measures. Servers verify with a handful of keys, so a few
// slots per thread suffice; evicted and thread-exit keys are wiped.
class MacContextCache
{
public:
    MacContextCache() { m_slots.reserve(kMaxSlots); }
    MacContextCache(const MacContextCache&) = delete;
    MacContextCache& operator=(const MacContextCache&) = delete;
    ~MacContextCache()
    {
        for (Slot& slot : m_slots)
            OPENSSL_cleanse(slot.key.data(), slot.key.size());
    }

    // A context keyed with `key`, reset and ready for EVP_MAC_update.
    EVP_MAC_CTX* contextFor(CodeAlg alg, const Bytes& key)
    {
        auto hit =
            std::find_if(m_slots.begin(), m_slots.end(), [&](const Slot& s) { return s.alg == alg && s.key == key; });
        if (hit != m_slots.end()) {
            std::rotate(m_slots.begin(), hit, hit + 1);
            if (EVP_MAC_init(m_slots.front().ctx.get(), nullptr, 0, nullptr) != 1)
                throwOpenSslError("CRYPTO_OPENSSL", "HMAC re-initialisation failed");
            return m_slots.front().ctx.get();
        }
        OpenSslPtr<EVP_MAC_CTX> ctx(EVP_MAC_CTX_new(const_cast<EVP_MAC*>(fetchedHmac())));
        if (!ctx)
            throwOpenSslError("CRYPTO_OPENSSL", "cannot create an HMAC context");
        std::string digestName = alg == CodeAlg::HmacSm3 ? "SM3" : "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName.data(), 0),
                                     OSSL_PARAM_construct_end()};
        if (EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1)
            throwOpenSslError("CRYPTO_OPENSSL", "HMAC initialisation failed");
        if (m_slots.size() < kMaxSlots) {
            m_slots.emplace_back();
        } else {
            OPENSSL_cleanse(m_slots.back().key.data(), m_slots.back().key.size());
        }
        Slot& slot = m_slots.back();
        slot.alg = alg;
        slot.key = key;
        slot.ctx = std::move(ctx);
        std::rotate(m_slots.begin(), m_slots.end() - 1, m_slots.end());
        return m_slots.front().ctx.get();
    }

private:
    struct Slot
    {
        CodeAlg alg = CodeAlg::HmacSm3;
        Bytes key;
        OpenSslPtr<EVP_MAC_CTX> ctx;
    };
    static constexpr std::size_t kMaxSlots = 8;
    std::vector<Slot> m_slots; // most recently used first
};

// Computes the full MAC into `out` (at least EVP_MAX_MD_SIZE bytes); returns its length.
std::size_t computeMac(CodeAlg alg, const Bytes& key, const Bytes& data, unsigned char* out)
{
    requireMacAlg(alg);
    // An empty secret would make every code forgeable: a configuration error, not a key.
    if (key.empty())
        throw Error("CRYPTO_MAC_KEY", "MAC key is empty");
    thread_local MacContextCache cache;
    EVP_MAC_CTX* ctx = cache.contextFor(alg, key);
    std::size_t len = 0;
    if (EVP_MAC_update(ctx, data.data(), data.size()) != 1 || EVP_MAC_final(ctx, out, &len, EVP_MAX_MD_SIZE) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", "HMAC computation failed");
    return len;
}

Bytes digest(const EVP_MD* md, const Bytes& data)
{
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1)
        throwOpenSslError("CRYPTO_OPENSSL", std::string("digest ") + EVP_MD_get0_name(md) + " failed");
    out.resize(len);
    return out;
}

std::string lowerCase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

void throwOpenSslError(const std::string& code, const std::string& what)
{
    const unsigned long err = ERR_get_error();
    ERR_clear_error();
    if (err == 0)
        throw Error(code, what);
    std::array<char, 256> reason{};
    ERR_error_string_n(err, reason.data(), reason.size());
    throw Error(code, what + " (" + reason.data() + ")");
}

const EVP_MD* fetchedSm3()
{
    static const EVP_MD* const md = fetchDigest("SM3");
    return md;
}

const EVP_MD* fetchedSha256()
{
    static const EVP_MD* const md = fetchDigest("SHA256");
    return md;
}

bool isMacAlg(CodeAlg alg)
{
    return alg == CodeAlg::HmacSm3 || alg == CodeAlg::HmacSha256;
}

bool isSignatureAlg(CodeAlg alg)
{
    return alg == CodeAlg::Sm2Sm3 || alg == CodeAlg::EcdsaP256 || alg == CodeAlg::Ed25519;
}

const char* codeAlgName(CodeAlg alg)
{
    switch (alg) {
    case CodeAlg::HmacSm3:
        return "HMAC-SM3";
    case CodeAlg::HmacSha256:
        return "HMAC-SHA256";
    case CodeAlg::Sm2Sm3:
        return "SM2-SM3";
    case CodeAlg::EcdsaP256:
        return "ECDSA-P256";
    case CodeAlg::Ed25519:
        return "Ed25519";
    }
    return "unknown";
}

CodeAlg parseCodeAlg(const std::string& name)
{
    const std::string n = lowerCase(name);
    for (CodeAlg alg : {CodeAlg::HmacSm3, CodeAlg::HmacSha256, CodeAlg::Sm2Sm3, CodeAlg::EcdsaP256, CodeAlg::Ed25519})
        if (n == lowerCase(codeAlgName(alg)))
            return alg;
    if (n == "sm2")
        return CodeAlg::Sm2Sm3;
    if (n == "p256")
        return CodeAlg::EcdsaP256;
    throw Error("CRYPTO_ALG_UNKNOWN", "unknown algorithm '" + name +
                                          "' (expected sm2, p256, ed25519, HMAC-SM3, HMAC-SHA256, SM2-SM3, "
                                          "ECDSA-P256 or Ed25519)");
}

Bytes randomBytes(std::size_t n)
{
    if (n > static_cast<std::size_t>(INT_MAX))
        throw Error("CRYPTO_RANDOM", "too many random bytes requested");
    Bytes out(n);
    if (n != 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1)
        throwOpenSslError("CRYPTO_RANDOM", "the random generator failed");
    return out;
}

Bytes sm3(const Bytes& data)
{
    return digest(fetchedSm3(), data);
}

Bytes sha256(const Bytes& data)
{
    return digest(fetchedSha256(), data);
}

Bytes mac(CodeAlg alg, const Bytes& key, const Bytes& data)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    const std::size_t len = computeMac(alg, key, data, out.data());
    return Bytes(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(len));
}

bool macVerify(CodeAlg alg, const Bytes& key, const Bytes& data, const Bytes& tag)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> expected{};
    const std::size_t len = computeMac(alg, key, data, expected.data());
    // Codes carry the leftmost 16 bytes of the MAC (RFC 2104 §5 truncation); anything shorter
    // is too weak to accept. CRYPTO_memcmp takes the same time wherever the first difference is.
    if (tag.size() < 16 || tag.size() > len)
        return false;
    return CRYPTO_memcmp(expected.data(), tag.data(), tag.size()) == 0;
}

} // namespace citycode::common

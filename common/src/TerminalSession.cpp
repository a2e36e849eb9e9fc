#include "citycode/common/TerminalSession.h"

#include "OpenSsl.h"
#include "citycode/common/CodePayload.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"

#include <openssl/crypto.h>
#include <openssl/err.h>

namespace citycode::common {

namespace {

constexpr std::size_t kX25519Size = 32;
constexpr char kSessionKeyLabel[] = "CITYCODE-TERMINAL-SESSION-KEY-V1";
constexpr char kWrapKeyLabel[] = "CITYCODE-TERMINAL-SESSION-WRAP-V1";

void putBigEndian(Bytes& out, std::uint64_t value)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

std::uint64_t getBigEndian(const Bytes& in, std::size_t at)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i)
        value = (value << 8) | in[at + i];
    return value;
}

Bytes withLabel(const char* label, const std::string& text)
{
    Bytes bytes = toBytes(label);
    bytes.push_back('\n');
    const Bytes rest = toBytes(text);
    bytes.insert(bytes.end(), rest.begin(), rest.end());
    return bytes;
}

} // namespace

struct EphemeralKey::Impl
{
    OpenSslPtr<EVP_PKEY> key;
};

EphemeralKey EphemeralKey::generate()
{
    auto impl = std::make_shared<Impl>();
    impl->key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    if (!impl->key)
        throwOpenSslError("CRYPTO_OPENSSL", "X25519 key generation failed");
    return EphemeralKey(std::move(impl));
}

Bytes EphemeralKey::publicKey() const
{
    Bytes out(kX25519Size);
    std::size_t size = out.size();
    if (EVP_PKEY_get_raw_public_key(m_impl->key.get(), out.data(), &size) != 1 || size != kX25519Size)
        throwOpenSslError("CRYPTO_OPENSSL", "X25519 public key export failed");
    return out;
}

Bytes EphemeralKey::agree(const Bytes& peerPublicKey) const
{
    if (peerPublicKey.size() != kX25519Size)
        throw Error("SESSION_KEY_INVALID", "the ephemeral key must be 32 bytes of X25519");
    OpenSslPtr<EVP_PKEY> peer(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peerPublicKey.data(), peerPublicKey.size()));
    OpenSslPtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_impl->key.get(), nullptr));
    Bytes secret(kX25519Size);
    std::size_t size = secret.size();
    // OpenSSL refuses a low-order peer key (an all-zero shared secret) in EVP_PKEY_derive.
    if (!peer || !ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), secret.data(), &size) != 1 || size != kX25519Size) {
        ERR_clear_error();
        throw Error("SESSION_KEY_INVALID", "the ephemeral key is not a usable X25519 public key");
    }
    return secret;
}

std::string SessionTicket::encode() const
{
    if (keyId.size() != kKeyIdSize || random.size() != kRandomSize)
        throw Error("SESSION_INVALID", "a session ticket needs a key id and 16 random bytes");
    Bytes bytes{kVersion};
    bytes.insert(bytes.end(), keyId.begin(), keyId.end());
    putBigEndian(bytes, static_cast<std::uint64_t>(terminalId));
    putBigEndian(bytes, static_cast<std::uint64_t>(expiresAt));
    bytes.insert(bytes.end(), random.begin(), random.end());
    return toHex(bytes);
}

SessionTicket SessionTicket::decode(const std::string& sessionId)
{
    constexpr std::size_t kSize = 1 + kKeyIdSize + 8 + 8 + kRandomSize;
    Bytes bytes;
    try {
        if (sessionId.size() == 2 * kSize)
            bytes = fromHex(sessionId);
    } catch (const Error&) {
        bytes.clear();
    }
    if (bytes.size() != kSize || bytes[0] != kVersion)
        throw Error("SESSION_INVALID", "X-CityCode-Session is not a session id of this server");
    SessionTicket ticket;
    ticket.keyId.assign(bytes.begin() + 1, bytes.begin() + 1 + kKeyIdSize);
    ticket.terminalId = static_cast<std::int64_t>(getBigEndian(bytes, 1 + kKeyIdSize));
    ticket.expiresAt = static_cast<std::int64_t>(getBigEndian(bytes, 1 + kKeyIdSize + 8));
    ticket.random.assign(bytes.end() - kRandomSize, bytes.end());
    return ticket;
}

Bytes terminalSessionKey(const Bytes& platformMacSecret, const std::string& sessionId,
                         const std::string& terminalPublicKeyPem)
{
    // A key of its own for sessions, so that no session key is ever a MAC of the code format.
    const Bytes sessionRoot = mac(CodeAlg::HmacSha256, platformMacSecret, toBytes(kSessionKeyLabel));
    Bytes message = withLabel(kSessionKeyLabel, sessionId);
    message.push_back('\n');
    const Bytes keyHash = sha256(toBytes(terminalPublicKeyPem));
    message.insert(message.end(), keyHash.begin(), keyHash.end());
    return mac(CodeAlg::HmacSha256, sessionRoot, message);
}

Bytes wrapSessionKey(const Bytes& sharedSecret, const std::string& sessionId, const Bytes& sessionKey)
{
    const Bytes wrapKey = mac(CodeAlg::HmacSha256, sharedSecret, withLabel(kWrapKeyLabel, sessionId));
    return aeadSeal(AeadAlg::Aes256Gcm, wrapKey, sessionKey, toBytes(sessionId));
}

Bytes unwrapSessionKey(const Bytes& sharedSecret, const std::string& sessionId, const Bytes& wrapped)
{
    const Bytes wrapKey = mac(CodeAlg::HmacSha256, sharedSecret, withLabel(kWrapKeyLabel, sessionId));
    try {
        return aeadOpen(AeadAlg::Aes256Gcm, wrapKey, wrapped, toBytes(sessionId));
    } catch (const Error&) {
        throw Error("SESSION_KEY_INVALID", "the wrapped session key does not open with this ephemeral key");
    }
}

} // namespace citycode::common

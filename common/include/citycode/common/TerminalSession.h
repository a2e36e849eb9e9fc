#pragma once

#include "citycode/common/Bytes.h"

#include <cstdint>
#include <memory>
#include <string>

// Session keys for scanner terminals (docs/open-api.md "Terminal sessions"). A terminal signs one
// request with its registered key to open a session: it sends an ephemeral X25519 public key, the
// server answers with its own and the session key wrapped under their shared secret. Every later
// request is signed with HMAC-SHA256 under the session key, so a verify costs no public-key
// operation. The server keeps no session state: the session id names the platform key it was
// derived from, the terminal and the expiry, and any node holding that key derives the same
// session key from the id and the terminal's registered public key (a re-registered key ends
// every session of the terminal). Both sides of the protocol live here, plain C++ over OpenSSL.
namespace citycode::common {

// An ephemeral X25519 key pair (RFC 7748). Cheap to copy (shared, immutable).
class EphemeralKey
{
public:
    static EphemeralKey generate();
    Bytes publicKey() const; // 32 bytes
    // The shared secret with a peer's 32-byte public key. Throws Error("SESSION_KEY_INVALID") for
    // a malformed or low-order public key.
    Bytes agree(const Bytes& peerPublicKey) const;

    struct Impl;
    explicit EphemeralKey(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}

private:
    std::shared_ptr<const Impl> m_impl;
};

// What a session id says. Encoded as hex of: version (1) || platform MAC key id (kKeyIdSize) ||
// terminal id (8, big-endian) || expiry, Unix seconds (8) || random (16).
struct SessionTicket
{
    static constexpr std::uint8_t kVersion = 1;
    static constexpr std::size_t kRandomSize = 16;

    Bytes keyId;
    std::int64_t terminalId = 0;
    std::int64_t expiresAt = 0;
    Bytes random;

    std::string encode() const;
    // Throws Error("SESSION_INVALID") for anything that is not a ticket of this version.
    static SessionTicket decode(const std::string& sessionId);
};

// The session key of a session id: HMAC-SHA256 under a key derived from the platform's MAC secret,
// over the id and the SHA-256 of the terminal's registered public key (PEM).
Bytes terminalSessionKey(const Bytes& platformMacSecret, const std::string& sessionId,
                         const std::string& terminalPublicKeyPem);

// The session key as the server sends it: AES-256-GCM under a key derived from the X25519 shared
// secret and the session id (also the associated data). unwrap throws Error("SESSION_KEY_INVALID")
// when the wrapped key does not open.
Bytes wrapSessionKey(const Bytes& sharedSecret, const std::string& sessionId, const Bytes& sessionKey);
Bytes unwrapSessionKey(const Bytes& sharedSecret, const std::string& sessionId, const Bytes& wrapped);

} // namespace citycode::common

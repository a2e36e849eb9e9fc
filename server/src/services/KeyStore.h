#pragma once

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

// The platforms' code keys (PRODUCT.md §2 "System settings", 002 §5.2.5): per platform one
// current asymmetric signing key (SM2 by default, ECDSA P-256 as an option) for emergency codes
// and one current MAC key (HMAC-SM3) for dynamic codes. Keys are created at first start, stored
// encrypted, and rotated with overlapping validity: a retired key still verifies until its
// not_after. Key ids are PublicKey::keyId() for signing keys and 8 random bytes for MAC
// keys. Implemented by KeyService; thread-safe; may cache.
namespace citycode::server {

struct MacKey
{
    common::Bytes keyId; // common::kKeyIdSize bytes
    common::CodeAlg alg = common::CodeAlg::HmacSm3;
    common::Bytes secret;
    std::int64_t platformId = 0;
};

struct SigningKey
{
    common::Bytes keyId;
    std::shared_ptr<const common::PrivateKey> key;
    std::int64_t platformId = 0;
};

class KeyStore
{
public:
    virtual ~KeyStore() = default;

    // The key new codes of the platform are sealed with; created on demand if missing.
    virtual MacKey currentMacKey(std::int64_t platformId) const = 0;
    virtual SigningKey currentSigningKey(std::int64_t platformId) const = 0;
    // A key named by a code, if it exists and is still valid at unix time `now` (current or in
    // its overlap window). Nothing for unknown or retired keys.
    virtual std::optional<MacKey> macKey(const common::Bytes& keyId, std::int64_t now) const = 0;
    virtual std::optional<SigningKey> signingKey(const common::Bytes& keyId, std::int64_t now) const = 0;
};

} // namespace citycode::server

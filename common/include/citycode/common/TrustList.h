#pragma once

#include "citycode/common/Bytes.h"
#include "citycode/common/CodePayload.h"
#include "citycode/common/Crypto.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The signed trust list (003 §7.2.2 emergency codes): the public keys that may sign codes, with
// their validity, signed by the platform's trust-list key so that scanners and the console can
// verify emergency codes offline. Format: docs/code-format.md, "Trust list". Parse failures throw
// Error with a code starting "TRUSTLIST_".
namespace citycode::common {

struct TrustedKey
{
    Bytes keyId; // PublicKey::keyId() of `key`; checked on parse
    CodeAlg alg = CodeAlg::Sm2Sm3;
    std::optional<PublicKey> key;
    std::uint32_t notBefore = 0; // codes issued before or after this window are refused
    std::uint32_t notAfter = 0;
    std::string label; // e.g. the platform's name; informational
};

struct TrustList
{
    std::uint64_t serial = 0; // grows with each list an issuer publishes
    std::string issuer;
    std::uint32_t issuedAt = 0;
    std::uint32_t expiresAt = 0; // past this a verifier must say it cannot verify
    std::vector<TrustedKey> keys;

    const TrustedKey* find(const Bytes& keyId) const;
};

// The signed document (JSON). The signer key is named inside it by key id and public key.
std::string signTrustList(const TrustList& list, const PrivateKey& signer);

// Parses and verifies a signed document. `anchor`, when given, is the trust-list key the verifier
// pins: a document signed by any other key is refused (TRUSTLIST_SIGNER_UNTRUSTED). Without an
// anchor only the document's own consistency is proven; `signerKeyId` tells the caller whom it
// trusted. Documents over 1 MiB, malformed JSON, missing fields, bad keys: specific errors.
TrustList parseTrustList(const std::string& document, const PublicKey* anchor, Bytes* signerKeyId = nullptr);

// Offline verification of a code against a trust list, by the verifier's clock.
enum class OfflineVerdict
{
    Valid,
    Malformed,         // not a CityCode code (see the detail for the PAYLOAD_* code)
    TrustListExpired,  // the list is past its expiry: cannot verify, update the list
    NotOfflineCode,    // sealed with a MAC: only the server can verify it
    UnknownKey,        // the key id is not in the trust list
    AlgorithmMismatch, // the code names another algorithm than the trust list has for the key
    KeyNotValid,       // issued outside the key's validity window
    BadSignature,      // forged or altered
    NotYetValid,       // issued in the future by more than the allowed clock skew
    Expired,           // past its expires-at: 码已过期
};

struct OfflineVerification
{
    OfflineVerdict verdict = OfflineVerdict::Malformed;
    std::string detail; // English, no personal data
    std::optional<ParsedCode> code;
};

// clockSkewSeconds: how far in the future issued-at may lie (scanners' clocks drift).
OfflineVerification verifyCodeOffline(const std::string& codeText, const TrustList& list, std::uint32_t now,
                                      std::uint32_t clockSkewSeconds = 300);
const char* offlineVerdictName(OfflineVerdict verdict); // "VALID", "EXPIRED", ...

} // namespace citycode::common

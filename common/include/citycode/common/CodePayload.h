#pragma once

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Code payload format v1 (docs/code-format.md): what a CityCode QR symbol carries.
// Binary layout, sealed with a MAC or a signature, printed as "CC1:" + base45 for QR
// alphanumeric mode. Every parse failure throws Error with a code starting "PAYLOAD_".
namespace citycode::common {

inline constexpr std::uint8_t kCodeFormatVersion = 1;
inline constexpr char kCodePrefix[] = "CC1:";
inline constexpr std::size_t kKeyIdSize = 8;
inline constexpr std::size_t kNonceSize = 12;
inline constexpr std::size_t kMaxSubjectRefSize = 64;
inline constexpr std::size_t kMaxOptionalFields = 16;
inline constexpr std::size_t kMaxOptionalFieldSize = 128;
inline constexpr std::size_t kCodeMacSize = 16; // HMAC output truncated to 128 bits
inline constexpr std::size_t kMaxCodeBinarySize = 512;
inline constexpr std::size_t kMaxCodeTextSize = 4 + (kMaxCodeBinarySize / 2) * 3;

// Optional field tags. Values are wire values: never renumber.
enum class CodeFieldTag : std::uint8_t
{
    CodeType = 1,     // 1 byte: personal, enterprise, payment, health... (server-defined numbers)
    CodeNumber = 2,   // UTF-8: the unique code number of a static code
    PlatformId = 3,   // u64 big-endian
    AppId = 4,        // u64 big-endian
    HealthStatus = 5, // 1 byte
    Extension = 200,  // first tag of rule-defined extension fields (200..255)
};

struct CodeField
{
    std::uint8_t tag = 0;
    Bytes value;
};

// The signed part of a code. Times are Unix seconds (UTC) by the issuing server's clock.
struct CodePayload
{
    std::uint8_t version = kCodeFormatVersion;
    CodeAlg alg = CodeAlg::HmacSm3;
    Bytes keyId; // kKeyIdSize bytes
    std::uint64_t ruleId = 0;
    std::uint32_t ruleVersion = 0;
    Bytes subjectRef; // 1..kMaxSubjectRefSize opaque bytes (a user or object reference)
    std::uint32_t issuedAt = 0;
    std::uint32_t expiresAt = 0;   // must be later than issuedAt
    Bytes nonce;                   // kNonceSize random bytes; the replay check keys on it
    std::vector<CodeField> fields; // tags strictly increasing, at most kMaxOptionalFields

    const CodeField* field(std::uint8_t tag) const;
    bool operator==(const CodePayload& other) const;
};

// A parsed code: the payload, the exact bytes that were sealed, and the MAC or signature.
struct ParsedCode
{
    CodePayload payload;
    Bytes body; // the signed bytes, as received
    Bytes auth; // MAC (kCodeMacSize bytes) or signature
};

// The signed bytes of a payload. Throws Error("PAYLOAD_INVALID") when a field is out of range.
Bytes encodeCodeBody(const CodePayload& payload);

// Seals with a MAC key (payload.alg must be HMAC-SM3 or HMAC-SHA256; payload.keyId names the key).
std::string sealCode(const CodePayload& payload, const Bytes& macKey);
// Signs with an asymmetric key; alg and keyId are taken from the key, overriding the payload's.
std::string signCode(CodePayload payload, const PrivateKey& key);

// Parses the printable form ("CC1:" + base45) or the binary form. Checks structure only,
// never authenticity: call verifyCodeMac / verifyCodeSignature on the result.
ParsedCode parseCode(std::string_view text);
ParsedCode parseCodeBinary(const Bytes& binary);
std::string codeToText(const Bytes& binary);
Bytes codeBinary(const ParsedCode& code);

enum class CodeAuthResult
{
    Ok,
    AlgorithmNotAllowed, // the code names another algorithm than the verifier expects
    UnknownKey,          // the key id is not the verifier's key
    BadAuth,             // MAC or signature does not match: forged or altered
};

// The verifier decides the algorithm (from the rule), never the code alone.
CodeAuthResult verifyCodeMac(const ParsedCode& code, CodeAlg expectedAlg, const Bytes& keyId, const Bytes& macKey);
CodeAuthResult verifyCodeSignature(const ParsedCode& code, CodeAlg expectedAlg, const PublicKey& key);
const char* codeAuthResultName(CodeAuthResult r);

} // namespace citycode::common

#pragma once

#include "citycode/common/Bytes.h"

#include <memory>
#include <string>

// Cryptography for codes and data at rest, all through OpenSSL 3 EVP.
// Every failure throws citycode::common::Error with a code starting "CRYPTO_":
// KEY_FILE (missing/unreadable/unwritable key file), KEY_INVALID (not a usable key),
// KEY_UNSUPPORTED (other key type or curve), ALG_UNKNOWN (unparsable name), ALG_INVALID (alg
// unfit for the operation), MAC_KEY (empty MAC key), AEAD_KEY (wrong key length), AEAD_FAILED,
// AEAD_TOO_LARGE, SIGN_FAILED, RANDOM, UNAVAILABLE (algorithm missing from OpenSSL), OPENSSL.
namespace citycode::common {

// Algorithms a code may be sealed with. The numeric values are the wire values of the
// payload's algorithm byte (docs/code-format.md): never renumber.
enum class CodeAlg : std::uint8_t
{
    HmacSm3 = 1,    // online dynamic codes (default)
    HmacSha256 = 2, // online dynamic codes (international option)
    Sm2Sm3 = 3,     // signed/emergency codes (default), GM/T 0009 ID "1234567812345678"
    EcdsaP256 = 4,  // signed/emergency codes, ECDSA over P-256 with SHA-256
    Ed25519 = 5,    // signed/emergency codes, RFC 8032 pure Ed25519
};

bool isMacAlg(CodeAlg alg);
bool isSignatureAlg(CodeAlg alg);
const char* codeAlgName(CodeAlg alg); // "HMAC-SM3", "SM2-SM3", ...
// Parses the names above (case-insensitive) and "sm2", "p256", "ed25519"; throws CRYPTO_ALG_UNKNOWN.
CodeAlg parseCodeAlg(const std::string& name);

// GM/T 0009-2012 default distinguishing identifier, always set explicitly for SM2.
inline constexpr char kSm2DefaultId[] = "1234567812345678";

Bytes randomBytes(std::size_t n);

Bytes sm3(const Bytes& data);
Bytes sha256(const Bytes& data);

// HMAC with SM3 or SHA-256 (alg must be a MAC alg). macVerify compares in constant time and
// accepts a truncated MAC of at least 16 bytes (codes carry 16-byte MACs).
Bytes mac(CodeAlg alg, const Bytes& key, const Bytes& data);
bool macVerify(CodeAlg alg, const Bytes& key, const Bytes& data, const Bytes& tag);

class PublicKey;

// An asymmetric private key (SM2, P-256 or Ed25519). Cheap to copy (shared, immutable).
// Safe to use from several threads at once.
class PrivateKey
{
public:
    static PrivateKey generate(CodeAlg alg);
    // The 32-byte Ed25519 secret key of RFC 8032 §5.1.5 (e.g. from its test vectors).
    static PrivateKey fromRawEd25519(const Bytes& secretKey);
    static PrivateKey fromPem(const std::string& pem); // PKCS#8 or traditional EC PEM
    static PrivateKey load(const std::string& path);   // CRYPTO_KEY_FILE on a missing/unreadable file
    std::string toPem() const;                         // unencrypted PKCS#8
    void save(const std::string& path) const;          // written 0600

    CodeAlg alg() const;
    PublicKey publicKey() const;
    // DER-encoded signature for ECDSA and SM2 (what `openssl pkeyutl` produces), 64 raw bytes for Ed25519.
    Bytes sign(const Bytes& message) const;

    struct Impl;
    explicit PrivateKey(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}

private:
    std::shared_ptr<const Impl> m_impl;
};

class PublicKey
{
public:
    static PublicKey fromPem(const std::string& pem); // SubjectPublicKeyInfo
    static PublicKey fromDer(const Bytes& der);
    static PublicKey load(const std::string& path);
    std::string toPem() const;
    Bytes toDer() const; // SubjectPublicKeyInfo DER

    CodeAlg alg() const;
    // 8 bytes: the first bytes of SM3(SubjectPublicKeyInfo DER). Stable across PEM round trips.
    Bytes keyId() const;
    // False for any wrong, malformed or truncated signature; never throws for bad signatures.
    bool verify(const Bytes& message, const Bytes& signature) const;

    struct Impl;
    explicit PublicKey(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}

private:
    std::shared_ptr<const Impl> m_impl;
};

// Authenticated encryption for personal data at rest. Key: 16 bytes (SM4) or 32 bytes (AES-256).
// Output of seal: 12-byte random nonce || ciphertext || 16-byte tag. open throws
// Error("CRYPTO_AEAD_FAILED") on any tampering, wrong key or wrong aad.
enum class AeadAlg : std::uint8_t
{
    Sm4Gcm = 1,
    Aes256Gcm = 2,
};

Bytes aeadSeal(AeadAlg alg, const Bytes& key, const Bytes& plaintext, const Bytes& aad = {});
Bytes aeadOpen(AeadAlg alg, const Bytes& key, const Bytes& sealed, const Bytes& aad = {});

} // namespace citycode::common

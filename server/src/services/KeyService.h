#pragma once

#include "services/KeyStore.h"
#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>

namespace citycode::server {

class Database;
class PersonalDataCipher;
class SettingsService;
struct KeyRecord;

// The KeyStore of the server (PRODUCT §2 "System settings", 002 §5.2.5, 003 §7.2.2): per platform
// one current signing key and one current MAC key, plus the main platform's trust-list anchor.
// Key material is sealed with SM4-GCM under the data key (PersonalDataCipher) in code_keys.
// Creating a platform's first key runs under the database-wide transaction lock and a partial
// unique index allows one current key per platform and purpose, so several nodes never race into
// two current keys. Rotation retires the current key with an overlap (settings or request) during
// which it still verifies. Lookups are cached for a few seconds; thread-safe.
// Errors: NOT_FOUND (platform or key outside the scope), BAD_REQUEST, FORBIDDEN.
class KeyService final : public KeyStore
{
public:
    struct Options
    {
        // How long lookups are trusted before the database is asked again. A key rotated on
        // another node is seen within this time; the overlap keeps the old one valid meanwhile.
        std::chrono::milliseconds cacheTime{5000};
        // Clock skew allowed between nodes: a key verifies this long before its not_before.
        Poco::Int64 skewSeconds = 300;
    };

    KeyService(Database& database, const PersonalDataCipher& cipher, const SettingsService& settings, Options options);

    // KeyStore
    MacKey currentMacKey(std::int64_t platformId) const override;
    SigningKey currentSigningKey(std::int64_t platformId) const override;
    std::optional<MacKey> macKey(const common::Bytes& keyId, std::int64_t now) const override;
    std::optional<SigningKey> signingKey(const common::Bytes& keyId, std::int64_t now) const override;

    // Creates the keys a platform lacks (first start, platform creation); idempotent.
    void ensureKeys(std::int64_t platformId) const;
    // At start: the keys of every platform and the trust-list anchor, created when missing and
    // opened once (a key that does not open under the data key throws here).
    void prepare() const;
    // Creates the keys every platform lacks (a platform created since, on this or another node),
    // so that the trust list names a signing key of each before an outage needs it.
    void ensureAllPlatforms() const;
    // The main platform's trust-list key (created on first use). Never signs codes.
    common::PrivateKey anchorKey() const;

    // Signing keys that verify at `now`, for the trust list (public part only).
    struct PublicKeyInfo
    {
        common::Bytes keyId;
        common::PublicKey key;
        std::string platformName;
        Poco::Int64 notBefore = 0;
        std::optional<Poco::Int64> notAfter;
    };
    std::vector<PublicKeyInfo> verifyingSigningKeys(std::int64_t now) const;

    // Admin API (/admin/v1/keys): lists and details without secrets, within the caller's scope.
    ListPage list(const Principal& principal, const ListQuery& query) const;
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id) const;
    // input: platformId, purpose (sign | mac), optional alg (SM2-SM3 | ECDSA-P256 for sign) and
    // overlapSeconds (0..90 days; default from the settings). Returns the new current key.
    Poco::JSON::Object::Ptr rotate(const Principal& principal, const Poco::JSON::Object& input);

    // Automatic rotation (002 §5.2.5 key policy): every current signing and MAC key that has been
    // current for the setting keyRotationDays or longer (0: never) is rotated as rotate() would,
    // with the setting keyOverlapSeconds; signing keys take the setting signingAlg, MAC keys keep
    // their algorithm. Safe on several nodes at once: the key is checked again under the
    // database-wide lock, so each is rotated once. Returns what was rotated, for the log.
    struct Rotated
    {
        std::int64_t platformId = 0;
        std::string purpose; // sign | mac
        std::string oldKeyId;
        std::string newKeyId;
    };
    std::vector<Rotated> rotateDue();
    // Issues an emergency code (003 §7.2.2) signed with the platform's current signing key.
    // input: platformId (default: the caller's), subjectRef (1..64 bytes, opaque, no personal
    // data), optional ruleId, ruleVersion, codeType, validitySeconds (60..30 days, default 1 day).
    Poco::JSON::Object::Ptr issueEmergencyCode(const Principal& principal, const Poco::JSON::Object& input) const;

    // Forgets every cached lookup (after a change on this node).
    void invalidate() const;
    // How many lookups are cached now (the cache view of the admin API).
    std::size_t cachedEntries() const;
    // Grows with every change of keys made through this object (the trust list rebuilds then).
    std::uint64_t generation() const { return m_generation.load(); }

private:
    struct Material; // opened key material of one key id, immutable
    struct Validity
    {
        std::shared_ptr<const Material> material; // null: no such key
        std::string status;
        Poco::Int64 notBefore = 0;
        std::optional<Poco::Int64> notAfter;
        std::chrono::steady_clock::time_point fetchedAt;
    };

    std::shared_ptr<const Material> current(std::int64_t platformId, const std::string& purpose) const;
    std::optional<Validity> lookup(const common::Bytes& keyId, const std::string& purpose, std::int64_t now) const;
    std::shared_ptr<const Material> open(const KeyRecord& record) const;
    std::shared_ptr<const Material> create(std::int64_t platformId, const std::string& purpose,
                                           std::optional<common::CodeAlg> alg) const;
    KeyRecord newKey(std::int64_t platformId, const std::string& purpose, common::CodeAlg alg) const;

    Database& m_database;
    const PersonalDataCipher& m_cipher;
    const SettingsService& m_settings;
    Options m_options;

    mutable std::atomic<std::uint64_t> m_generation{0};
    mutable std::shared_mutex m_mutex;
    mutable std::map<std::pair<std::int64_t, std::string>, Validity> m_current; // by platform and purpose
    mutable std::map<std::string, Validity> m_byKeyId;                          // by hex key id
    mutable std::map<std::string, std::shared_ptr<const Material>> m_material;  // by hex key id
};

} // namespace citycode::server

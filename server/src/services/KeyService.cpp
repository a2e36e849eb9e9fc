#include "services/KeyService.h"

#include "citycode/common/CodePayload.h"
#include "citycode/common/Error.h"
#include "services/BaseConfigSupport.h"
#include "services/PersonalDataCipher.h"
#include "services/SettingsService.h"
#include "storage/Database.h"
#include "storage/KeyRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

#include <algorithm>
#include <ctime>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

constexpr std::size_t kMacSecretBytes = 32;
constexpr std::size_t kMaxCachedKeyIds = 4096; // unknown ids of forged codes must not grow memory
constexpr Poco::Int64 kMinOverlapSeconds = 60; // at least one dynamic code lifetime (002 §9.2)
constexpr Poco::Int64 kMaxOverlapSeconds = 90LL * 86400;
constexpr Poco::Int64 kMaxEmergencyValidity = 30LL * 86400;

Poco::Int64 unixNow()
{
    return static_cast<Poco::Int64>(std::time(nullptr));
}

// The associated data binds a sealed secret to its key id: a sealed value copied onto another
// key's row does not open.
std::string sealingColumn(const std::string& keyIdHex)
{
    return "code_keys.secret_sealed/" + keyIdHex;
}

common::CodeAlg signingAlg(const std::string& name)
{
    common::CodeAlg alg;
    try {
        alg = common::parseCodeAlg(name);
    } catch (const common::Error&) {
        throw common::Error("BAD_REQUEST", "alg must be SM2-SM3 or ECDSA-P256 for a signing key");
    }
    if (alg != common::CodeAlg::Sm2Sm3 && alg != common::CodeAlg::EcdsaP256)
        throw common::Error("BAD_REQUEST", "alg must be SM2-SM3 or ECDSA-P256 for a signing key");
    return alg;
}

common::CodeAlg macAlg(const std::string& name)
{
    common::CodeAlg alg;
    try {
        alg = common::parseCodeAlg(name);
    } catch (const common::Error&) {
        throw common::Error("BAD_REQUEST", "alg must be HMAC-SM3 or HMAC-SHA256 for a MAC key");
    }
    if (!common::isMacAlg(alg))
        throw common::Error("BAD_REQUEST", "alg must be HMAC-SM3 or HMAC-SHA256 for a MAC key");
    return alg;
}

common::Bytes bigEndian64(std::uint64_t value)
{
    common::Bytes bytes(8);
    for (int i = 7; i >= 0; --i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value & 0xff);
        value >>= 8;
    }
    return bytes;
}

// The admin view of code_keys: never the sealed secret.
ViewSpec keyView()
{
    ViewSpec view;
    view.from = "code_keys k JOIN platforms p ON p.id = k.platform_id AND k.created_at >= p.created_at";
    view.idColumn = "k.id";
    view.scopeColumn = "k.platform_id";
    view.createdColumn = "k.created_at";
    view.defaultOrder = "k.id DESC";
    view.fields = {
        {"id", "k.id", FilterKind::None, true},
        {"platformId", "k.platform_id", FilterKind::Integer, true},
        {"platformName", "p.name", FilterKind::None, false},
        {"purpose", "k.purpose", FilterKind::Exact, true},
        {"keyId", "k.key_id", FilterKind::Exact, false},
        {"alg", "k.alg", FilterKind::Exact, false},
        {"publicKeyPem", "k.public_key_pem", FilterKind::None, false},
        {"status", "k.status", FilterKind::Exact, true},
        {"notBefore", "k.not_before", FilterKind::None, true},
        {"notAfter", "k.not_after", FilterKind::None, true},
        {"createdAt", "k.created_at", FilterKind::None, true},
        {"retiredAt", "k.retired_at", FilterKind::None, false},
    };
    return view;
}

} // namespace

struct KeyService::Material
{
    common::Bytes keyId;
    std::string keyIdHex;
    std::string purpose;
    common::CodeAlg alg = common::CodeAlg::HmacSm3;
    std::int64_t platformId = 0;
    std::shared_ptr<const common::PrivateKey> privateKey; // sign, anchor
    common::Bytes secret;                                 // mac
};

KeyService::KeyService(Database& database, const PersonalDataCipher& cipher, const SettingsService& settings,
                       Options options)
    : m_database(database), m_cipher(cipher), m_settings(settings), m_options(options)
{
}

std::shared_ptr<const KeyService::Material> KeyService::open(const KeyRecord& record) const
{
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_material.find(record.keyId);
        if (it != m_material.end())
            return it->second;
    }
    auto material = std::make_shared<Material>();
    material->keyId = common::fromHex(record.keyId);
    material->keyIdHex = record.keyId;
    material->purpose = record.purpose;
    material->alg = common::parseCodeAlg(record.alg);
    material->platformId = record.platformId;
    const std::string secret = m_cipher.open(record.secretSealed, sealingColumn(record.keyId));
    if (record.purpose == "mac") {
        material->secret = common::fromHex(secret);
    } else {
        material->privateKey = std::make_shared<const common::PrivateKey>(common::PrivateKey::fromPem(secret));
        if (material->privateKey->publicKey().keyId() != material->keyId)
            throw common::Error("KEY_CORRUPT", "the key " + record.keyId + " does not match its key id");
    }
    std::unique_lock lock(m_mutex);
    return m_material.emplace(record.keyId, material).first->second;
}

KeyRecord KeyService::newKey(std::int64_t platformId, const std::string& purpose, common::CodeAlg alg) const
{
    KeyRecord record;
    record.platformId = platformId;
    record.purpose = purpose;
    record.alg = common::codeAlgName(alg);
    record.status = "current";
    record.notBefore = unixNow();
    std::string secret;
    if (purpose == "mac") {
        const common::Bytes bytes = common::randomBytes(kMacSecretBytes);
        record.keyId = common::toHex(common::randomBytes(common::kKeyIdSize));
        secret = common::toHex(bytes);
    } else {
        const common::PrivateKey key = common::PrivateKey::generate(alg);
        record.keyId = common::toHex(key.publicKey().keyId());
        record.publicKeyPem = key.publicKey().toPem();
        secret = key.toPem();
    }
    record.secretSealed = m_cipher.seal(secret, sealingColumn(record.keyId));
    return record;
}

std::shared_ptr<const KeyService::Material> KeyService::create(std::int64_t platformId, const std::string& purpose,
                                                               std::optional<common::CodeAlg> alg) const
{
    common::CodeAlg chosen = common::CodeAlg::HmacSm3;
    if (alg)
        chosen = *alg;
    else if (purpose == "sign")
        chosen = signingAlg(m_settings.current().signingAlg);
    else if (purpose == "anchor")
        chosen = common::CodeAlg::Sm2Sm3;
    // Generated before the lock: key generation must not hold every other node's writers.
    const KeyRecord fresh = newKey(platformId, purpose, chosen);

    Poco::Data::Session session = m_database.session();
    KeyRepository repository(session);
    // The database-wide lock serialises first-key creation across nodes; the partial unique
    // index code_keys_one_current would refuse a second current key anyway.
    Transaction transaction(session, TransactionLock::Database);
    if (const auto existing = repository.current(platformId, purpose)) {
        transaction.commit();
        return open(*existing);
    }
    if (!repository.platformExists(platformId))
        throw common::Error("NOT_FOUND", "platform not found");
    repository.retireStale(platformId, purpose);
    repository.insert(fresh);
    const auto stored = repository.current(platformId, purpose);
    transaction.commit();
    ++m_generation;
    return open(*stored);
}

std::shared_ptr<const KeyService::Material> KeyService::current(std::int64_t platformId,
                                                                const std::string& purpose) const
{
    const auto slot = std::make_pair(platformId, purpose);
    const auto now = std::chrono::steady_clock::now();
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_current.find(slot);
        if (it != m_current.end() && now - it->second.fetchedAt < m_options.cacheTime)
            return it->second.material;
    }
    std::optional<KeyRecord> record;
    {
        Poco::Data::Session session = m_database.session();
        record = KeyRepository(session).current(platformId, purpose);
    }
    std::shared_ptr<const Material> material = record ? open(*record) : create(platformId, purpose, std::nullopt);
    Validity entry;
    entry.material = material;
    entry.status = "current";
    entry.fetchedAt = now;
    std::unique_lock lock(m_mutex);
    m_current[slot] = entry;
    return material;
}

std::optional<KeyService::Validity> KeyService::lookup(const common::Bytes& keyId, const std::string& purpose,
                                                       std::int64_t now) const
{
    if (keyId.size() != common::kKeyIdSize)
        return std::nullopt;
    const std::string hex = common::toHex(keyId);
    const auto clock = std::chrono::steady_clock::now();
    std::optional<Validity> entry;
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_byKeyId.find(hex);
        if (it != m_byKeyId.end() && clock - it->second.fetchedAt < m_options.cacheTime)
            entry = it->second;
    }
    if (!entry) {
        std::optional<KeyRecord> record;
        {
            Poco::Data::Session session = m_database.session();
            record = KeyRepository(session).byKeyId(hex);
        }
        entry = Validity{};
        entry->fetchedAt = clock;
        if (record) {
            entry->material = open(*record);
            entry->status = record->status;
            entry->notBefore = record->notBefore;
            entry->notAfter = record->notAfter;
        }
        std::unique_lock lock(m_mutex);
        if (m_byKeyId.size() >= kMaxCachedKeyIds)
            m_byKeyId.clear();
        m_byKeyId[hex] = *entry;
    }
    if (!entry->material || entry->material->purpose != purpose)
        return std::nullopt;
    if (now < entry->notBefore - m_options.skewSeconds)
        return std::nullopt;
    if (entry->status != "current" && (!entry->notAfter || now > *entry->notAfter))
        return std::nullopt;
    return entry;
}

MacKey KeyService::currentMacKey(std::int64_t platformId) const
{
    const auto material = current(platformId, "mac");
    return MacKey{material->keyId, material->alg, material->secret, material->platformId};
}

SigningKey KeyService::currentSigningKey(std::int64_t platformId) const
{
    const auto material = current(platformId, "sign");
    return SigningKey{material->keyId, material->privateKey, material->platformId};
}

std::optional<MacKey> KeyService::macKey(const common::Bytes& keyId, std::int64_t now) const
{
    const auto entry = lookup(keyId, "mac", now);
    if (!entry)
        return std::nullopt;
    const Material& material = *entry->material;
    return MacKey{material.keyId, material.alg, material.secret, material.platformId};
}

std::optional<SigningKey> KeyService::signingKey(const common::Bytes& keyId, std::int64_t now) const
{
    const auto entry = lookup(keyId, "sign", now);
    if (!entry)
        return std::nullopt;
    const Material& material = *entry->material;
    return SigningKey{material.keyId, material.privateKey, material.platformId};
}

void KeyService::ensureKeys(std::int64_t platformId) const
{
    current(platformId, "sign");
    current(platformId, "mac");
}

void KeyService::prepare() const
{
    ensureAllPlatforms();
    anchorKey();
}

void KeyService::ensureAllPlatforms() const
{
    std::vector<Poco::Int64> platforms;
    {
        Poco::Data::Session session = m_database.session();
        platforms = KeyRepository(session).platformIds();
    }
    for (const Poco::Int64 platform : platforms)
        ensureKeys(platform);
}

common::PrivateKey KeyService::anchorKey() const
{
    Poco::Int64 mainId = 0;
    {
        Poco::Data::Session session = m_database.session();
        mainId = KeyRepository(session).mainPlatformId();
    }
    return *current(mainId, "anchor")->privateKey;
}

std::vector<KeyService::PublicKeyInfo> KeyService::verifyingSigningKeys(std::int64_t now) const
{
    std::vector<KeyRecord> records;
    {
        Poco::Data::Session session = m_database.session();
        records = KeyRepository(session).verifyingSigningKeys(now);
    }
    std::vector<PublicKeyInfo> keys;
    for (const KeyRecord& record : records) {
        PublicKeyInfo info{common::fromHex(record.keyId), common::PublicKey::fromPem(record.publicKeyPem),
                           record.platformName, record.notBefore, record.notAfter};
        keys.push_back(std::move(info));
    }
    return keys;
}

ListPage KeyService::list(const Principal& principal, const ListQuery& query) const
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(keyView(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr KeyService::get(const Principal& principal, Poco::Int64 id) const
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(keyView(), id, Support::scopeOf(principal)), "key");
}

Poco::JSON::Object::Ptr KeyService::rotate(const Principal& principal, const Poco::JSON::Object& input)
{
    const Poco::Int64 platformId = Support::integer(input, "platformId", false).value_or(principal.platformId);
    const std::string purpose = *Support::text(input, "purpose", true, 16);
    if (purpose != "sign" && purpose != "mac")
        throw common::Error("BAD_REQUEST", "purpose must be sign or mac");
    const auto algName = Support::text(input, "alg", false, 32);
    const SystemSettings settings = m_settings.current();
    common::CodeAlg alg =
        purpose == "sign" ? signingAlg(algName.value_or(settings.signingAlg)) : macAlg(algName.value_or("HMAC-SM3"));
    const Poco::Int64 overlap = Support::integer(input, "overlapSeconds", false)
                                    .value_or(std::max(settings.keyOverlapSeconds, kMinOverlapSeconds));
    if (overlap < kMinOverlapSeconds || overlap > kMaxOverlapSeconds)
        throw common::Error("BAD_REQUEST", "overlapSeconds must be between " + std::to_string(kMinOverlapSeconds) +
                                               " and " + std::to_string(kMaxOverlapSeconds));
    if (!principal.canAccessPlatform(platformId))
        throw common::Error("NOT_FOUND", "platform not found");

    const KeyRecord fresh = newKey(platformId, purpose, alg);
    Poco::Int64 id = 0;
    {
        Poco::Data::Session session = m_database.session();
        KeyRepository repository(session);
        Transaction transaction(session, TransactionLock::Database);
        if (!repository.platformExists(platformId))
            throw common::Error("NOT_FOUND", "platform not found");
        repository.retireStale(platformId, purpose);
        if (const auto old = repository.current(platformId, purpose))
            repository.retire(old->id, unixNow() + overlap);
        id = repository.insert(fresh);
        transaction.commit();
    }
    invalidate();
    return get(principal, id);
}

std::vector<KeyService::Rotated> KeyService::rotateDue()
{
    const SystemSettings settings = m_settings.current();
    std::vector<Rotated> rotated;
    if (settings.keyRotationDays <= 0)
        return rotated;
    const Poco::Int64 maxAge = Poco::Int64(settings.keyRotationDays) * 86400;
    const Poco::Int64 overlap = std::clamp(settings.keyOverlapSeconds, kMinOverlapSeconds, kMaxOverlapSeconds);
    std::vector<Poco::Int64> platforms;
    {
        Poco::Data::Session session = m_database.session();
        platforms = KeyRepository(session).platformIds();
    }
    for (const Poco::Int64 platformId : platforms) {
        for (const std::string purpose : {"sign", "mac"}) {
            std::optional<KeyRecord> due;
            {
                Poco::Data::Session session = m_database.session();
                due = KeyRepository(session).current(platformId, purpose);
            }
            if (!due || unixNow() - due->notBefore < maxAge)
                continue;
            const common::CodeAlg alg =
                purpose == "sign" ? signingAlg(settings.signingAlg) : common::parseCodeAlg(due->alg);
            const KeyRecord fresh = newKey(platformId, purpose, alg);
            Poco::Data::Session session = m_database.session();
            KeyRepository repository(session);
            Transaction transaction(session, TransactionLock::Database);
            // Another node may have rotated it meanwhile: then there is nothing left to do.
            const auto current = repository.current(platformId, purpose);
            if (!current || current->id != due->id)
                continue;
            repository.retireStale(platformId, purpose);
            repository.retire(current->id, unixNow() + overlap);
            repository.insert(fresh);
            transaction.commit();
            rotated.push_back({platformId, purpose, current->keyId, fresh.keyId});
        }
    }
    if (!rotated.empty())
        invalidate();
    return rotated;
}

Poco::JSON::Object::Ptr KeyService::issueEmergencyCode(const Principal& principal,
                                                       const Poco::JSON::Object& input) const
{
    const Poco::Int64 platformId = Support::integer(input, "platformId", false).value_or(principal.platformId);
    const std::string subject = *Support::text(input, "subjectRef", true, common::kMaxSubjectRefSize);
    const Poco::Int64 ruleId = Support::integer(input, "ruleId", false).value_or(0);
    const Poco::Int64 ruleVersion = Support::integer(input, "ruleVersion", false).value_or(0);
    const auto codeType = Support::integer(input, "codeType", false);
    const Poco::Int64 validity = Support::integer(input, "validitySeconds", false).value_or(86400);
    if (ruleId < 0 || ruleVersion < 0 || ruleVersion > 0xffffffffLL)
        throw common::Error("BAD_REQUEST", "ruleId and ruleVersion must not be negative");
    if (codeType && (*codeType < 0 || *codeType > 255))
        throw common::Error("BAD_REQUEST", "codeType must be between 0 and 255");
    if (validity < 60 || validity > kMaxEmergencyValidity)
        throw common::Error("BAD_REQUEST",
                            "validitySeconds must be between 60 and " + std::to_string(kMaxEmergencyValidity));
    if (!principal.canAccessPlatform(platformId))
        throw common::Error("NOT_FOUND", "platform not found");
    {
        Poco::Data::Session session = m_database.session();
        if (!KeyRepository(session).platformExists(platformId))
            throw common::Error("NOT_FOUND", "platform not found");
    }

    const SigningKey key = currentSigningKey(platformId);
    const Poco::Int64 now = unixNow();
    common::CodePayload payload;
    payload.ruleId = static_cast<std::uint64_t>(ruleId);
    payload.ruleVersion = static_cast<std::uint32_t>(ruleVersion);
    payload.subjectRef = common::toBytes(subject);
    payload.issuedAt = static_cast<std::uint32_t>(now);
    payload.expiresAt = static_cast<std::uint32_t>(now + validity);
    payload.nonce = common::randomBytes(common::kNonceSize);
    if (codeType)
        payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::CodeType),
                                  common::Bytes{static_cast<std::uint8_t>(*codeType)}});
    payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::PlatformId),
                              bigEndian64(static_cast<std::uint64_t>(platformId))});
    const std::string code = common::signCode(payload, *key.key);

    Poco::JSON::Object::Ptr answer = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    answer->set("code", code);
    answer->set("keyId", common::toHex(key.keyId));
    answer->set("alg", common::codeAlgName(key.key->alg()));
    answer->set("platformId", platformId);
    answer->set("issuedAt", now);
    answer->set("expiresAt", now + validity);
    return answer;
}

void KeyService::invalidate() const
{
    std::unique_lock lock(m_mutex);
    m_current.clear();
    m_byKeyId.clear();
    ++m_generation;
}

std::size_t KeyService::cachedEntries() const
{
    std::shared_lock lock(m_mutex);
    return m_current.size() + m_byKeyId.size();
}

} // namespace citycode::server

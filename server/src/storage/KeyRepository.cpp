#include "storage/KeyRepository.h"

#include "storage/Database.h"

namespace citycode::server {

namespace {

constexpr char kSelect[] = "SELECT k.id AS \"id\", k.platform_id AS \"platformId\", k.purpose AS \"purpose\","
                           " k.key_id AS \"keyId\", k.alg AS \"alg\", k.public_key_pem AS \"publicKeyPem\","
                           " k.secret_sealed AS \"secretSealed\", k.status AS \"status\","
                           " k.not_before AS \"notBefore\", k.not_after AS \"notAfter\", p.name AS \"platformName\""
                           " FROM code_keys k JOIN platforms p ON p.id = k.platform_id"
                           " AND k.created_at >= p.created_at";

KeyRecord recordOf(const Poco::JSON::Object& row)
{
    KeyRecord key;
    key.id = row.getValue<Poco::Int64>("id");
    key.platformId = row.getValue<Poco::Int64>("platformId");
    key.purpose = row.getValue<std::string>("purpose");
    key.keyId = row.getValue<std::string>("keyId");
    key.alg = row.getValue<std::string>("alg");
    key.publicKeyPem = row.getValue<std::string>("publicKeyPem");
    key.secretSealed = row.getValue<std::string>("secretSealed");
    key.status = row.getValue<std::string>("status");
    key.notBefore = row.getValue<Poco::Int64>("notBefore");
    if (!row.isNull("notAfter"))
        key.notAfter = row.getValue<Poco::Int64>("notAfter");
    key.platformName = row.getValue<std::string>("platformName");
    return key;
}

} // namespace

std::optional<KeyRecord> KeyRepository::one(const std::string& where, const std::vector<SqlValue>& values)
{
    const auto rows = m_store.select(std::string(kSelect) + " WHERE " + where, values);
    if (rows.empty())
        return std::nullopt;
    return recordOf(*rows.front());
}

std::optional<KeyRecord> KeyRepository::current(Poco::Int64 platformId, const std::string& purpose)
{
    return one("k.platform_id = $1 AND k.purpose = $2 AND k.status = 'current'", {platformId, purpose});
}

std::optional<KeyRecord> KeyRepository::byKeyId(const std::string& keyIdHex)
{
    return one("k.key_id = $1", {keyIdHex});
}

std::vector<KeyRecord> KeyRepository::verifyingSigningKeys(Poco::Int64 now)
{
    std::vector<KeyRecord> keys;
    for (const auto& row :
         m_store.select(std::string(kSelect) + " WHERE k.purpose = 'sign' AND p.status = 'enabled' AND"
                                               " (k.status = 'current' OR k.not_after >= $1) ORDER BY k.id",
                        {now}))
        keys.push_back(recordOf(*row));
    return keys;
}

bool KeyRepository::platformExists(Poco::Int64 platformId)
{
    return m_store.scalar("SELECT COUNT(*) FROM platforms WHERE id = $1", {platformId}) > 0;
}

Poco::Int64 KeyRepository::mainPlatformId()
{
    return m_store.scalar("SELECT id FROM platforms WHERE kind = 'main'");
}

std::vector<Poco::Int64> KeyRepository::platformIds()
{
    std::vector<Poco::Int64> ids;
    for (const auto& row : m_store.select("SELECT id FROM platforms ORDER BY id"))
        ids.push_back(row->getValue<Poco::Int64>("id"));
    return ids;
}

Poco::Int64 KeyRepository::insert(const KeyRecord& key)
{
    return m_store.insert("code_keys",
                          {{"platform_id", key.platformId},
                           {"purpose", key.purpose},
                           {"key_id", key.keyId},
                           {"alg", key.alg},
                           {"public_key_pem", key.publicKeyPem},
                           {"secret_sealed", key.secretSealed},
                           {"status", key.status},
                           {"not_before", key.notBefore},
                           {"created_at", Database::timestampNow()}},
                          false);
}

void KeyRepository::retireStale(Poco::Int64 platformId, const std::string& purpose)
{
    m_store.execute("UPDATE code_keys SET status = 'retired', not_after = 0, retired_at = $1"
                    " WHERE platform_id = $2 AND purpose = $3 AND status = 'current'"
                    " AND created_at < (SELECT created_at FROM platforms WHERE id = $4)",
                    {Database::timestampNow(), platformId, purpose, platformId});
}

void KeyRepository::retire(Poco::Int64 id, Poco::Int64 notAfter)
{
    m_store.execute("UPDATE code_keys SET status = 'retired', not_after = $1, retired_at = $2 WHERE id = $3",
                    {notAfter, Database::timestampNow(), id});
}

} // namespace citycode::server

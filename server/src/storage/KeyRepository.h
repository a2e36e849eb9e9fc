#pragma once

#include "storage/RecordStore.h"

#include <Poco/Types.h>

#include <optional>
#include <string>
#include <vector>

namespace citycode::server {

// One row of code_keys as stored: the key material stays sealed here (KeyService opens it).
struct KeyRecord
{
    Poco::Int64 id = 0;
    Poco::Int64 platformId = 0;
    std::string purpose; // sign | mac | anchor
    std::string keyId;   // hex of common::kKeyIdSize bytes
    std::string alg;     // common::codeAlgName
    std::string publicKeyPem;
    std::string secretSealed;
    std::string status; // current | retired
    Poco::Int64 notBefore = 0;
    std::optional<Poco::Int64> notAfter; // unix seconds; none while current
    std::string platformName;
};

// SQL of code_keys on the caller's session, so that KeyService can check and insert in one
// transaction. Keys of deleted platforms are never returned: the platform is joined, and a key
// older than its platform belonged to a deleted platform whose id SQLite gave out again.
class KeyRepository
{
public:
    explicit KeyRepository(Poco::Data::Session& session) : m_store(session) {}

    RecordStore& store() { return m_store; }

    std::optional<KeyRecord> current(Poco::Int64 platformId, const std::string& purpose);
    std::optional<KeyRecord> byKeyId(const std::string& keyIdHex);
    // Signing keys that still verify at `now` (current, or retired with not_after >= now) of
    // enabled platforms: the content of the trust list.
    std::vector<KeyRecord> verifyingSigningKeys(Poco::Int64 now);
    bool platformExists(Poco::Int64 platformId);
    Poco::Int64 mainPlatformId();
    std::vector<Poco::Int64> platformIds();

    Poco::Int64 insert(const KeyRecord& key);
    // Retires, without overlap, a current key left by a deleted platform of the same id.
    void retireStale(Poco::Int64 platformId, const std::string& purpose);
    // Marks the current key retired, verifying until notAfter.
    void retire(Poco::Int64 id, Poco::Int64 notAfter);

private:
    std::optional<KeyRecord> one(const std::string& where, const std::vector<SqlValue>& values);

    RecordStore m_store;
};

} // namespace citycode::server

#pragma once

#include "services/Principal.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace citycode::server {

class Database;

// The platform-wide system settings of 002 §5.2.5: global refresh time of dynamic codes, the
// data receiving address, and the key policy (signing algorithm of new keys, overlap of a
// rotated key, trust-list validity). Stored in system_settings; a missing row means the default.
struct SystemSettings
{
    int refreshSeconds = 60;          // 002 §9.2: dynamic codes are valid one minute by default
    std::string dataReceivingAddress; // http(s) URL or empty
    std::string signingAlg = "SM2-SM3";
    Poco::Int64 keyOverlapSeconds = 86400; // a rotated key verifies this long after rotation
    int keyRotationDays = 0;               // keys current this long are rotated (KeyService::rotateDue); 0: by hand
    Poco::Int64 trustListValiditySeconds = 604800; // a downloaded trust list expires after this

    Poco::JSON::Object::Ptr toJson() const;
};

// Reads and changes the system settings. Reading is cached for a few seconds (hot path of code
// issuing); every change is validated as a whole and written in one transaction. Only
// main-platform operators change them (FORBIDDEN otherwise). Thread-safe.
class SettingsService
{
public:
    explicit SettingsService(Database& database, SystemSettings defaults = {});

    SystemSettings current() const;
    Poco::JSON::Object::Ptr get(const Principal& principal) const;
    // input: any of the SystemSettings fields by their JSON names; others refused (BAD_REQUEST).
    Poco::JSON::Object::Ptr update(const Principal& principal, const Poco::JSON::Object& input);
    // Forgets the cached settings: the next read goes to the database.
    void invalidate();
    // 1 while settings are cached, else 0 (the cache view of the admin API).
    std::size_t cachedEntries() const;

private:
    SystemSettings load() const;

    Database& m_database;
    SystemSettings m_defaults;
    mutable std::mutex m_mutex;
    mutable SystemSettings m_cached;
    mutable std::chrono::steady_clock::time_point m_loadedAt{};
    mutable bool m_loaded = false;
};

} // namespace citycode::server

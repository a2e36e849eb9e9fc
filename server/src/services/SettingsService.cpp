#include "services/SettingsService.h"

#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "services/BaseConfigSupport.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include <map>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

constexpr auto kCacheTime = std::chrono::seconds(5);

void checkAddress(const std::string& address)
{
    if (address.empty())
        return;
    try {
        const Poco::URI uri(address);
        if ((uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty())
            return;
    } catch (const Poco::Exception&) {
    }
    throw common::Error("BAD_REQUEST", "dataReceivingAddress must be an http:// or https:// URL");
}

Poco::Int64 bounded(const Poco::JSON::Object& input, const std::string& field, Poco::Int64 low, Poco::Int64 high)
{
    const Poco::Int64 value = *Support::integer(input, field, true);
    if (value < low || value > high)
        throw common::Error("BAD_REQUEST",
                            field + " must be between " + std::to_string(low) + " and " + std::to_string(high));
    return value;
}

// Only the signature algorithms the trust list and scanners know (003 §7.2.2: SM2 by default,
// ECDSA P-256 as the international option).
std::string signingAlgName(const std::string& text)
{
    common::CodeAlg alg;
    try {
        alg = common::parseCodeAlg(text);
    } catch (const common::Error&) {
        throw common::Error("BAD_REQUEST", "signingAlg must be SM2-SM3 or ECDSA-P256");
    }
    if (alg != common::CodeAlg::Sm2Sm3 && alg != common::CodeAlg::EcdsaP256)
        throw common::Error("BAD_REQUEST", "signingAlg must be SM2-SM3 or ECDSA-P256");
    return common::codeAlgName(alg);
}

} // namespace

Poco::JSON::Object::Ptr SystemSettings::toJson() const
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("refreshSeconds", refreshSeconds);
    json->set("dataReceivingAddress", dataReceivingAddress);
    json->set("signingAlg", signingAlg);
    json->set("keyOverlapSeconds", keyOverlapSeconds);
    json->set("keyRotationDays", keyRotationDays);
    json->set("trustListValiditySeconds", trustListValiditySeconds);
    return json;
}

SettingsService::SettingsService(Database& database, SystemSettings defaults)
    : m_database(database), m_defaults(std::move(defaults))
{
}

SystemSettings SettingsService::load() const
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    SystemSettings settings = m_defaults;
    for (const auto& row : store.select("SELECT setting_key, value FROM system_settings")) {
        const std::string key = row->getValue<std::string>("setting_key");
        const std::string value = row->getValue<std::string>("value");
        Poco::Int64 number = 0;
        const bool numeric = Poco::NumberParser::tryParse64(value, number);
        if (key == "refreshSeconds" && numeric)
            settings.refreshSeconds = static_cast<int>(number);
        else if (key == "dataReceivingAddress")
            settings.dataReceivingAddress = value;
        else if (key == "signingAlg")
            settings.signingAlg = value;
        else if (key == "keyOverlapSeconds" && numeric)
            settings.keyOverlapSeconds = number;
        else if (key == "keyRotationDays" && numeric)
            settings.keyRotationDays = static_cast<int>(number);
        else if (key == "trustListValiditySeconds" && numeric)
            settings.trustListValiditySeconds = number;
    }
    return settings;
}

SystemSettings SettingsService::current() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    if (!m_loaded || now - m_loadedAt > kCacheTime) {
        m_cached = load();
        m_loadedAt = now;
        m_loaded = true;
    }
    return m_cached;
}

Poco::JSON::Object::Ptr SettingsService::get(const Principal&) const
{
    return current().toJson();
}

Poco::JSON::Object::Ptr SettingsService::update(const Principal& principal, const Poco::JSON::Object& input)
{
    Support::requireMainPlatform(principal, "change the system settings");
    std::map<std::string, std::string> values;
    for (const std::string& name : input.getNames()) {
        if (name == "refreshSeconds")
            values[name] = std::to_string(bounded(input, name, 10, 3600));
        else if (name == "dataReceivingAddress") {
            const std::string address = *Support::text(input, name, false, 500);
            checkAddress(address);
            values[name] = address;
        } else if (name == "signingAlg")
            values[name] = signingAlgName(*Support::text(input, name, true, 32));
        else if (name == "keyOverlapSeconds")
            values[name] = std::to_string(bounded(input, name, 60, 90LL * 86400));
        else if (name == "keyRotationDays")
            values[name] = std::to_string(bounded(input, name, 0, 3650));
        else if (name == "trustListValiditySeconds")
            values[name] = std::to_string(bounded(input, name, 600, 90LL * 86400));
        else
            throw common::Error("BAD_REQUEST", "unknown setting '" + name + "'");
    }
    if (values.empty())
        throw common::Error("BAD_REQUEST", "no setting to change");
    {
        Poco::Data::Session session = m_database.session();
        RecordStore store(session);
        Transaction transaction(session);
        const std::string now = Database::timestampNow();
        for (const auto& [key, value] : values)
            store.execute("INSERT INTO system_settings (setting_key, value, updated_at, updated_by)"
                          " VALUES ($1, $2, $3, $4) ON CONFLICT (setting_key) DO UPDATE SET value = excluded.value,"
                          " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                          {key, value, now, principal.operatorId});
        transaction.commit();
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_loaded = false; // this node sees its change at once; others within the cache time
    }
    return current().toJson();
}

void SettingsService::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_loaded = false;
}

std::size_t SettingsService::cachedEntries() const
{
    std::lock_guard lock(m_mutex);
    return m_loaded ? 1 : 0;
}

} // namespace citycode::server

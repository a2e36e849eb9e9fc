#include "services/CodeEngineStore.h"

#include "services/CodeStyleService.h"
#include "storage/CallerRepository.h"
#include "storage/ChangeGenerationRepository.h"
#include "storage/CodeRuleRepository.h"
#include "storage/Database.h"
#include "storage/TerminalRepository.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <memory>
#include <mutex>
#include <unordered_map>

namespace citycode::server {

namespace {

// The "name" of each field of a stored field list (JSON array of objects).
void appendFieldNames(const std::string& json, std::vector<std::string>& names)
{
    const auto fields = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < fields->size(); ++i)
        names.push_back(fields->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
}

// What a version's JSON texts (config and field lists) say; parsed once per distinct text.
struct ParsedVersion
{
    std::optional<std::uint32_t> validitySeconds;
    std::vector<std::string> decodeFields;
    std::vector<std::string> collectFields;
};

// Parsing the JSON texts was a good part of a verify's CPU. The result depends on those texts
// only, so it is kept by them (an edited version has other texts): nothing to invalidate.
std::shared_ptr<const ParsedVersion> parsedVersion(const Poco::JSON::Object& row)
{
    static std::mutex mutex;
    static std::unordered_map<std::string, std::shared_ptr<const ParsedVersion>> parsed;
    constexpr std::size_t kMaxParsed = 1024;
    std::string key;
    for (const char* column : {"config", "specFields", "extensionFields", "collectFields"}) {
        const std::string text = row.getValue<std::string>(column);
        key += std::to_string(text.size()) + ":" + text;
    }
    {
        std::lock_guard<std::mutex> lock(mutex);
        const auto found = parsed.find(key);
        if (found != parsed.end())
            return found->second;
    }
    auto result = std::make_shared<ParsedVersion>();
    const auto config =
        Poco::JSON::Parser().parse(row.getValue<std::string>("config")).extract<Poco::JSON::Object::Ptr>();
    if (config->has("validitySeconds"))
        result->validitySeconds = config->getValue<std::uint32_t>("validitySeconds");
    appendFieldNames(row.getValue<std::string>("specFields"), result->decodeFields);
    appendFieldNames(row.getValue<std::string>("extensionFields"), result->decodeFields);
    appendFieldNames(row.getValue<std::string>("collectFields"), result->collectFields);
    std::lock_guard<std::mutex> lock(mutex);
    if (parsed.size() >= kMaxParsed)
        parsed.clear();
    parsed.emplace(std::move(key), result);
    return result;
}

IssuableRuleVersion issuableOf(const Poco::JSON::Object& row)
{
    IssuableRuleVersion result;
    result.ruleId = row.getValue<Poco::Int64>("ruleId");
    result.version = static_cast<std::uint32_t>(row.getValue<Poco::Int64>("version"));
    result.platformId = row.getValue<Poco::Int64>("platformId");
    result.codeType = row.getValue<std::string>("codeType");
    result.form = row.getValue<std::string>("form");
    const std::shared_ptr<const ParsedVersion> parsed = parsedVersion(row);
    if (parsed->validitySeconds)
        result.validitySeconds = *parsed->validitySeconds;
    result.decodeFields = parsed->decodeFields;
    result.collectFields = parsed->collectFields;
    return result;
}

// Whether a code naming this rule version verifies (the row of CodeRuleRepository::versionWithRule).
RuleVersionState stateOf(const Poco::JSON::Object::Ptr& row)
{
    if (!row)
        return RuleVersionState::Unknown;
    if (row->getValue<std::string>("publishState") != "published" ||
        row->getValue<std::string>("ruleStatus") != "enabled")
        return RuleVersionState::RuleDisabled;
    if (row->getValue<std::string>("versionStatus") != "enabled")
        return RuleVersionState::VersionDisabled;
    return RuleVersionState::Usable;
}

} // namespace

// More than this many kept answers (a flood of unknown app codes, say) and they are dropped.
constexpr std::size_t kMaxKept = 100000;

std::size_t CodeEngineStore::Kept::size() const
{
    return appsByCode.size() + appsById.size() + issuable.size() + verifiable.size() + permissions.size() +
           terminals.size() + looks.size();
}

void CodeEngineStore::beginRequest() const
{
    const Poco::Int64 generation = ChangeGenerationRepository::current(m_database);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (generation != m_generation) {
        m_kept = Kept();
        m_generation = generation;
        ++m_epoch;
    }
}

template <typename Map, typename Key, typename Load>
typename Map::mapped_type CodeEngineStore::lookup(Map Kept::*map, const Key& key, Load load) const
{
    std::uint64_t epoch = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto found = (m_kept.*map).find(key);
        if (found != (m_kept.*map).end())
            return found->second;
        epoch = m_epoch;
    }
    typename Map::mapped_type value = load();
    std::lock_guard<std::mutex> lock(m_mutex);
    // Read under an older generation: answer it, but a newer request may already have dropped
    // what was kept for a change this read may or may not have seen.
    if (epoch == m_epoch) {
        if (m_kept.size() >= kMaxKept) {
            m_kept = Kept();
            ++m_epoch;
        } else {
            (m_kept.*map).emplace(key, value);
        }
    }
    return value;
}

std::size_t CodeEngineStore::cachedEntries() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_kept.size();
}

void CodeEngineStore::flush() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_kept = Kept();
    ++m_epoch;
}

std::optional<CallerApp> CodeEngineStore::appByCode(const std::string& appCode) const
{
    return lookup(&Kept::appsByCode, appCode, [&] {
        Poco::Data::Session session = m_database.session();
        return CallerRepository(session).appByCode(appCode);
    });
}

std::optional<CallerApp> CodeEngineStore::appById(std::int64_t appId) const
{
    return lookup(&Kept::appsById, appId, [&] {
        Poco::Data::Session session = m_database.session();
        return CallerRepository(session).appById(appId);
    });
}

std::optional<IssuableRuleVersion> CodeEngineStore::issuableVersion(std::int64_t appId,
                                                                    const std::string& codeType) const
{
    return lookup(&Kept::issuable, std::make_pair(appId, codeType), [&]() -> std::optional<IssuableRuleVersion> {
        Poco::Data::Session session = m_database.session();
        const auto row = CodeRuleRepository(session).issuable(appId, codeType);
        if (!row)
            return std::nullopt;
        return issuableOf(*row);
    });
}

std::pair<RuleVersionState, std::optional<IssuableRuleVersion>>
CodeEngineStore::verifiableVersion(std::int64_t ruleId, std::uint32_t version) const
{
    return lookup(&Kept::verifiable, std::make_pair(ruleId, version), [&]() -> Verifiable {
        Poco::Data::Session session = m_database.session();
        const auto row = CodeRuleRepository(session).versionWithRule(ruleId, version);
        const RuleVersionState state = stateOf(row);
        if (state != RuleVersionState::Usable)
            return {state, std::nullopt};
        return {state, issuableOf(*row)};
    });
}

AppCodePermissions CodeEngineStore::appPermissions(std::int64_t appId) const
{
    return lookup(&Kept::permissions, appId, [&] {
        Poco::Data::Session session = m_database.session();
        AppCodePermissions result;
        if (const auto stored = CodeRuleRepository(session).permissions(appId)) {
            result.generate = stored->first;
            result.scan = stored->second;
        }
        return result;
    });
}

std::optional<TerminalRecord> CodeEngineStore::terminal(const std::string& terminalCode) const
{
    return lookup(&Kept::terminals, terminalCode, [&]() -> std::optional<TerminalRecord> {
        Poco::Data::Session session = m_database.session();
        const auto row = TerminalRepository(session).byCode(terminalCode);
        if (!row)
            return std::nullopt;
        TerminalRecord result;
        result.id = row->getValue<Poco::Int64>("id");
        result.terminalCode = row->getValue<std::string>("terminalCode");
        result.platformId = row->getValue<Poco::Int64>("platformId");
        result.publicKeyPem = row->getValue<std::string>("publicKeyPem");
        result.enabled = row->getValue<std::string>("status") == "enabled";
        return result;
    });
}

CodeStyleRendering CodeEngineStore::codeLook(std::int64_t platformId, const std::string& codeType) const
{
    return lookup(&Kept::looks, std::make_pair(platformId, codeType), [&] {
        CodeStyleRendering look =
            CodeStyleRendering::fromRecord(CodeStyleService(m_database).activeStyle(platformId, codeType));
        // The server does not draw the style's logo picture (the console's designer does), so it
        // clears no square for one either: the code keeps its whole error-correction budget.
        look.symbol.logoAreaFraction = 0;
        return look;
    });
}

} // namespace citycode::server

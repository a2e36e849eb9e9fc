#pragma once

#include "services/CodeEngineLookup.h"

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace citycode::server {

class Database;

// CodeEngineLookup over the app, code rule, permission, terminal and code style tables
// (CallerRepository, CodeRuleRepository, TerminalRepository, CodeStyleService), with the answers kept in memory: the
// open API asks the same few questions on every request, and reading them was most of a verify's database work. What is
// kept is forgotten whenever the database's change_generation moved (migration 10: the database raises it on every
// write of those tables, from any node and any code path); beginRequest() reads it once per request, so an admin change
// — a disabled app, a permission switched off, a retired version — holds for the next request on every node. A lookup
// whose database read raced with a change is answered but not kept. Thread-safe.
class CodeEngineStore final : public CodeEngineLookup
{
public:
    explicit CodeEngineStore(Database& database) : m_database(database) {}

    void beginRequest() const override;
    std::optional<CallerApp> appByCode(const std::string& appCode) const override;
    std::optional<CallerApp> appById(std::int64_t appId) const override;
    std::optional<IssuableRuleVersion> issuableVersion(std::int64_t appId, const std::string& codeType) const override;
    std::pair<RuleVersionState, std::optional<IssuableRuleVersion>>
    verifiableVersion(std::int64_t ruleId, std::uint32_t version) const override;
    AppCodePermissions appPermissions(std::int64_t appId) const override;
    std::optional<TerminalRecord> terminal(const std::string& terminalCode) const override;
    CodeStyleRendering codeLook(std::int64_t platformId, const std::string& codeType) const override;

    // For the cache view of the admin API (CacheRegistry).
    std::size_t cachedEntries() const;
    void flush() const;

private:
    using Verifiable = std::pair<RuleVersionState, std::optional<IssuableRuleVersion>>;

    struct Kept
    {
        std::unordered_map<std::string, std::optional<CallerApp>> appsByCode;
        std::unordered_map<std::int64_t, std::optional<CallerApp>> appsById;
        std::map<std::pair<std::int64_t, std::string>, std::optional<IssuableRuleVersion>> issuable;
        std::map<std::pair<std::int64_t, std::uint32_t>, Verifiable> verifiable;
        std::unordered_map<std::int64_t, AppCodePermissions> permissions;
        std::unordered_map<std::string, std::optional<TerminalRecord>> terminals;
        std::map<std::pair<std::int64_t, std::string>, CodeStyleRendering> looks;
        std::size_t size() const;
    };

    // Answers from m_kept, or reads with `load` and keeps the answer unless the generation moved
    // while reading.
    template <typename Map, typename Key, typename Load>
    typename Map::mapped_type lookup(Map Kept::*map, const Key& key, Load load) const;

    Database& m_database;
    mutable std::mutex m_mutex;
    mutable Kept m_kept;
    mutable std::int64_t m_generation = -1; // of the database when m_kept was started
    mutable std::uint64_t m_epoch = 0;      // raised whenever m_kept is dropped
};

} // namespace citycode::server

#pragma once

#include "services/CodeEngineLookup.h"

namespace citycode::server {

class Database;

// CodeEngineLookup over the code rule, permission and terminal tables (CodeRuleRepository,
// TerminalRepository): what the open API asks on its hot path. Each call reads the database, so
// an admin change (a disabled version, a permission switched off) holds for the next request.
class CodeEngineStore final : public CodeEngineLookup
{
public:
    explicit CodeEngineStore(Database& database) : m_database(database) {}

    std::optional<IssuableRuleVersion> issuableVersion(std::int64_t appId, const std::string& codeType) const override;
    std::optional<IssuableRuleVersion> ruleVersion(std::int64_t ruleId, std::uint32_t version) const override;
    RuleVersionState ruleVersionState(std::int64_t ruleId, std::uint32_t version) const override;
    std::pair<RuleVersionState, std::optional<IssuableRuleVersion>>
    verifiableVersion(std::int64_t ruleId, std::uint32_t version) const override;
    AppCodePermissions appPermissions(std::int64_t appId) const override;
    std::optional<TerminalRecord> terminal(const std::string& terminalCode) const override;

private:
    Database& m_database;
};

} // namespace citycode::server

#pragma once

#include "storage/RecordStore.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// Steps 2-5 of a rule as stored: each a JSON text (see CodeEngineSchema).
struct RuleVersionContent
{
    std::string config;
    std::string specFields;
    std::string extensionFields;
    std::string collectFields;
};

// The SQL of code rules, their versions, their links to apps and the per-app code permissions
// (001 §4.2.3, §4.3; 000 §2.2.5), on the caller's session. No business rules here.
class CodeRuleRepository
{
public:
    explicit CodeRuleRepository(Poco::Data::Session& session) : m_store(session) {}

    RecordStore& store() { return m_store; }

    // The version row (columns as in CodeEngineViews::codeRuleVersions); nullptr when missing.
    Poco::JSON::Object::Ptr version(Poco::Int64 ruleId, Poco::Int64 version);
    Poco::Int64 insertVersion(Poco::Int64 ruleId, Poco::Int64 version, const RuleVersionContent& content);
    void updateVersion(Poco::Int64 ruleId, Poco::Int64 version, const RuleVersionContent& content);
    void setVersionStatus(Poco::Int64 ruleId, Poco::Int64 version, const std::string& status);
    // Push: the rule enters its platform's pool with every version as it is now.
    void push(Poco::Int64 ruleId, const std::string& at);
    void deleteRule(Poco::Int64 ruleId);

    Poco::Int64 linkCount(Poco::Int64 ruleId);
    // Linking an already linked rule changes nothing.
    void link(Poco::Int64 appId, Poco::Int64 ruleId, const std::string& at);
    bool unlink(Poco::Int64 appId, Poco::Int64 ruleId);

    // Generate/scan permissions of an app; nothing when never set (both off).
    std::optional<std::pair<bool, bool>> permissions(Poco::Int64 appId);
    void setPermissions(Poco::Int64 appId, bool generate, bool scan, const std::string& at);
    // Holds the rule's row until the transaction ends (before reading its latest version).
    void lockRule(Poco::Int64 ruleId);

    // For CodeEngineLookup: rows with ruleId, version, platformId, codeType, form, config,
    // specFields, extensionFields, collectFields, ruleStatus, publishState, versionStatus.
    Poco::JSON::Object::Ptr issuable(Poco::Int64 appId, const std::string& codeType);
    Poco::JSON::Object::Ptr versionWithRule(Poco::Int64 ruleId, Poco::Int64 version);

private:
    RecordStore m_store;
};

} // namespace citycode::server

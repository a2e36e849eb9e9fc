#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

#include <vector>

namespace citycode::server {

class Database;

// Code rules (码规则, 001 §4.2.3) and their versions: created in five steps (1 basic, 2 function
// config, 3 spec fields, 4 extension fields, 5 data-collection fields), each savable on its own;
// pending -> published; enabled/disabled; pushed into the pool of the applicable platform (all
// versions) and removed from it when disabled. While pending, steps edit version 1; once
// published, editing steps 2-5 (or pulling the spec's latest fields) makes a new version. Rules
// are designed by the main platform; a sub-platform sees the rules in its pool and links them to
// its apps. Errors: NOT_FOUND, BAD_REQUEST, FORBIDDEN, SPEC_DISABLED, RULE_PUBLISHED,
// RULE_NOT_PUBLISHED, RULE_INCOMPLETE, RULE_NOT_DISABLED, RULE_NOT_IN_POOL, RULE_IN_USE,
// RULE_DISABLED, RULE_SPEC_GONE.
class CodeRuleService
{
public:
    explicit CodeRuleService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    // The rule with "version": its latest version's steps 2-5.
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: "basic" (required) and optionally "function", "spec", "extensionFields",
    // "collectFields" (see docs/openapi.yaml, CodeRuleInput).
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    // step 1-5 with that step's object; answers the rule as get().
    Poco::JSON::Object::Ptr saveStep(const Principal& principal, Poco::Int64 id, int step,
                                     const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr publish(const Principal& principal, Poco::Int64 id);
    Poco::JSON::Object::Ptr setEnabled(const Principal& principal, Poco::Int64 id, bool enabled);
    Poco::JSON::Object::Ptr push(const Principal& principal, Poco::Int64 id);
    Poco::JSON::Object::Ptr removeFromPool(const Principal& principal, Poco::Int64 id);
    // Pulls the spec's current fields into step 3 (a new version once published).
    Poco::JSON::Object::Ptr updateFromSpec(const Principal& principal, Poco::Int64 id);
    void remove(const Principal& principal, Poco::Int64 id);

    ListPage versions(const Principal& principal, Poco::Int64 id, const ListQuery& query);
    Poco::JSON::Object::Ptr version(const Principal& principal, Poco::Int64 id, Poco::Int64 version);
    // A new version from the latest one with the given steps ("function", "spec",
    // "extensionFields", "collectFields") changed.
    Poco::JSON::Object::Ptr createVersion(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    // Edits a version in place; it must be pushed again.
    Poco::JSON::Object::Ptr editVersion(const Principal& principal, Poco::Int64 id, Poco::Int64 version,
                                        const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr setVersionEnabled(const Principal& principal, Poco::Int64 id, Poco::Int64 version,
                                              bool enabled);
    // What changed from one version to another (001 §4.2.3 9), PRODUCT §2 "show what changed").
    Poco::JSON::Object::Ptr diff(const Principal& principal, Poco::Int64 id, Poco::Int64 from, Poco::Int64 to);

    // Rules linked to an app (001 §4.3 关联码规则).
    ListPage appRules(const Principal& principal, Poco::Int64 appId, const ListQuery& query);
    void link(const Principal& principal, Poco::Int64 appId, const std::vector<Poco::Int64>& ruleIds);
    void unlink(const Principal& principal, Poco::Int64 appId, Poco::Int64 ruleId);

private:
    Database& m_database;
};

} // namespace citycode::server

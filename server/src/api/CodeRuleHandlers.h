#pragma once

#include <string>

namespace citycode::server {

class CodeRuleService;
class Exchange;
class OperationLog;

// /admin/v1/code-rules (001 §4.2.3 码规则管理): the five-step wizard (all steps in one POST, or
// step by step with PUT .../steps/{step}), publish, enable/disable, push to the pool and remove
// from it, pull the spec's latest fields, delete; versions, their diff; and the rules linked to
// an app (/admin/v1/apps/{id}/code-rules). Every change is written to the operation log.
class CodeRuleHandlers
{
public:
    CodeRuleHandlers(CodeRuleService& rules, OperationLog& log) : m_rules(rules), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void saveStep(Exchange& exchange);
    void publish(Exchange& exchange);
    void enable(Exchange& exchange) { setEnabled(exchange, true); }
    void disable(Exchange& exchange) { setEnabled(exchange, false); }
    void push(Exchange& exchange);
    void removeFromPool(Exchange& exchange);
    void updateFromSpec(Exchange& exchange);
    void remove(Exchange& exchange);

    void versions(Exchange& exchange);
    void version(Exchange& exchange);
    void createVersion(Exchange& exchange);
    void editVersion(Exchange& exchange);
    void enableVersion(Exchange& exchange) { setVersionEnabled(exchange, true); }
    void disableVersion(Exchange& exchange) { setVersionEnabled(exchange, false); }
    // GET .../diff?from=N&to=M
    void diff(Exchange& exchange);

    void appRules(Exchange& exchange);
    // POST /apps/{id}/code-rules {"ruleIds":[...]}
    void link(Exchange& exchange);
    void unlink(Exchange& exchange);

private:
    void setEnabled(Exchange& exchange, bool enabled);
    void setVersionEnabled(Exchange& exchange, bool enabled);
    void answerRule(Exchange& exchange, const std::string& action, bool created = false);

    CodeRuleService& m_rules;
    OperationLog& m_log;
};

} // namespace citycode::server

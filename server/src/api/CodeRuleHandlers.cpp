#include "api/CodeRuleHandlers.h"

#include "api/AdminRequest.h"
#include "citycode/common/Error.h"
#include "http/Exchange.h"
#include "services/CodeRuleService.h"
#include "services/OperationLog.h"
#include "storage/CodeEngineViews.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

namespace {

Poco::Int64 versionParam(Exchange& exchange)
{
    return AdminRequest::id(exchange, "version");
}

void sendDone(Exchange& exchange, const std::string& field)
{
    Poco::JSON::Object body;
    body.set(field, 1);
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace

void CodeRuleHandlers::list(Exchange& exchange)
{
    const ListQuery query = AdminRequest::listQuery(exchange, CodeEngineViews::codeRules().filterNames());
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_rules.list(exchange.principal(), query)));
}

void CodeRuleHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_rules.get(exchange.principal(), AdminRequest::id(exchange)));
}

void CodeRuleHandlers::create(Exchange& exchange)
{
    const auto rule = m_rules.create(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-rule.create", "code-rule",
                 std::to_string(rule->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *rule);
}

void CodeRuleHandlers::saveStep(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const Poco::Int64 step = AdminRequest::id(exchange, "step");
    if (step > 5)
        throw common::Error("NOT_FOUND", "a rule has steps 1 to 5");
    const auto rule = m_rules.saveStep(exchange.principal(), id, static_cast<int>(step), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-rule.step", "code-rule", std::to_string(id),
                 "step " + std::to_string(step) + ", version " +
                     std::to_string(rule->getValue<Poco::Int64>("latestVersion")));
    exchange.sendJson(Status::HTTP_OK, *rule);
}

void CodeRuleHandlers::publish(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto rule = m_rules.publish(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-rule.publish", "code-rule", std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *rule);
}

void CodeRuleHandlers::setEnabled(Exchange& exchange, bool enabled)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto rule = m_rules.setEnabled(exchange.principal(), id, enabled);
    m_log.record(exchange.principal(), enabled ? "code-rule.enable" : "code-rule.disable", "code-rule",
                 std::to_string(id));
    exchange.sendJson(Status::HTTP_OK, *rule);
}

void CodeRuleHandlers::push(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto rule = m_rules.push(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-rule.push", "code-rule", std::to_string(id),
                 "platform " + std::to_string(rule->getValue<Poco::Int64>("platformId")));
    exchange.sendJson(Status::HTTP_OK, *rule);
}

void CodeRuleHandlers::removeFromPool(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto rule = m_rules.removeFromPool(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-rule.remove-from-pool", "code-rule", std::to_string(id),
                 "platform " + std::to_string(rule->getValue<Poco::Int64>("platformId")));
    exchange.sendJson(Status::HTTP_OK, *rule);
}

void CodeRuleHandlers::updateFromSpec(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto rule = m_rules.updateFromSpec(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-rule.update-spec", "code-rule", std::to_string(id),
                 "version " + std::to_string(rule->getValue<Poco::Int64>("latestVersion")));
    exchange.sendJson(Status::HTTP_OK, *rule);
}

void CodeRuleHandlers::remove(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    m_rules.remove(exchange.principal(), id);
    m_log.record(exchange.principal(), "code-rule.delete", "code-rule", std::to_string(id));
    sendDone(exchange, "deleted");
}

void CodeRuleHandlers::versions(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const ListQuery query = AdminRequest::listQuery(exchange, {"status"});
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_rules.versions(exchange.principal(), id, query)));
}

void CodeRuleHandlers::version(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK,
                      *m_rules.version(exchange.principal(), AdminRequest::id(exchange), versionParam(exchange)));
}

void CodeRuleHandlers::createVersion(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const auto version = m_rules.createVersion(exchange.principal(), id, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-rule.version-create", "code-rule", std::to_string(id),
                 "version " + std::to_string(version->getValue<Poco::Int64>("version")));
    exchange.sendJson(Status::HTTP_CREATED, *version);
}

void CodeRuleHandlers::editVersion(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const Poco::Int64 number = versionParam(exchange);
    const auto version = m_rules.editVersion(exchange.principal(), id, number, *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "code-rule.version-update", "code-rule", std::to_string(id),
                 "version " + std::to_string(number));
    exchange.sendJson(Status::HTTP_OK, *version);
}

void CodeRuleHandlers::setVersionEnabled(Exchange& exchange, bool enabled)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    const Poco::Int64 number = versionParam(exchange);
    const auto version = m_rules.setVersionEnabled(exchange.principal(), id, number, enabled);
    m_log.record(exchange.principal(), enabled ? "code-rule.version-enable" : "code-rule.version-disable", "code-rule",
                 std::to_string(id), "version " + std::to_string(number));
    exchange.sendJson(Status::HTTP_OK, *version);
}

void CodeRuleHandlers::diff(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    Poco::URI::QueryParameters parameters;
    try {
        parameters = Poco::URI(exchange.request().getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "malformed query string");
    }
    Poco::Int64 from = 0;
    Poco::Int64 to = 0;
    for (const auto& [name, value] : parameters) {
        Poco::Int64* target = name == "from" ? &from : name == "to" ? &to : nullptr;
        if (!target)
            throw common::Error("BAD_REQUEST", "unknown query parameter '" + name.substr(0, 40) + "'");
        if (!Poco::NumberParser::tryParse64(value, *target) || *target <= 0)
            throw common::Error("BAD_REQUEST", name + " must be a version number");
    }
    exchange.sendJson(Status::HTTP_OK, *m_rules.diff(exchange.principal(), id, from, to));
}

void CodeRuleHandlers::appRules(Exchange& exchange)
{
    const Poco::Int64 appId = AdminRequest::id(exchange);
    const ListQuery query = AdminRequest::listQuery(exchange, {"name", "codeType", "status"});
    exchange.sendJson(Status::HTTP_OK, AdminRequest::pageJson(m_rules.appRules(exchange.principal(), appId, query)));
}

void CodeRuleHandlers::link(Exchange& exchange)
{
    const Poco::Int64 appId = AdminRequest::id(exchange);
    // Checked for emptiness by the service after the app's scope, so foreign ids answer 404.
    const auto ids = AdminRequest::ids(*AdminRequest::body(exchange), "ruleIds", false);
    m_rules.link(exchange.principal(), appId, ids);
    std::string detail = "rules";
    for (const Poco::Int64 id : ids)
        detail += " " + std::to_string(id);
    m_log.record(exchange.principal(), "app.link-code-rules", "app", std::to_string(appId), detail);
    sendDone(exchange, "linked");
}

void CodeRuleHandlers::unlink(Exchange& exchange)
{
    const Poco::Int64 appId = AdminRequest::id(exchange);
    const Poco::Int64 ruleId = AdminRequest::id(exchange, "ruleId");
    m_rules.unlink(exchange.principal(), appId, ruleId);
    m_log.record(exchange.principal(), "app.unlink-code-rule", "app", std::to_string(appId),
                 "rule " + std::to_string(ruleId));
    sendDone(exchange, "unlinked");
}

} // namespace citycode::server

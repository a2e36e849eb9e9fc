#include "services/CodeRuleService.h"

#include "services/BaseConfigSupport.h"
#include "services/CodeRuleFields.h"
#include "storage/BaseConfigViews.h"
#include "storage/CodeEngineViews.h"
#include "storage/CodeRuleRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include <map>
#include <set>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

const std::set<std::string> kForms = {"dynamic", "static"};
const std::set<std::string> kCodeTypes = {"personal", "enterprise", "payment", "health", "object"};
// The step objects of a rule's versioned content (steps 2-5), by name in a request body.
const char* const kStepNames[] = {"", "basic", "function", "spec", "extensionFields", "collectFields"};

void requireDesigner(const Principal& principal)
{
    // 001 §4.2.3: the main platform creates rules and pushes them to sub-platforms.
    Support::requireMainPlatform(principal, "design code rules");
}

// A rule within the caller's scope: main-platform operators see every rule, a sub-platform only
// the rules pushed into its own pool (001 §4.2.3 6)). Others answer NOT_FOUND like missing ones.
Poco::JSON::Object::Ptr scopedRule(RecordStore& store, const Principal& principal, Poco::Int64 id)
{
    auto rule = store.find(CodeEngineViews::codeRules(), id, Support::scopeOf(principal));
    if (rule && !principal.mainPlatform && rule->getValue<Poco::Int64>("inPool") == 0)
        rule = nullptr;
    return Support::found(rule, "code rule");
}

Poco::JSON::Object::Ptr shapedVersion(Poco::JSON::Object::Ptr version)
{
    version->set("config", CodeRuleFields::parseObject(version->getValue<std::string>("config")));
    for (const char* list : {"specFields", "extensionFields", "collectFields"})
        version->set(list, CodeRuleFields::parseArray(version->getValue<std::string>(list)));
    version->set("pushed", version->getValue<Poco::Int64>("pushed") != 0);
    return version;
}

Poco::JSON::Object::Ptr shapedRule(Poco::JSON::Object::Ptr rule)
{
    rule->set("inPool", rule->getValue<Poco::Int64>("inPool") != 0);
    return rule;
}

Poco::JSON::Object::Ptr detail(CodeRuleRepository& repository, Poco::Int64 id)
{
    auto rule = shapedRule(repository.store().find(CodeEngineViews::codeRules(), id, std::nullopt));
    const auto latest = repository.version(id, rule->getValue<Poco::Int64>("latestVersion"));
    rule->set("version", latest ? shapedVersion(latest) : nullptr);
    return rule;
}

RuleVersionContent contentOf(const Poco::JSON::Object& version)
{
    return {version.getValue<std::string>("config"), version.getValue<std::string>("specFields"),
            version.getValue<std::string>("extensionFields"), version.getValue<std::string>("collectFields")};
}

Poco::JSON::Object::Ptr stepObject(const Poco::JSON::Object& input, const std::string& name)
{
    if (!input.has(name) || input.isNull(name))
        return nullptr;
    const auto object = input.getObject(name);
    if (!object)
        throw common::Error("BAD_REQUEST", name + " must be an object");
    return object;
}

// Step 1 columns from a "basic" object; `creating` makes name, form, codeType required.
std::vector<std::pair<std::string, SqlValue>> basicColumns(RecordStore& store, const Principal& principal,
                                                           const Poco::JSON::Object& basic, bool creating)
{
    std::vector<std::pair<std::string, SqlValue>> columns;
    const auto name = Support::text(basic, "name", creating, 100);
    if (name && name->empty())
        throw common::Error("BAD_REQUEST", "basic.name must not be empty");
    if (name)
        columns.emplace_back("name", *name);
    if (const auto form = Support::text(basic, "form", creating, 16)) {
        if (kForms.count(*form) == 0)
            throw common::Error("BAD_REQUEST", "form must be dynamic or static");
        columns.emplace_back("form", *form);
    }
    if (const auto type = Support::text(basic, "codeType", creating, 16)) {
        if (kCodeTypes.count(*type) == 0)
            throw common::Error("BAD_REQUEST", "codeType must be personal, enterprise, payment, health or object");
        columns.emplace_back("code_type", *type);
    }
    if (const auto unit = Support::text(basic, "issuingUnit", false, 200))
        columns.emplace_back("issuing_unit", *unit);
    if (const auto industry = Support::integer(basic, "industryId", false)) {
        if (store.scalar("SELECT COUNT(*) FROM industries WHERE id = $1", {*industry}) == 0)
            throw common::Error("BAD_REQUEST", "industryId names no industry");
        columns.emplace_back("industry_id", *industry);
    }
    auto platform = Support::integer(basic, "platformId", false);
    if (!platform && creating)
        platform = principal.platformId;
    if (platform) {
        if (store.scalar("SELECT COUNT(*) FROM platforms WHERE id = $1", {*platform}) == 0)
            throw common::Error("BAD_REQUEST", "platformId names no platform");
        columns.emplace_back("platform_id", *platform);
    }
    return columns;
}

// Applies the step objects of steps 2-5 present in `input` to `content`; step 3 also sets the
// rule's spec reference in `ruleColumns`. Returns whether any step was given.
bool applySteps(RecordStore& store, const Poco::JSON::Object& input, RuleVersionContent& content,
                std::vector<std::pair<std::string, SqlValue>>& ruleColumns)
{
    bool any = false;
    if (const auto function = stepObject(input, "function")) {
        const auto base = CodeRuleFields::parseObject(content.config);
        content.config = CodeRuleFields::text(CodeRuleFields::functionConfig(*function, base.get()));
        any = true;
    }
    if (const auto spec = stepObject(input, "spec")) {
        const Poco::Int64 specId = *Support::integer(*spec, "specId", true);
        const auto rows = store.select("SELECT name AS \"name\", fields AS \"fields\", status AS \"status\""
                                       " FROM code_specs WHERE id = $1",
                                       {specId});
        if (rows.empty())
            throw common::Error("BAD_REQUEST", "specId names no code spec");
        // 001 §4.2.2 4): a disabled spec cannot be chosen for rules.
        if (rows.front()->getValue<std::string>("status") != "enabled")
            throw common::Error("SPEC_DISABLED", "the code spec is disabled and cannot be chosen");
        // 001 §4.2.3 ③: the spec's fields are shown and may be changed.
        content.specFields =
            spec->has("fields")
                ? CodeRuleFields::text(CodeRuleFields::fieldList(spec->get("fields"), "spec.fields", false))
                : CodeRuleFields::text(CodeRuleFields::parseArray(rows.front()->getValue<std::string>("fields")));
        ruleColumns.emplace_back("spec_id", specId);
        ruleColumns.emplace_back("spec_name", rows.front()->getValue<std::string>("name"));
        any = true;
    }
    for (const auto& [name, target] : {std::make_pair("extensionFields", &content.extensionFields),
                                       std::make_pair("collectFields", &content.collectFields)}) {
        if (const auto step = stepObject(input, name)) {
            if (!step->has("fields"))
                throw common::Error("BAD_REQUEST", std::string(name) + ".fields is required");
            *target = CodeRuleFields::text(
                CodeRuleFields::fieldList(step->get("fields"), name + std::string(".fields"), true));
            any = true;
        }
    }
    return any;
}

// A pending rule keeps one version, edited in place; a published rule gets a new version
// (001 §4.2.3 7): editing makes a new rule version).
void storeContent(CodeRuleRepository& repository, const Poco::JSON::Object& rule, const RuleVersionContent& content)
{
    const Poco::Int64 id = rule.getValue<Poco::Int64>("id");
    const Poco::Int64 latest = rule.getValue<Poco::Int64>("latestVersion");
    if (rule.getValue<std::string>("publishState") == "pending")
        repository.updateVersion(id, latest, content);
    else
        repository.insertVersion(id, latest + 1, content);
}

Poco::JSON::Object::Ptr scopedApp(RecordStore& store, const Principal& principal, Poco::Int64 appId)
{
    return Support::found(store.find(BaseConfigViews::apps(), appId, Support::scopeOf(principal)), "app");
}

std::string condensed(const Poco::Dynamic::Var& value)
{
    return CodeRuleFields::text(value);
}

Poco::JSON::Object::Ptr fieldsDiff(const Poco::JSON::Array& from, const Poco::JSON::Array& to)
{
    std::map<std::string, Poco::JSON::Object::Ptr> before;
    std::map<std::string, Poco::JSON::Object::Ptr> after;
    std::vector<std::string> order;
    for (std::size_t i = 0; i < from.size(); ++i) {
        const auto field = from.getObject(static_cast<unsigned>(i));
        before[field->getValue<std::string>("name")] = field;
    }
    for (std::size_t i = 0; i < to.size(); ++i) {
        const auto field = to.getObject(static_cast<unsigned>(i));
        after[field->getValue<std::string>("name")] = field;
        order.push_back(field->getValue<std::string>("name"));
    }
    Poco::JSON::Array::Ptr added = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr removed = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr changed = new Poco::JSON::Array;
    for (const std::string& name : order) {
        const auto old = before.find(name);
        if (old == before.end()) {
            added->add(after[name]);
        } else if (condensed(old->second) != condensed(after[name])) {
            Poco::JSON::Object::Ptr change = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            change->set("name", name);
            change->set("from", old->second);
            change->set("to", after[name]);
            changed->add(change);
        }
    }
    for (std::size_t i = 0; i < from.size(); ++i) {
        const auto field = from.getObject(static_cast<unsigned>(i));
        if (after.count(field->getValue<std::string>("name")) == 0)
            removed->add(field);
    }
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("added", added);
    result->set("removed", removed);
    result->set("changed", changed);
    return result;
}

Poco::JSON::Object::Ptr settingsDiff(const Poco::JSON::Object& from, const Poco::JSON::Object& to)
{
    std::set<std::string> names;
    for (const auto& entry : from)
        names.insert(entry.first);
    for (const auto& entry : to)
        names.insert(entry.first);
    Poco::JSON::Array::Ptr changed = new Poco::JSON::Array;
    for (const std::string& name : names) {
        const Poco::Dynamic::Var before = from.has(name) ? from.get(name) : Poco::Dynamic::Var();
        const Poco::Dynamic::Var after = to.has(name) ? to.get(name) : Poco::Dynamic::Var();
        if (condensed(before) == condensed(after))
            continue;
        Poco::JSON::Object::Ptr change = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        change->set("setting", name);
        change->set("from", before);
        change->set("to", after);
        changed->add(change);
    }
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("changed", changed);
    return result;
}

// A designer's change of one rule (001 §4.2.3): the designer and scope checks, one write
// transaction, and the rule's detail as committed. `change` gets the rule's current row.
template <typename Change>
Poco::JSON::Object::Ptr changeRule(Database& database, const Principal& principal, Poco::Int64 id, Change change)
{
    requireDesigner(principal);
    Poco::Data::Session session = database.session();
    CodeRuleRepository repository(session);
    Transaction transaction(session);
    const auto rule = scopedRule(repository.store(), principal, id);
    change(repository, *rule);
    auto result = detail(repository, id);
    transaction.commit();
    return result;
}

} // namespace

ListPage CodeRuleService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    ListQuery scoped = query;
    if (!principal.mainPlatform)
        scoped.filters["inPool"] = "1";
    ListPage page = RecordStore(session).list(CodeEngineViews::codeRules(), scoped, Support::scopeOf(principal));
    for (auto& item : page.items)
        shapedRule(item);
    return page;
}

Poco::JSON::Object::Ptr CodeRuleService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    scopedRule(repository.store(), principal, id);
    return detail(repository, id);
}

Poco::JSON::Object::Ptr CodeRuleService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    requireDesigner(principal);
    const auto basic = stepObject(input, "basic");
    if (!basic)
        throw common::Error("BAD_REQUEST", "basic is required");
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    auto columns = basicColumns(store, principal, *basic, true);
    RuleVersionContent content{CodeRuleFields::text(CodeRuleFields::functionConfig(Poco::JSON::Object(), nullptr)),
                               "[]", "[]", "[]"};
    applySteps(store, input, content, columns);
    columns.emplace_back("created_by", principal.operatorId);
    const Poco::Int64 id = store.insert("code_rules", columns);
    repository.insertVersion(id, 1, content);
    auto rule = detail(repository, id);
    transaction.commit();
    return rule;
}

Poco::JSON::Object::Ptr CodeRuleService::saveStep(const Principal& principal, Poco::Int64 id, int step,
                                                  const Poco::JSON::Object& input)
{
    requireDesigner(principal);
    if (step < 1 || step > 5)
        throw common::Error("NOT_FOUND", "a rule has steps 1 to 5");
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    repository.lockRule(id);
    const auto rule = scopedRule(store, principal, id);
    if (step == 1) {
        // 001 §4.2.3 7): only steps 2-5 of a published rule can be edited.
        if (rule->getValue<std::string>("publishState") != "pending")
            throw common::Error("RULE_PUBLISHED", "the basic information of a published rule cannot change");
        store.update("code_rules", id, basicColumns(store, principal, input, false));
    } else {
        Poco::JSON::Object wrapped;
        wrapped.set(kStepNames[step], Poco::JSON::Object::Ptr(new Poco::JSON::Object(input)));
        const auto latest = repository.version(id, rule->getValue<Poco::Int64>("latestVersion"));
        RuleVersionContent content = contentOf(*latest);
        std::vector<std::pair<std::string, SqlValue>> ruleColumns;
        applySteps(store, wrapped, content, ruleColumns);
        storeContent(repository, *rule, content);
        if (!ruleColumns.empty())
            store.update("code_rules", id, ruleColumns);
    }
    auto result = detail(repository, id);
    transaction.commit();
    return result;
}

Poco::JSON::Object::Ptr CodeRuleService::publish(const Principal& principal, Poco::Int64 id)
{
    return changeRule(m_database, principal, id, [id](CodeRuleRepository& repository, const Poco::JSON::Object& rule) {
        if (rule.getValue<std::string>("publishState") != "pending")
            throw common::Error("RULE_PUBLISHED", "the rule is already published");
        const auto latest = repository.version(id, rule.getValue<Poco::Int64>("latestVersion"));
        if (CodeRuleFields::parseArray(latest->getValue<std::string>("specFields"))->size() == 0)
            throw common::Error("RULE_INCOMPLETE", "choose a code spec (step 3) before publishing");
        repository.store().update(
            "code_rules", id,
            {{"publish_state", std::string("published")}, {"published_at", Database::timestampNow()}});
    });
}

Poco::JSON::Object::Ptr CodeRuleService::setEnabled(const Principal& principal, Poco::Int64 id, bool enabled)
{
    return changeRule(
        m_database, principal, id, [id, enabled](CodeRuleRepository& repository, const Poco::JSON::Object&) {
            repository.store().update("code_rules", id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
        });
}

Poco::JSON::Object::Ptr CodeRuleService::push(const Principal& principal, Poco::Int64 id)
{
    return changeRule(m_database, principal, id, [id](CodeRuleRepository& repository, const Poco::JSON::Object& rule) {
        if (rule.getValue<std::string>("publishState") != "published")
            throw common::Error("RULE_NOT_PUBLISHED", "publish the rule before pushing it");
        // 001 §4.2.3 3): pushing sends every version to the applicable platform's pool.
        repository.push(id, Database::timestampNow());
    });
}

Poco::JSON::Object::Ptr CodeRuleService::removeFromPool(const Principal& principal, Poco::Int64 id)
{
    return changeRule(m_database, principal, id, [id](CodeRuleRepository& repository, const Poco::JSON::Object& rule) {
        // 001 §4.2.3 6): only disabled rules are removed from a sub-platform's pool.
        if (rule.getValue<std::string>("status") != "disabled")
            throw common::Error("RULE_NOT_DISABLED", "disable the rule before removing it from the pool");
        if (rule.getValue<Poco::Int64>("inPool") == 0)
            throw common::Error("RULE_NOT_IN_POOL", "the rule is not in the platform's pool");
        repository.store().update("code_rules", id, {{"in_pool", 0}});
    });
}

Poco::JSON::Object::Ptr CodeRuleService::updateFromSpec(const Principal& principal, Poco::Int64 id)
{
    requireDesigner(principal);
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    repository.lockRule(id);
    const auto rule = scopedRule(store, principal, id);
    const auto specId = rule->get("specId");
    const auto rows = specId.isEmpty() ? std::vector<Poco::JSON::Object::Ptr>()
                                       : store.select("SELECT name AS \"name\", fields AS \"fields\" FROM code_specs"
                                                      " WHERE id = $1",
                                                      {specId.convert<Poco::Int64>()});
    if (rows.empty())
        throw common::Error("RULE_SPEC_GONE", "the rule's code spec no longer exists");
    const auto latest = repository.version(id, rule->getValue<Poco::Int64>("latestVersion"));
    RuleVersionContent content = contentOf(*latest);
    content.specFields =
        CodeRuleFields::text(CodeRuleFields::parseArray(rows.front()->getValue<std::string>("fields")));
    storeContent(repository, *rule, content);
    store.update("code_rules", id, {{"spec_name", rows.front()->getValue<std::string>("name")}});
    auto result = detail(repository, id);
    transaction.commit();
    return result;
}

void CodeRuleService::remove(const Principal& principal, Poco::Int64 id)
{
    requireDesigner(principal);
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    Transaction transaction(session);
    scopedRule(repository.store(), principal, id);
    // 001 §4.2.3 5): a rule that an app uses cannot be deleted.
    if (repository.linkCount(id) > 0)
        throw common::Error("RULE_IN_USE", "apps use this rule; unlink them first");
    repository.deleteRule(id);
    transaction.commit();
}

ListPage CodeRuleService::versions(const Principal& principal, Poco::Int64 id, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    scopedRule(store, principal, id);
    ListQuery scoped = query;
    scoped.filters["ruleId"] = std::to_string(id);
    ListPage page = store.list(CodeEngineViews::codeRuleVersions(), scoped, std::nullopt);
    for (auto& item : page.items)
        shapedVersion(item);
    return page;
}

Poco::JSON::Object::Ptr CodeRuleService::version(const Principal& principal, Poco::Int64 id, Poco::Int64 version)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    scopedRule(repository.store(), principal, id);
    return shapedVersion(Support::found(repository.version(id, version), "version"));
}

Poco::JSON::Object::Ptr CodeRuleService::createVersion(const Principal& principal, Poco::Int64 id,
                                                       const Poco::JSON::Object& input)
{
    requireDesigner(principal);
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    repository.lockRule(id);
    const auto rule = scopedRule(store, principal, id);
    if (rule->getValue<std::string>("publishState") != "published")
        throw common::Error("RULE_NOT_PUBLISHED", "a pending rule has one version; edit its steps instead");
    const Poco::Int64 latest = rule->getValue<Poco::Int64>("latestVersion");
    RuleVersionContent content = contentOf(*repository.version(id, latest));
    std::vector<std::pair<std::string, SqlValue>> ruleColumns;
    applySteps(store, input, content, ruleColumns);
    repository.insertVersion(id, latest + 1, content);
    if (!ruleColumns.empty())
        store.update("code_rules", id, ruleColumns);
    auto result = shapedVersion(repository.version(id, latest + 1));
    transaction.commit();
    return result;
}

Poco::JSON::Object::Ptr CodeRuleService::editVersion(const Principal& principal, Poco::Int64 id, Poco::Int64 version,
                                                     const Poco::JSON::Object& input)
{
    requireDesigner(principal);
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    repository.lockRule(id);
    scopedRule(store, principal, id);
    const auto existing = Support::found(repository.version(id, version), "version");
    RuleVersionContent content = contentOf(*existing);
    std::vector<std::pair<std::string, SqlValue>> ruleColumns;
    if (!applySteps(store, input, content, ruleColumns))
        throw common::Error("BAD_REQUEST", "give at least one of function, spec, extensionFields, collectFields");
    repository.updateVersion(id, version, content);
    if (!ruleColumns.empty())
        store.update("code_rules", id, ruleColumns);
    auto result = shapedVersion(repository.version(id, version));
    transaction.commit();
    return result;
}

Poco::JSON::Object::Ptr CodeRuleService::setVersionEnabled(const Principal& principal, Poco::Int64 id,
                                                           Poco::Int64 version, bool enabled)
{
    requireDesigner(principal);
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    Transaction transaction(session);
    scopedRule(repository.store(), principal, id);
    Support::found(repository.version(id, version), "version");
    // 001 §4.2.3 9) ⑤: several versions may be enabled at once; a disabled one no longer works.
    repository.setVersionStatus(id, version, enabled ? "enabled" : "disabled");
    auto result = shapedVersion(repository.version(id, version));
    transaction.commit();
    return result;
}

Poco::JSON::Object::Ptr CodeRuleService::diff(const Principal& principal, Poco::Int64 id, Poco::Int64 from,
                                              Poco::Int64 to)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    scopedRule(repository.store(), principal, id);
    if (from <= 0 || to <= 0)
        throw common::Error("BAD_REQUEST", "from and to are required");
    const auto before = shapedVersion(Support::found(repository.version(id, from), "version " + std::to_string(from)));
    const auto after = shapedVersion(Support::found(repository.version(id, to), "version " + std::to_string(to)));
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("ruleId", id);
    result->set("from", from);
    result->set("to", to);
    result->set("config", settingsDiff(*before->getObject("config"), *after->getObject("config")));
    bool identical = result->getObject("config")->getArray("changed")->size() == 0;
    for (const char* list : {"specFields", "extensionFields", "collectFields"}) {
        const auto changes = fieldsDiff(*before->getArray(list), *after->getArray(list));
        identical = identical && changes->getArray("added")->size() == 0 && changes->getArray("removed")->size() == 0 &&
                    changes->getArray("changed")->size() == 0;
        result->set(list, changes);
    }
    result->set("identical", identical);
    return result;
}

ListPage CodeRuleService::appRules(const Principal& principal, Poco::Int64 appId, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    scopedApp(store, principal, appId);
    ListQuery scoped = query;
    scoped.filters["appId"] = std::to_string(appId);
    ListPage page = store.list(CodeEngineViews::appCodeRules(), scoped, std::nullopt);
    for (auto& item : page.items)
        item->set("inPool", item->getValue<Poco::Int64>("inPool") != 0);
    return page;
}

void CodeRuleService::link(const Principal& principal, Poco::Int64 appId, const std::vector<Poco::Int64>& ruleIds)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    const auto app = scopedApp(store, principal, appId);
    if (ruleIds.empty())
        throw common::Error("BAD_REQUEST", "ruleIds must name at least one rule");
    const std::string now = Database::timestampNow();
    for (const Poco::Int64 ruleId : ruleIds) {
        const auto rule = scopedRule(store, principal, ruleId);
        // 001 §4.3 关联码规则: an app links rules of its own platform's pool only.
        if (rule->getValue<Poco::Int64>("platformId") != app->getValue<Poco::Int64>("platformId") ||
            rule->getValue<Poco::Int64>("inPool") == 0 || rule->getValue<std::string>("publishState") != "published")
            throw common::Error("RULE_NOT_IN_POOL",
                                "code rule " + std::to_string(ruleId) + " is not in the pool of the app's platform");
        if (rule->getValue<std::string>("status") != "enabled")
            throw common::Error("RULE_DISABLED", "code rule " + std::to_string(ruleId) + " is disabled");
        repository.link(appId, ruleId, now);
    }
    transaction.commit();
}

void CodeRuleService::unlink(const Principal& principal, Poco::Int64 appId, Poco::Int64 ruleId)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    Transaction transaction(session);
    scopedApp(repository.store(), principal, appId);
    // 001 §4.3 2): unlinking leaves the rule in the pool.
    if (!repository.unlink(appId, ruleId))
        throw common::Error("NOT_FOUND", "the rule is not linked to the app");
    transaction.commit();
}

} // namespace citycode::server

#include "services/CodeSpecService.h"

#include "services/BaseConfigSupport.h"
#include "services/CodeRuleFields.h"
#include "storage/CodeEngineViews.h"
#include "storage/CodeSpecRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

// The stored fields text as a JSON array in the answer.
Poco::JSON::Object::Ptr shaped(Poco::JSON::Object::Ptr spec)
{
    if (spec && spec->has("fields") && spec->get("fields").isString())
        spec->set("fields", CodeRuleFields::parseArray(spec->getValue<std::string>("fields")));
    return spec;
}

Poco::JSON::Object::Ptr scopedSpec(RecordStore& store, Poco::Int64 id)
{
    return Support::found(shaped(store.find(CodeEngineViews::codeSpecs(), id, std::nullopt)), "code spec");
}

} // namespace

ListPage CodeSpecService::list(const Principal&, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    ListPage page = RecordStore(session).list(CodeEngineViews::codeSpecs(), query, std::nullopt);
    for (auto& item : page.items)
        shaped(item);
    return page;
}

Poco::JSON::Object::Ptr CodeSpecService::get(const Principal&, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    return scopedSpec(store, id);
}

Poco::JSON::Object::Ptr CodeSpecService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    Support::requireMainPlatform(principal, "change code specifications");
    const std::string name = *Support::text(input, "name", true, 100);
    if (!input.has("fields"))
        throw common::Error("BAD_REQUEST", "fields is required");
    const auto fields = CodeRuleFields::fieldList(input.get("fields"), "fields", false);
    const std::string status = Support::status(input, false).value_or("enabled");
    Poco::Data::Session session = m_database.session();
    CodeSpecRepository repository(session);
    Transaction transaction(session);
    if (repository.nameTaken(name, 0))
        throw common::Error("SPEC_NAME_TAKEN", "a code spec with this name exists");
    const Poco::Int64 id = repository.store().insert(
        "code_specs", {{"name", name}, {"fields", CodeRuleFields::text(fields)}, {"status", status}});
    auto spec = scopedSpec(repository.store(), id);
    transaction.commit();
    return spec;
}

Poco::JSON::Object::Ptr CodeSpecService::update(const Principal& principal, Poco::Int64 id,
                                                const Poco::JSON::Object& input)
{
    Support::requireMainPlatform(principal, "change code specifications");
    const auto name = Support::text(input, "name", false, 100);
    if (name && name->empty())
        throw common::Error("BAD_REQUEST", "name must not be empty");
    Poco::JSON::Array::Ptr fields;
    if (input.has("fields"))
        fields = CodeRuleFields::fieldList(input.get("fields"), "fields", false);
    Poco::Data::Session session = m_database.session();
    CodeSpecRepository repository(session);
    Transaction transaction(session);
    scopedSpec(repository.store(), id);
    if (name && repository.nameTaken(*name, id))
        throw common::Error("SPEC_NAME_TAKEN", "a code spec with this name exists");
    std::vector<std::pair<std::string, SqlValue>> columns;
    if (name)
        columns.emplace_back("name", *name);
    if (fields)
        columns.emplace_back("fields", CodeRuleFields::text(fields));
    repository.store().update("code_specs", id, columns);
    auto spec = scopedSpec(repository.store(), id);
    transaction.commit();
    return spec;
}

Poco::JSON::Object::Ptr CodeSpecService::setEnabled(const Principal& principal, Poco::Int64 id, bool enabled)
{
    Support::requireMainPlatform(principal, "change code specifications");
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    scopedSpec(store, id);
    store.update("code_specs", id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
    auto spec = scopedSpec(store, id);
    transaction.commit();
    return spec;
}

void CodeSpecService::remove(const Principal& principal, Poco::Int64 id)
{
    Support::requireMainPlatform(principal, "change code specifications");
    Poco::Data::Session session = m_database.session();
    CodeSpecRepository repository(session);
    Transaction transaction(session);
    scopedSpec(repository.store(), id);
    // 001 §4.2.2 5): deleting a spec does not affect the rules that use it.
    repository.deleteSpec(id);
    transaction.commit();
}

} // namespace citycode::server

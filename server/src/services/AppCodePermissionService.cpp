#include "services/AppCodePermissionService.h"

#include "services/BaseConfigSupport.h"
#include "storage/BaseConfigViews.h"
#include "storage/CodeRuleRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

std::optional<bool> flag(const Poco::JSON::Object& input, const std::string& field)
{
    if (!input.has(field) || input.isNull(field))
        return std::nullopt;
    const Poco::Dynamic::Var value = input.get(field);
    if (!value.isBoolean())
        throw common::Error("BAD_REQUEST", field + " must be true or false");
    return value.convert<bool>();
}

Poco::JSON::Object::Ptr answer(CodeRuleRepository& repository, Poco::Int64 appId)
{
    const auto stored = repository.permissions(appId).value_or(std::make_pair(false, false));
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("appId", appId);
    result->set("generate", stored.first);
    result->set("scan", stored.second);
    return result;
}

} // namespace

Poco::JSON::Object::Ptr AppCodePermissionService::get(const Principal& principal, Poco::Int64 appId)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    Support::found(repository.store().find(BaseConfigViews::apps(), appId, Support::scopeOf(principal)), "app");
    return answer(repository, appId);
}

Poco::JSON::Object::Ptr AppCodePermissionService::set(const Principal& principal, Poco::Int64 appId,
                                                      const Poco::JSON::Object& input)
{
    Poco::Data::Session session = m_database.session();
    CodeRuleRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(BaseConfigViews::apps(), appId, Support::scopeOf(principal)), "app");
    const auto generate = flag(input, "generate");
    const auto scan = flag(input, "scan");
    if (!generate && !scan)
        throw common::Error("BAD_REQUEST", "give generate and/or scan");
    const auto current = repository.permissions(appId).value_or(std::make_pair(false, false));
    repository.setPermissions(appId, generate.value_or(current.first), scan.value_or(current.second),
                              Database::timestampNow());
    auto result = answer(repository, appId);
    transaction.commit();
    return result;
}

} // namespace citycode::server

#include "services/CodeSubjectService.h"

#include "services/BaseConfigSupport.h"
#include "storage/CodeSubjectRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;
using Columns = std::vector<std::pair<std::string, SqlValue>>;

Columns columnsOf(RecordStore& store, const Poco::JSON::Object& input, bool creating)
{
    Columns columns;
    if (const auto type = Support::text(input, "subjectType", creating, 16)) {
        if (*type != "enterprise" && *type != "place" && *type != "object" && *type != "device" && *type != "other")
            throw common::Error("BAD_REQUEST", "subjectType must be enterprise, place, object, device or other");
        columns.emplace_back("subject_type", *type);
    }
    for (const auto& [field, column, required, size] :
         {std::tuple<const char*, const char*, bool, std::size_t>{"name", "name", creating, 100},
          {"identifier", "identifier", creating, 64},
          {"address", "address", false, 200},
          {"description", "description", false, 500}}) {
        if (const auto value = Support::text(input, field, required, size)) {
            if (required && value->empty())
                throw common::Error("BAD_REQUEST", std::string(field) + " must not be empty");
            columns.emplace_back(column, *value);
        }
    }
    if (input.has("categoryId")) {
        const auto category = Support::integer(input, "categoryId", false);
        if (category && store.scalar("SELECT COUNT(*) FROM code_categories WHERE id = $1", {*category}) == 0)
            throw common::Error("BAD_REQUEST", "categoryId names no category");
        columns.emplace_back("category_id", category ? SqlValue(*category) : SqlValue());
    }
    if (const auto status = Support::status(input, false))
        columns.emplace_back("status", *status);
    return columns;
}

std::string identifierOf(const Columns& columns)
{
    for (const auto& [name, value] : columns) {
        if (name == "identifier")
            return value.convert<std::string>();
    }
    return {};
}

} // namespace

ListPage CodeSubjectService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(CodeSubjectRepository::view(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr CodeSubjectService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(CodeSubjectRepository::view(), id, Support::scopeOf(principal)),
                          "code subject");
}

Poco::JSON::Object::Ptr CodeSubjectService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    const Poco::Int64 platformId = Support::integer(input, "platformId", false).value_or(principal.platformId);
    if (!principal.canAccessPlatform(platformId))
        throw common::Error("NOT_FOUND", "platform not found");
    Poco::Data::Session session = m_database.session();
    CodeSubjectRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    Columns columns = columnsOf(store, input, true);
    if (store.scalar("SELECT COUNT(*) FROM platforms WHERE id = $1", {platformId}) == 0)
        throw common::Error("NOT_FOUND", "platform not found");
    if (store.scalar("SELECT COUNT(*) FROM code_subjects WHERE platform_id = $1 AND identifier = $2",
                     {platformId, identifierOf(columns)}) > 0)
        throw common::Error("IDENTIFIER_TAKEN", "a subject with this identifier exists on the platform");
    columns.emplace_back("platform_id", platformId);
    const Poco::Int64 id = store.insert("code_subjects", columns);
    auto record = store.find(CodeSubjectRepository::view(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr CodeSubjectService::update(const Principal& principal, Poco::Int64 id,
                                                   const Poco::JSON::Object& input)
{
    Poco::Data::Session session = m_database.session();
    CodeSubjectRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    const auto subject =
        Support::found(store.find(CodeSubjectRepository::view(), id, Support::scopeOf(principal)), "code subject");
    if (input.has("platformId"))
        throw common::Error("BAD_REQUEST", "the platform of a subject cannot change");
    const Columns columns = columnsOf(store, input, false);
    const std::string identifier = identifierOf(columns);
    if (!identifier.empty() &&
        store.scalar("SELECT COUNT(*) FROM code_subjects WHERE platform_id = $1 AND identifier = $2 AND id <> $3",
                     {subject->getValue<Poco::Int64>("platformId"), identifier, id}) > 0)
        throw common::Error("IDENTIFIER_TAKEN", "a subject with this identifier exists on the platform");
    if (!columns.empty())
        store.update("code_subjects", id, columns);
    auto record = store.find(CodeSubjectRepository::view(), id, std::nullopt);
    transaction.commit();
    return record;
}

void CodeSubjectService::remove(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    CodeSubjectRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(CodeSubjectRepository::view(), id, Support::scopeOf(principal)),
                   "code subject");
    repository.remove(id);
    transaction.commit();
}

} // namespace citycode::server

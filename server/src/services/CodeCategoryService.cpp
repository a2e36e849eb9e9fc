#include "services/CodeCategoryService.h"

#include "services/BaseConfigSupport.h"
#include "storage/CodeCategoryRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

void checkCode(const std::string& code)
{
    for (const char c : code) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            throw common::Error("BAD_REQUEST", "code may hold letters, digits, '_', '-' and '.' only");
    }
}

} // namespace

ListPage CodeCategoryService::list(const Principal&, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(CodeCategoryRepository::view(), query, std::nullopt);
}

Poco::JSON::Object::Ptr CodeCategoryService::get(const Principal&, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(CodeCategoryRepository::view(), id, std::nullopt), "code category");
}

Poco::JSON::Object::Ptr CodeCategoryService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    Support::requireMainPlatform(principal, "change code categories");
    const std::string code = *Support::text(input, "code", true, 64);
    const std::string name = *Support::text(input, "name", true, 100);
    const auto parentId = Support::integer(input, "parentId", false);
    const Poco::Int64 position = Support::integer(input, "position", false).value_or(0);
    const std::string status = Support::status(input, false).value_or("enabled");
    checkCode(code);

    Poco::Data::Session session = m_database.session();
    CodeCategoryRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    Poco::Int64 level = 1;
    if (parentId) {
        const auto parent = store.find(CodeCategoryRepository::view(), *parentId, std::nullopt);
        if (!parent)
            throw common::Error("BAD_REQUEST", "parentId names no category");
        level = parent->getValue<Poco::Int64>("level") + 1;
        if (level > kMaxLevels)
            throw common::Error("BAD_REQUEST", "categories have at most " + std::to_string(kMaxLevels) + " levels");
    }
    if (store.scalar("SELECT COUNT(*) FROM code_categories WHERE code = $1", {code}) > 0)
        throw common::Error("CODE_TAKEN", "a category with this code exists");
    const Poco::Int64 id = store.insert("code_categories", {{"parent_id", parentId ? SqlValue(*parentId) : SqlValue()},
                                                            {"code", code},
                                                            {"name", name},
                                                            {"level", level},
                                                            {"position", position},
                                                            {"status", status}});
    auto record = store.find(CodeCategoryRepository::view(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr CodeCategoryService::update(const Principal& principal, Poco::Int64 id,
                                                    const Poco::JSON::Object& input)
{
    Support::requireMainPlatform(principal, "change code categories");
    if (input.has("parentId") || input.has("code"))
        throw common::Error("BAD_REQUEST", "code and parentId cannot change; create a new category");
    std::vector<std::pair<std::string, SqlValue>> columns;
    if (const auto name = Support::text(input, "name", false, 100)) {
        if (name->empty())
            throw common::Error("BAD_REQUEST", "name must not be empty");
        columns.emplace_back("name", *name);
    }
    if (const auto position = Support::integer(input, "position", false))
        columns.emplace_back("position", *position);
    if (const auto status = Support::status(input, false))
        columns.emplace_back("status", *status);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    Support::found(store.find(CodeCategoryRepository::view(), id, std::nullopt), "code category");
    if (!columns.empty())
        store.update("code_categories", id, columns);
    auto record = store.find(CodeCategoryRepository::view(), id, std::nullopt);
    transaction.commit();
    return record;
}

void CodeCategoryService::remove(const Principal& principal, Poco::Int64 id)
{
    Support::requireMainPlatform(principal, "change code categories");
    Poco::Data::Session session = m_database.session();
    CodeCategoryRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(CodeCategoryRepository::view(), id, std::nullopt), "code category");
    if (repository.countChildren(id) > 0)
        throw common::Error("CATEGORY_HAS_CHILDREN", "the category has sub-categories; delete them first");
    if (repository.countUses(id) > 0)
        throw common::Error("CATEGORY_IN_USE", "numbering rules or code subjects use this category");
    repository.remove(id);
    transaction.commit();
}

} // namespace citycode::server

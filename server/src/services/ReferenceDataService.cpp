#include "services/ReferenceDataService.h"

#include "services/BaseConfigSupport.h"
#include "storage/BaseConfigRepository.h"
#include "storage/BaseConfigViews.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

#include <set>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

struct KindSpec
{
    const ViewSpec& view;
    const char* table;
    const char* what; // for messages and the "only main-platform operators may ..." answer
};

KindSpec specOf(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::Region:
        return {BaseConfigViews::regions(), "regions", "regions"};
    case ReferenceKind::Industry:
        return {BaseConfigViews::industries(), "industries", "industries"};
    case ReferenceKind::DictionaryGroup:
        return {BaseConfigViews::dictionaryGroups(), "dictionary_groups", "dictionaries"};
    case ReferenceKind::DictionaryEntry:
        break;
    }
    return {BaseConfigViews::dictionaryEntries(), "dictionary_entries", "dictionary entries"};
}

using Columns = std::vector<std::pair<std::string, SqlValue>>;

// Codes appear in exports and configuration files: letters, digits, '.', '_', '-'.
void checkCode(const std::string& code)
{
    for (const char c : code) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            throw common::Error("BAD_REQUEST", "code may hold letters, digits, '.', '_' and '-' only");
    }
}

// The columns of a create (`creating`) or an update from the request's fields.
Columns columnsOf(ReferenceKind kind, const Poco::JSON::Object& input, bool creating)
{
    Columns columns;
    if (const auto code = Support::text(input, "code", creating, 32)) {
        if (code->empty())
            throw common::Error("BAD_REQUEST", "code must not be empty");
        checkCode(*code);
        columns.emplace_back("code", *code);
    }
    const std::string nameField = kind == ReferenceKind::DictionaryEntry ? "label" : "name";
    if (const auto name = Support::text(input, nameField, creating, 100)) {
        if (name->empty())
            throw common::Error("BAD_REQUEST", nameField + " must not be empty");
        columns.emplace_back(nameField, *name);
    }
    if (kind == ReferenceKind::DictionaryGroup) {
        if (const auto description = Support::text(input, "description", false, 500))
            columns.emplace_back("description", *description);
    }
    if (kind == ReferenceKind::DictionaryEntry) {
        if (const auto position = Support::integer(input, "position", false)) {
            if (*position < 0 || *position > 1000000)
                throw common::Error("BAD_REQUEST", "position must be from 0 to 1000000");
            columns.emplace_back("position", *position);
        }
    }
    return columns;
}

std::string valueOf(const Columns& columns, const std::string& name)
{
    for (const auto& [column, value] : columns) {
        if (column == name)
            return value.convert<std::string>();
    }
    return {};
}

// A region may not become its own ancestor: walk up from the new parent.
void checkNoCycle(RecordStore& store, Poco::Int64 id, Poco::Int64 parentId)
{
    std::set<Poco::Int64> seen;
    for (Poco::Int64 at = parentId; at != 0 && seen.insert(at).second;) {
        if (at == id)
            throw common::Error("BAD_REQUEST", "parentId would make the region its own ancestor");
        at = store.scalar("SELECT COALESCE(parent_id, 0) FROM regions WHERE id = $1", {at});
    }
}

} // namespace

std::vector<std::string> ReferenceDataService::listFilters(ReferenceKind kind)
{
    return specOf(kind).view.filterNames();
}

ListPage ReferenceDataService::list(ReferenceKind kind, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(specOf(kind).view, query, std::nullopt);
}

Poco::JSON::Object::Ptr ReferenceDataService::get(ReferenceKind kind, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(specOf(kind).view, id, std::nullopt), "record");
}

Poco::JSON::Object::Ptr ReferenceDataService::create(const Principal& principal, ReferenceKind kind,
                                                     const Poco::JSON::Object& input)
{
    const KindSpec spec = specOf(kind);
    Support::requireMainPlatform(principal, "change " + std::string(spec.what));
    Columns columns = columnsOf(kind, input, true);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const std::string code = valueOf(columns, "code");
    if (kind == ReferenceKind::DictionaryEntry) {
        const Poco::Int64 groupId = *Support::integer(input, "groupId", true);
        if (store.scalar("SELECT COUNT(*) FROM dictionary_groups WHERE id = $1", {groupId}) == 0)
            throw common::Error("BAD_REQUEST", "groupId names no dictionary");
        if (store.scalar("SELECT COUNT(*) FROM dictionary_entries WHERE group_id = $1 AND code = $2", {groupId, code}) >
            0)
            throw common::Error("CODE_TAKEN", "the dictionary has an entry with this code");
        columns.emplace_back("group_id", groupId);
    } else if (store.scalar("SELECT COUNT(*) FROM " + std::string(spec.table) + " WHERE code = $1", {code}) > 0) {
        throw common::Error("CODE_TAKEN", "the code is taken");
    }
    if (kind == ReferenceKind::Region) {
        if (const auto parentId = Support::integer(input, "parentId", false)) {
            if (store.scalar("SELECT COUNT(*) FROM regions WHERE id = $1", {*parentId}) == 0)
                throw common::Error("BAD_REQUEST", "parentId names no region");
            columns.emplace_back("parent_id", *parentId);
        }
    }
    const Poco::Int64 id = store.insert(spec.table, columns);
    auto record = store.find(spec.view, id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr ReferenceDataService::update(const Principal& principal, ReferenceKind kind, Poco::Int64 id,
                                                     const Poco::JSON::Object& input)
{
    const KindSpec spec = specOf(kind);
    Columns columns = columnsOf(kind, input, false);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto existing = Support::found(store.find(spec.view, id, std::nullopt), "record");
    Support::requireMainPlatform(principal, "change " + std::string(spec.what));
    const std::string code = valueOf(columns, "code");
    if (!code.empty()) {
        const bool taken =
            kind == ReferenceKind::DictionaryEntry
                ? store.scalar("SELECT COUNT(*) FROM dictionary_entries WHERE group_id = $1 AND code = $2 AND id <> $3",
                               {existing->getValue<Poco::Int64>("groupId"), code, id}) > 0
                : store.scalar("SELECT COUNT(*) FROM " + std::string(spec.table) + " WHERE code = $1 AND id <> $2",
                               {code, id}) > 0;
        if (taken)
            throw common::Error("CODE_TAKEN", "the code is taken");
    }
    if (kind == ReferenceKind::Region && input.has("parentId")) {
        if (input.isNull("parentId")) {
            columns.emplace_back("parent_id", SqlValue());
        } else {
            const Poco::Int64 parentId = *Support::integer(input, "parentId", true);
            if (store.scalar("SELECT COUNT(*) FROM regions WHERE id = $1", {parentId}) == 0)
                throw common::Error("BAD_REQUEST", "parentId names no region");
            checkNoCycle(store, id, parentId);
            columns.emplace_back("parent_id", parentId);
        }
    }
    store.update(spec.table, id, columns);
    auto record = store.find(spec.view, id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr ReferenceDataService::setEnabled(const Principal& principal, ReferenceKind kind, Poco::Int64 id,
                                                         bool enabled)
{
    const KindSpec spec = specOf(kind);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    Support::found(store.find(spec.view, id, std::nullopt), "record");
    Support::requireMainPlatform(principal, "change " + std::string(spec.what));
    store.update(spec.table, id, {{"status", std::string(enabled ? "enabled" : "disabled")}});
    auto record = store.find(spec.view, id, std::nullopt);
    transaction.commit();
    return record;
}

std::size_t ReferenceDataService::remove(const Principal& principal, ReferenceKind kind,
                                         const std::vector<Poco::Int64>& ids)
{
    const KindSpec spec = specOf(kind);
    Support::requireMainPlatform(principal, "change " + std::string(spec.what));
    Poco::Data::Session session = m_database.session();
    BaseConfigRepository repository(session);
    Transaction transaction(session);
    const std::set<Poco::Int64> deleting(ids.begin(), ids.end());
    for (const Poco::Int64 id : ids) {
        Support::found(repository.store().find(spec.view, id, std::nullopt), "record");
        if (kind == ReferenceKind::Region) {
            // Children deleted in the same batch do not count.
            const auto children = repository.store().select("SELECT id FROM regions WHERE parent_id = $1", {id});
            for (const auto& child : children) {
                if (deleting.count(child->getValue<Poco::Int64>("id")) == 0)
                    throw common::Error("REGION_HAS_CHILDREN", "the region has sub-regions; delete them first");
            }
        }
        if (kind == ReferenceKind::Industry && repository.countAppsInIndustry(id) > 0)
            throw common::Error("INDUSTRY_IN_USE", "apps belong to the industry");
    }
    std::size_t deleted = 0;
    if (kind == ReferenceKind::Region) {
        // Children first, so that no row ever points at a deleted parent.
        std::vector<Poco::Int64> remaining = ids;
        while (!remaining.empty()) {
            std::vector<Poco::Int64> later;
            for (const Poco::Int64 id : remaining) {
                if (repository.countRegionChildren(id) == 0)
                    deleted += repository.deleteByIds(spec.table, {id});
                else
                    later.push_back(id);
            }
            if (later.size() == remaining.size())
                throw common::Error("REGION_HAS_CHILDREN", "the region has sub-regions; delete them first");
            remaining = later;
        }
    } else {
        deleted = repository.deleteByIds(spec.table, ids);
    }
    transaction.commit();
    return deleted;
}

} // namespace citycode::server

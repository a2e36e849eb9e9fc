#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

#include <vector>

namespace citycode::server {

class Database;

// The kinds of shared reference data.
enum class ReferenceKind
{
    Region,          // 区域: a tree through parentId
    Industry,        // 行业
    DictionaryGroup, // 字典
    DictionaryEntry, // 字典项, within a group
};

// Regions, industries and dictionaries (001 §4.12.2 基础数据, §4.12.3 字典管理): data shared by
// every platform, so any operator holding the list permission reads it and only main-platform
// operators change it. Codes are unique (entries within their group); a region with children and
// an industry that apps use are not deleted; deleting a dictionary deletes its entries. Errors:
// NOT_FOUND, FORBIDDEN, BAD_REQUEST, CODE_TAKEN, REGION_HAS_CHILDREN, INDUSTRY_IN_USE.
class ReferenceDataService
{
public:
    explicit ReferenceDataService(Database& database) : m_database(database) {}

    // The filter names of a kind's list.
    static std::vector<std::string> listFilters(ReferenceKind kind);

    ListPage list(ReferenceKind kind, const ListQuery& query);
    Poco::JSON::Object::Ptr get(ReferenceKind kind, Poco::Int64 id);
    // Region: code, name, parentId. Industry: code, name. DictionaryGroup: code, name,
    // description. DictionaryEntry: groupId, code, label, position.
    Poco::JSON::Object::Ptr create(const Principal& principal, ReferenceKind kind, const Poco::JSON::Object& input);
    // The same fields, each optional (an entry keeps its group).
    Poco::JSON::Object::Ptr update(const Principal& principal, ReferenceKind kind, Poco::Int64 id,
                                   const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr setEnabled(const Principal& principal, ReferenceKind kind, Poco::Int64 id, bool enabled);
    // All or nothing: NOT_FOUND when one id names nothing. Returns how many were deleted.
    std::size_t remove(const Principal& principal, ReferenceKind kind, const std::vector<Poco::Int64>& ids);

private:
    Database& m_database;
};

} // namespace citycode::server

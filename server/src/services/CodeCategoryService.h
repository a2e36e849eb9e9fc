#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

namespace citycode::server {

class Database;

// Code categories (000 §2.2.4.2; 002 §5.3.1.1 multi-level categories of static codes): a global
// tree of at most kMaxLevels levels that every operator reads and the main platform changes.
// A category with children, numbering rules or subjects cannot be deleted.
// Errors: NOT_FOUND, FORBIDDEN, BAD_REQUEST, CODE_TAKEN, CATEGORY_HAS_CHILDREN, CATEGORY_IN_USE.
class CodeCategoryService
{
public:
    static constexpr int kMaxLevels = 5;

    explicit CodeCategoryService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: code, name, optional parentId, position, status.
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    // input: name, position, status (the place in the tree does not change).
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    void remove(const Principal& principal, Poco::Int64 id);

private:
    Database& m_database;
};

} // namespace citycode::server

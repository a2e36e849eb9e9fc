#pragma once

#include "storage/RecordStore.h"

#include <Poco/Types.h>

namespace citycode::server {

// SQL of code_categories (000 §2.2.4.2, 002 §5.3.1.1): the admin view of the global category
// tree and the checks before a category is deleted.
class CodeCategoryRepository
{
public:
    explicit CodeCategoryRepository(Poco::Data::Session& session) : m_store(session) {}

    static const ViewSpec& view();
    RecordStore& store() { return m_store; }

    Poco::Int64 countChildren(Poco::Int64 id);
    // Numbering rules and code subjects that name the category.
    Poco::Int64 countUses(Poco::Int64 id);
    void remove(Poco::Int64 id);

private:
    RecordStore m_store;
};

} // namespace citycode::server

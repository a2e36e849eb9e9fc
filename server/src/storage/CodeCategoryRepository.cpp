#include "storage/CodeCategoryRepository.h"

namespace citycode::server {

const ViewSpec& CodeCategoryRepository::view()
{
    static const ViewSpec spec = [] {
        ViewSpec v;
        v.from = "code_categories c";
        v.idColumn = "c.id";
        v.createdColumn = "c.created_at";
        v.defaultOrder = "c.level, c.position, c.id";
        v.fields = {
            {"id", "c.id", FilterKind::None, true},
            {"parentId", "c.parent_id", FilterKind::Integer, false},
            {"code", "c.code", FilterKind::Exact, true},
            {"name", "c.name", FilterKind::Like, true},
            {"level", "c.level", FilterKind::Integer, true},
            {"position", "c.position", FilterKind::None, true},
            {"status", "c.status", FilterKind::Exact, true},
            {"createdAt", "c.created_at", FilterKind::None, true},
            {"updatedAt", "c.updated_at", FilterKind::None, true},
        };
        return v;
    }();
    return spec;
}

Poco::Int64 CodeCategoryRepository::countChildren(Poco::Int64 id)
{
    return m_store.scalar("SELECT COUNT(*) FROM code_categories WHERE parent_id = $1", {id});
}

Poco::Int64 CodeCategoryRepository::countUses(Poco::Int64 id)
{
    return m_store.scalar("SELECT (SELECT COUNT(*) FROM numbering_rules WHERE category_id = $1) +"
                          " (SELECT COUNT(*) FROM code_subjects WHERE category_id = $2)",
                          {id, id});
}

void CodeCategoryRepository::remove(Poco::Int64 id)
{
    m_store.execute("DELETE FROM code_categories WHERE id = $1", {id});
}

} // namespace citycode::server

#include "storage/CodeSubjectRepository.h"

namespace citycode::server {

const ViewSpec& CodeSubjectRepository::view()
{
    static const ViewSpec spec = [] {
        ViewSpec v;
        v.from = "code_subjects s JOIN platforms p ON p.id = s.platform_id"
                 " LEFT JOIN code_categories c ON c.id = s.category_id";
        v.idColumn = "s.id";
        v.scopeColumn = "s.platform_id";
        v.createdColumn = "s.created_at";
        v.defaultOrder = "s.id DESC";
        v.fields = {
            {"id", "s.id", FilterKind::None, true},
            {"platformId", "s.platform_id", FilterKind::Integer, true},
            {"platformName", "p.name", FilterKind::None, false},
            {"categoryId", "s.category_id", FilterKind::Integer, false},
            {"categoryName", "c.name", FilterKind::None, false},
            {"subjectType", "s.subject_type", FilterKind::Exact, true},
            {"name", "s.name", FilterKind::Like, true},
            {"identifier", "s.identifier", FilterKind::Exact, true},
            {"address", "s.address", FilterKind::None, false},
            {"description", "s.description", FilterKind::None, false},
            {"status", "s.status", FilterKind::Exact, true},
            {"createdAt", "s.created_at", FilterKind::None, true},
            {"updatedAt", "s.updated_at", FilterKind::None, true},
        };
        return v;
    }();
    return spec;
}

void CodeSubjectRepository::remove(Poco::Int64 id)
{
    m_store.execute("DELETE FROM code_subjects WHERE id = $1", {id});
}

} // namespace citycode::server

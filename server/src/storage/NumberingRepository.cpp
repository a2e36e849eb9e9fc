#include "storage/NumberingRepository.h"

namespace citycode::server {

const ViewSpec& NumberingRepository::view()
{
    static const ViewSpec spec = [] {
        ViewSpec v;
        v.from = "numbering_rules r JOIN platforms p ON p.id = r.platform_id"
                 " LEFT JOIN code_categories c ON c.id = r.category_id";
        v.idColumn = "r.id";
        v.scopeColumn = "r.platform_id";
        v.createdColumn = "r.created_at";
        v.defaultOrder = "r.id DESC";
        v.fields = {
            {"id", "r.id", FilterKind::None, true},
            {"platformId", "r.platform_id", FilterKind::Integer, true},
            {"platformName", "p.name", FilterKind::None, false},
            {"categoryId", "r.category_id", FilterKind::Integer, false},
            {"categoryName", "c.name", FilterKind::None, false},
            {"name", "r.name", FilterKind::Like, true},
            {"prefix", "r.prefix", FilterKind::Exact, true},
            {"dateFormat", "r.date_format", FilterKind::None, false},
            {"sequenceWidth", "r.sequence_width", FilterKind::None, false},
            {"status", "r.status", FilterKind::Exact, true},
            {"createdAt", "r.created_at", FilterKind::None, true},
            {"updatedAt", "r.updated_at", FilterKind::None, true},
        };
        return v;
    }();
    return spec;
}

Poco::Int64 NumberingRepository::advance(Poco::Int64 ruleId, const std::string& period, Poco::Int64 count)
{
    // INSERT ... ON CONFLICT DO UPDATE ... RETURNING: SQLite 3.35+ and PostgreSQL 9.5+. On
    // PostgreSQL the conflicting row is locked, so concurrent callers are serialised on it.
    return m_store.scalar("INSERT INTO numbering_sequences (rule_id, period, last_value) VALUES ($1, $2, $3)"
                          " ON CONFLICT (rule_id, period) DO UPDATE"
                          " SET last_value = numbering_sequences.last_value + excluded.last_value"
                          " RETURNING last_value",
                          {ruleId, period, count});
}

Poco::Int64 NumberingRepository::countAllocations(Poco::Int64 ruleId)
{
    return m_store.scalar("SELECT COUNT(*) FROM numbering_sequences WHERE rule_id = $1", {ruleId});
}

void NumberingRepository::remove(Poco::Int64 ruleId)
{
    m_store.execute("DELETE FROM numbering_rules WHERE id = $1", {ruleId});
}

} // namespace citycode::server

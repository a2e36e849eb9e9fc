#include "storage/CodeStyleRepository.h"

#include "storage/Database.h"

namespace citycode::server {

const ViewSpec& CodeStyleRepository::view()
{
    static const ViewSpec spec = [] {
        ViewSpec v;
        v.from = "code_styles s JOIN platforms p ON p.id = s.platform_id";
        v.idColumn = "s.id";
        v.scopeColumn = "s.platform_id";
        v.createdColumn = "s.created_at";
        v.defaultOrder = "s.id DESC";
        v.fields = {
            {"id", "s.id", FilterKind::None, true},
            {"platformId", "s.platform_id", FilterKind::Integer, true},
            {"platformName", "p.name", FilterKind::None, false},
            {"codeType", "s.code_type", FilterKind::Exact, true},
            {"name", "s.name", FilterKind::Like, true},
            {"backgroundColor", "s.background_color", FilterKind::None, false},
            {"foregroundColor", "s.foreground_color", FilterKind::None, false},
            {"caption", "s.caption", FilterKind::None, false},
            {"captionColor", "s.caption_color", FilterKind::None, false},
            {"logoPngBase64", "s.logo_png_base64", FilterKind::None, false},
            {"symbology", "s.symbology", FilterKind::Exact, true},
            {"ecLevel", "s.ec_level", FilterKind::Exact, true},
            {"quietZoneModules", "s.quiet_zone_modules", FilterKind::None, false},
            {"modulePixels", "s.module_pixels", FilterKind::None, false},
            {"printSizeMm", "s.print_size_mm", FilterKind::None, false},
            // Millionths; CodeStyleService answers it as logoAreaFraction.
            {"logoAreaPpm", "s.logo_area_ppm", FilterKind::None, false},
            {"status", "s.status", FilterKind::Exact, true},
            {"activatedAt", "s.activated_at", FilterKind::None, true},
            {"createdAt", "s.created_at", FilterKind::None, true},
            {"updatedAt", "s.updated_at", FilterKind::None, true},
        };
        return v;
    }();
    return spec;
}

void CodeStyleRepository::activate(Poco::Int64 id, Poco::Int64 platformId, const std::string& codeType)
{
    const std::string now = Database::timestampNow();
    m_store.execute("UPDATE code_styles SET status = 'inactive', updated_at = $1"
                    " WHERE platform_id = $2 AND code_type = $3 AND status = 'active' AND id <> $4",
                    {now, platformId, codeType, id});
    m_store.execute("UPDATE code_styles SET status = 'active', activated_at = $1, updated_at = $2 WHERE id = $3",
                    {now, now, id});
}

void CodeStyleRepository::remove(Poco::Int64 id)
{
    m_store.execute("DELETE FROM code_styles WHERE id = $1", {id});
}

Poco::JSON::Object::Ptr CodeStyleRepository::active(Poco::Int64 platformId, const std::string& codeType)
{
    ListQuery query;
    query.filters["codeType"] = codeType;
    query.filters["status"] = "active";
    const ListPage page = m_store.list(view(), query, platformId);
    return page.items.empty() ? nullptr : page.items.front();
}

} // namespace citycode::server

#include "storage/BaseConfigViews.h"

namespace citycode::server {

namespace {

using F = FilterKind;

FieldSpec created(const std::string& alias)
{
    return {"createdAt", alias + ".created_at", F::None, true};
}

FieldSpec updated(const std::string& alias)
{
    return {"updatedAt", alias + ".updated_at", F::None, false};
}

} // namespace

const ViewSpec& BaseConfigViews::platforms()
{
    // 001 §4.4.2: id, name, kind, created time, status; search by time, name, id, status.
    static const ViewSpec view{"platforms p",
                               "p.id",
                               "p.id",
                               "p.created_at",
                               "p.id ASC",
                               {{"id", "p.id", F::Integer, true},
                                {"name", "p.name", F::Like, true},
                                {"kind", "p.kind", F::Exact, true},
                                {"serviceAddress", "p.service_address", F::None, false},
                                {"status", "p.status", F::Exact, true},
                                created("p"),
                                updated("p")}};
    return view;
}

const ViewSpec& BaseConfigViews::apps()
{
    // 001 §4.3.2: search by time, name, id, platform, industry.
    static const ViewSpec view{
        "apps a JOIN platforms p ON p.id = a.platform_id LEFT JOIN industries i ON i.id = a.industry_id"
        " LEFT JOIN app_shelf s ON s.app_id = a.id",
        "a.id",
        "a.platform_id",
        "a.created_at",
        "a.id DESC",
        {{"id", "a.id", F::Integer, true},
         {"appCode", "a.app_code", F::Exact, false},
         {"name", "a.name", F::Like, true},
         {"organisation", "a.organisation", F::Like, false},
         {"description", "a.description", F::None, false},
         {"platformId", "a.platform_id", F::Integer, true},
         {"platformName", "p.name", F::None, false},
         {"industryId", "a.industry_id", F::Integer, false},
         {"industryName", "i.name", F::None, false},
         {"status", "a.status", F::Exact, true},
         {"shelfPosition", "s.position", F::None, false},
         created("a"),
         updated("a")}};
    return view;
}

const ViewSpec& BaseConfigViews::developers()
{
    // 001 §4.6: number, name, app, created time; search by number, name, app.
    static const ViewSpec view{"developers d JOIN apps a ON a.id = d.app_id",
                               "d.id",
                               "a.platform_id",
                               "d.created_at",
                               "d.id DESC",
                               {{"id", "d.id", F::Integer, true},
                                {"number", "d.number", F::Like, true},
                                {"name", "d.name", F::Like, true},
                                {"appId", "d.app_id", F::Integer, false},
                                {"appName", "a.name", F::None, true},
                                {"appCode", "a.app_code", F::None, false},
                                {"platformId", "a.platform_id", F::Integer, false},
                                {"secretRotatedAt", "d.secret_rotated_at", F::None, false},
                                created("d"),
                                updated("d")}};
    return view;
}

const ViewSpec& BaseConfigViews::shelf()
{
    static const ViewSpec view{"app_shelf s JOIN apps a ON a.id = s.app_id",
                               "s.app_id",
                               "s.platform_id",
                               "s.listed_at",
                               "s.platform_id ASC, s.position ASC, s.app_id ASC",
                               {{"appId", "s.app_id", F::None, false},
                                {"appName", "a.name", F::Like, false},
                                {"platformId", "s.platform_id", F::Integer, false},
                                {"position", "s.position", F::None, true},
                                {"listedAt", "s.listed_at", F::None, true}}};
    return view;
}

const ViewSpec& BaseConfigViews::appApplications()
{
    // 004 §3. The sealed contact data is opened and masked by the service; the hashes allow an
    // exact search by phone and never leave the server.
    static const ViewSpec view{"app_applications x",
                               "x.id",
                               "x.platform_id",
                               "x.created_at",
                               "x.id DESC",
                               {{"id", "x.id", F::Integer, true},
                                {"platformId", "x.platform_id", F::Integer, false},
                                {"appName", "x.app_name", F::Like, true},
                                {"organisation", "x.organisation", F::Like, false},
                                {"contactName", "x.contact_name_sealed", F::None, false},
                                {"contactNameHash", "x.contact_name_hash", F::Exact, false},
                                {"contactPhone", "x.contact_phone_sealed", F::None, false},
                                {"contactPhoneHash", "x.contact_phone_hash", F::Exact, false},
                                {"description", "x.description", F::None, false},
                                {"status", "x.status", F::Exact, true},
                                {"reviewReason", "x.review_reason", F::None, false},
                                {"reviewedBy", "x.reviewed_by", F::None, false},
                                {"reviewedAt", "x.reviewed_at", F::None, true},
                                {"appId", "x.app_id", F::None, false},
                                created("x"),
                                updated("x")}};
    return view;
}

const ViewSpec& BaseConfigViews::services()
{
    // 004 §4: service name, app, service code, type, state, created time.
    static const ViewSpec view{"services v JOIN apps a ON a.id = v.app_id",
                               "v.id",
                               "v.platform_id",
                               "v.created_at",
                               "v.id DESC",
                               {{"id", "v.id", F::Integer, true},
                                {"platformId", "v.platform_id", F::Integer, false},
                                {"appId", "v.app_id", F::Integer, false},
                                {"appName", "a.name", F::None, false},
                                {"name", "v.name", F::Like, true},
                                {"moduleCode", "v.module_code", F::Exact, false},
                                {"serviceType", "v.service_type", F::Exact, true},
                                {"callbackCode", "v.callback_code", F::Exact, false},
                                {"address", "v.address", F::None, false},
                                {"description", "v.description", F::None, false},
                                {"reviewStatus", "v.review_status", F::Exact, true},
                                {"reviewReason", "v.review_reason", F::None, false},
                                {"reviewedAt", "v.reviewed_at", F::None, false},
                                {"runState", "v.run_state", F::Exact, true},
                                {"runStateReason", "v.run_state_reason", F::None, false},
                                created("v"),
                                updated("v")}};
    return view;
}

const ViewSpec& BaseConfigViews::regions()
{
    static const ViewSpec view{"regions r",
                               "r.id",
                               "",
                               "r.created_at",
                               "r.code ASC",
                               {{"id", "r.id", F::Integer, true},
                                {"parentId", "r.parent_id", F::Integer, false},
                                {"code", "r.code", F::Like, true},
                                {"name", "r.name", F::Like, true},
                                {"status", "r.status", F::Exact, true},
                                created("r"),
                                updated("r")}};
    return view;
}

const ViewSpec& BaseConfigViews::industries()
{
    static const ViewSpec view{"industries n",
                               "n.id",
                               "",
                               "n.created_at",
                               "n.code ASC",
                               {{"id", "n.id", F::Integer, true},
                                {"code", "n.code", F::Like, true},
                                {"name", "n.name", F::Like, true},
                                {"status", "n.status", F::Exact, true},
                                created("n"),
                                updated("n")}};
    return view;
}

const ViewSpec& BaseConfigViews::dictionaryGroups()
{
    static const ViewSpec view{"dictionary_groups g",
                               "g.id",
                               "",
                               "g.created_at",
                               "g.code ASC",
                               {{"id", "g.id", F::Integer, true},
                                {"code", "g.code", F::Like, true},
                                {"name", "g.name", F::Like, true},
                                {"description", "g.description", F::None, false},
                                {"status", "g.status", F::Exact, true},
                                created("g"),
                                updated("g")}};
    return view;
}

const ViewSpec& BaseConfigViews::dictionaryEntries()
{
    static const ViewSpec view{"dictionary_entries e JOIN dictionary_groups g ON g.id = e.group_id",
                               "e.id",
                               "",
                               "e.created_at",
                               "e.group_id ASC, e.position ASC, e.id ASC",
                               {{"id", "e.id", F::Integer, true},
                                {"groupId", "e.group_id", F::Integer, false},
                                {"groupCode", "g.code", F::Exact, false},
                                {"code", "e.code", F::Like, true},
                                {"label", "e.label", F::Like, true},
                                {"position", "e.position", F::None, true},
                                {"status", "e.status", F::Exact, true},
                                created("e"),
                                updated("e")}};
    return view;
}

} // namespace citycode::server

#include "services/ServiceListingService.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"
#include "services/BaseConfigSupport.h"
#include "storage/BaseConfigViews.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/URI.h>

#include <sstream>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

// Base64 of the largest report (4 characters per 3 bytes).
constexpr std::size_t kMaxBase64 = (ServiceListingService::kMaxReportBytes + 2) / 3 * 4;

// 004 §7.2: service addresses use https.
void checkAddress(const std::string& address)
{
    try {
        const Poco::URI uri(address);
        if (uri.getScheme() == "https" && !uri.getHost().empty())
            return;
    } catch (const Poco::Exception&) {
    }
    throw common::Error("BAD_REQUEST", "address must be an https:// URL");
}

// 004 §4.3 3): the initials of the service name in capitals, e.g. "GJJTQ".
void checkCallbackCode(const std::string& code)
{
    if (code.empty() || code.size() > 32)
        throw common::Error("BAD_REQUEST", "callbackCode must have 1 to 32 characters");
    for (const char c : code) {
        if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)))
            throw common::Error("BAD_REQUEST", "callbackCode may hold capital letters and digits only");
    }
}

struct Report
{
    std::string kind;
    std::string fileName;
    std::string base64;
    std::size_t size = 0;
};

std::vector<Report> reportsOf(const Poco::JSON::Object& input)
{
    std::vector<Report> reports;
    if (!input.has("reports") || input.isNull("reports"))
        return reports;
    const auto array = input.getArray("reports");
    if (!array || array->size() > 10)
        throw common::Error("BAD_REQUEST", "reports must be an array of at most 10 reports");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->getObject(static_cast<unsigned>(i));
        if (!item)
            throw common::Error("BAD_REQUEST", "each report must be an object");
        Report report;
        report.kind = *Support::text(*item, "kind", true, 16);
        if (report.kind != "functional" && report.kind != "security")
            throw common::Error("BAD_REQUEST", "report kind must be functional or security");
        report.fileName = *Support::text(*item, "fileName", true, 200);
        report.base64 = Support::text(*item, "contentBase64", false, kMaxBase64).value_or("");
        std::istringstream encoded(report.base64);
        Poco::Base64Decoder decoder(encoded);
        std::string content;
        try {
            content.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
        } catch (const Poco::Exception&) {
            throw common::Error("BAD_REQUEST", "contentBase64 is not base64");
        }
        report.size = content.size();
        reports.push_back(std::move(report));
    }
    return reports;
}

} // namespace

std::vector<std::string> ServiceListingService::listFilters()
{
    return BaseConfigViews::services().filterNames();
}

ListPage ServiceListingService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(BaseConfigViews::services(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr ServiceListingService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    auto service = Support::found(store.find(BaseConfigViews::services(), id, Support::scopeOf(principal)), "service");
    Poco::JSON::Array::Ptr reports = new Poco::JSON::Array;
    for (const auto& report : store.select("SELECT id, kind, file_name AS \"fileName\", size_bytes AS \"sizeBytes\","
                                           " created_at AS \"createdAt\" FROM service_reports WHERE service_id = $1"
                                           " ORDER BY id",
                                           {id}))
        reports->add(report);
    service->set("reports", reports);
    return service;
}

Poco::JSON::Object::Ptr ServiceListingService::submit(const Principal& principal, const Poco::JSON::Object& input)
{
    const Poco::Int64 appId = *Support::integer(input, "appId", true);
    const std::string name = *Support::text(input, "name", true, 100);
    const std::string type = *Support::text(input, "serviceType", true, 16);
    if (type != "handle" && type != "query")
        throw common::Error("BAD_REQUEST", "serviceType must be handle (a form is submitted) or query");
    const std::string callbackCode = *Support::text(input, "callbackCode", true, 32);
    checkCallbackCode(callbackCode);
    const std::string address = *Support::text(input, "address", true, 500);
    checkAddress(address);
    const std::string description = Support::text(input, "description", false, 2000).value_or("");
    const std::vector<Report> reports = reportsOf(input);

    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto app = Support::found(store.find(BaseConfigViews::apps(), appId, Support::scopeOf(principal)), "app");
    if (app->getValue<std::string>("status") != "enabled")
        throw common::Error("APP_DISABLED", "services are listed for enabled apps only");
    const Poco::Int64 id = store.insert("services", {{"platform_id", app->getValue<Poco::Int64>("platformId")},
                                                     {"app_id", appId},
                                                     {"name", name},
                                                     // 004 §4.3 4): generated by the system, used by the open API.
                                                     {"module_code", common::toHex(common::randomBytes(12))},
                                                     {"service_type", type},
                                                     {"callback_code", callbackCode},
                                                     {"address", address},
                                                     {"description", description}});
    for (const Report& report : reports)
        store.insert("service_reports",
                     {{"service_id", id},
                      {"kind", report.kind},
                      {"file_name", report.fileName},
                      {"size_bytes", static_cast<Poco::Int64>(report.size)},
                      {"content_base64", report.base64},
                      {"created_at", Database::timestampNow()}},
                     false);
    transaction.commit();
    return get(principal, id);
}

Poco::JSON::Object::Ptr ServiceListingService::review(const Principal& principal, Poco::Int64 id,
                                                      const Poco::JSON::Object& input)
{
    if (!input.has("approve") || !input.get("approve").isBoolean())
        throw common::Error("BAD_REQUEST", "approve must be true or false");
    const bool approve = input.getValue<bool>("approve");
    const std::string reason = Support::text(input, "reason", !approve, 500).value_or("");
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto service =
        Support::found(store.find(BaseConfigViews::services(), id, Support::scopeOf(principal)), "service");
    if (service->getValue<std::string>("reviewStatus") != "pending")
        throw common::Error("APPLICATION_REVIEWED", "the service has been reviewed already");
    store.update("services", id,
                 {{"review_status", std::string(approve ? "approved" : "rejected")},
                  {"review_reason", reason},
                  {"reviewed_by", principal.operatorId},
                  {"reviewed_at", Database::timestampNow()}});
    transaction.commit();
    return get(principal, id);
}

Poco::JSON::Object::Ptr ServiceListingService::setRunning(const Principal& principal, Poco::Int64 id, bool running,
                                                          const Poco::JSON::Object& input)
{
    const std::string reason = *Support::text(input, "reason", true, 500);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto service =
        Support::found(store.find(BaseConfigViews::services(), id, Support::scopeOf(principal)), "service");
    if (service->getValue<std::string>("reviewStatus") != "approved")
        throw common::Error("SERVICE_NOT_APPROVED", "only approved services are stopped or started");
    store.update("services", id,
                 {{"run_state", std::string(running ? "running" : "stopped")}, {"run_state_reason", reason}});
    transaction.commit();
    return get(principal, id);
}

} // namespace citycode::server

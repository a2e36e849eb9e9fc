#include "services/OnboardingService.h"

#include "citycode/common/PersonalData.h"
#include "services/BaseConfigSupport.h"
#include "services/PersonalDataCipher.h"
#include "storage/BaseConfigViews.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

constexpr char kNameColumn[] = "app_applications.contact_name";
constexpr char kPhoneColumn[] = "app_applications.contact_phone";

} // namespace

Poco::JSON::Object::Ptr OnboardingService::present(Poco::JSON::Object::Ptr record) const
{
    // Lists and details show masked values only (QUALITY: personal data); the hashes stay inside.
    record->set("contactName",
                common::maskName(m_cipher.open(record->getValue<std::string>("contactName"), kNameColumn)));
    record->set("contactPhone",
                common::maskPhone(m_cipher.open(record->getValue<std::string>("contactPhone"), kPhoneColumn)));
    record->remove("contactNameHash");
    record->remove("contactPhoneHash");
    return record;
}

ListPage OnboardingService::listApplications(const Principal& principal, ListQuery query)
{
    const std::string phone = query.filter("contactPhone");
    query.filters.erase("contactPhone");
    query.filters.erase("contactPhoneHash");
    query.filters.erase("contactNameHash");
    if (!phone.empty())
        query.filters["contactPhoneHash"] = m_cipher.searchHash(phone, kPhoneColumn);
    Poco::Data::Session session = m_database.session();
    ListPage page = RecordStore(session).list(BaseConfigViews::appApplications(), query, Support::scopeOf(principal));
    for (auto& item : page.items)
        present(item);
    return page;
}

Poco::JSON::Object::Ptr OnboardingService::getApplication(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return present(Support::found(
        RecordStore(session).find(BaseConfigViews::appApplications(), id, Support::scopeOf(principal)), "application"));
}

Poco::JSON::Object::Ptr OnboardingService::submitApplication(const Principal& principal,
                                                             const Poco::JSON::Object& input)
{
    const std::string appName = *Support::text(input, "appName", true, 100);
    const std::string organisation = *Support::text(input, "organisation", true, 200);
    const std::string contactName = *Support::text(input, "contactName", true, 50);
    const std::string contactPhone = *Support::text(input, "contactPhone", true, 20);
    const std::string description = Support::text(input, "description", false, 2000).value_or("");
    if (!common::validatePhone(contactPhone))
        throw common::Error("BAD_REQUEST", "contactPhone must be a mainland mobile number");
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const Poco::Int64 id =
        store.insert("app_applications", {{"platform_id", principal.platformId},
                                          {"app_name", appName},
                                          {"organisation", organisation},
                                          {"contact_name_sealed", m_cipher.seal(contactName, kNameColumn)},
                                          {"contact_name_hash", m_cipher.searchHash(contactName, kNameColumn)},
                                          {"contact_phone_sealed", m_cipher.seal(contactPhone, kPhoneColumn)},
                                          {"contact_phone_hash", m_cipher.searchHash(contactPhone, kPhoneColumn)},
                                          {"description", description},
                                          {"submitted_by", principal.operatorId}});
    auto record = store.find(BaseConfigViews::appApplications(), id, std::nullopt);
    transaction.commit();
    return present(record);
}

Poco::JSON::Object::Ptr OnboardingService::review(const Principal& principal, Poco::Int64 id,
                                                  const Poco::JSON::Object& input, CreatedApp& created)
{
    if (!input.has("approve") || !input.get("approve").isBoolean())
        throw common::Error("BAD_REQUEST", "approve must be true or false");
    const bool approve = input.getValue<bool>("approve");
    const std::string reason = Support::text(input, "reason", !approve, 500).value_or("");
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto application =
        Support::found(store.find(BaseConfigViews::appApplications(), id, Support::scopeOf(principal)), "application");
    if (application->getValue<std::string>("status") != "pending")
        throw common::Error("APPLICATION_REVIEWED", "the application has been reviewed already");
    std::vector<std::pair<std::string, SqlValue>> columns{{"status", std::string(approve ? "approved" : "rejected")},
                                                          {"review_reason", reason},
                                                          {"reviewed_by", principal.operatorId},
                                                          {"reviewed_at", Database::timestampNow()}};
    if (approve) {
        const std::string organisation = application->getValue<std::string>("organisation");
        created = m_apps.createOn(session, application->getValue<Poco::Int64>("platformId"),
                                  application->getValue<std::string>("appName"), organisation,
                                  application->getValue<std::string>("description"), organisation);
        columns.emplace_back("app_id", created.app->getValue<Poco::Int64>("id"));
    }
    store.update("app_applications", id, columns);
    auto record = store.find(BaseConfigViews::appApplications(), id, std::nullopt);
    transaction.commit();
    return present(record);
}

} // namespace citycode::server

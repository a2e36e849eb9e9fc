#include "api/OnboardingHandlers.h"

#include "api/AdminRequest.h"
#include "http/Exchange.h"
#include "services/OnboardingService.h"
#include "services/OperationLog.h"
#include "storage/BaseConfigViews.h"

#include <algorithm>

namespace citycode::server {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

void OnboardingHandlers::list(Exchange& exchange)
{
    // The keyed hashes are internal; callers search by the phone number itself.
    std::vector<std::string> filters = BaseConfigViews::appApplications().filterNames();
    filters.erase(std::remove_if(filters.begin(), filters.end(),
                                 [](const std::string& name) { return name.find("Hash") != std::string::npos; }),
                  filters.end());
    filters.push_back("contactPhone");
    const ListQuery query = AdminRequest::listQuery(exchange, filters);
    exchange.sendJson(Status::HTTP_OK,
                      AdminRequest::pageJson(m_onboarding.listApplications(exchange.principal(), query)));
}

void OnboardingHandlers::get(Exchange& exchange)
{
    exchange.sendJson(Status::HTTP_OK, *m_onboarding.getApplication(exchange.principal(), AdminRequest::id(exchange)));
}

void OnboardingHandlers::submit(Exchange& exchange)
{
    const auto record = m_onboarding.submitApplication(exchange.principal(), *AdminRequest::body(exchange));
    m_log.record(exchange.principal(), "app-application.submit", "app-application",
                 std::to_string(record->getValue<Poco::Int64>("id")));
    exchange.sendJson(Status::HTTP_CREATED, *record);
}

void OnboardingHandlers::review(Exchange& exchange)
{
    const Poco::Int64 id = AdminRequest::id(exchange);
    CreatedApp created;
    const auto record = m_onboarding.review(exchange.principal(), id, *AdminRequest::body(exchange), created);
    const bool approved = created.app != nullptr;
    m_log.record(exchange.principal(), approved ? "app-application.approve" : "app-application.reject",
                 "app-application", std::to_string(id));
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("application", record);
    if (approved) {
        // 004 §3.3: the AppCode and AppSecret are issued at approval and shown once.
        body.set("app", created.app);
        body.set("appCode", created.app->getValue<std::string>("appCode"));
        body.set("appSecret", created.secret);
    }
    exchange.sendJson(Status::HTTP_OK, body);
}

} // namespace citycode::server

#pragma once

namespace citycode::server {

class Exchange;
class OnboardingService;
class OperationLog;

// /admin/v1/app-applications (004 §3): app applications listed (contacts masked), submitted and
// reviewed; an approval answers the new app's AppCode and AppSecret once. Changes go to the
// operation log.
class OnboardingHandlers
{
public:
    OnboardingHandlers(OnboardingService& onboarding, OperationLog& log) : m_onboarding(onboarding), m_log(log) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void submit(Exchange& exchange);
    // POST {"approve":true} or {"approve":false,"reason":"..."}
    void review(Exchange& exchange);

private:
    OnboardingService& m_onboarding;
    OperationLog& m_log;
};

} // namespace citycode::server

#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// App onboarding (004 §3): applications of the caller's platform; submitting one, and for the
// main platform reviewing it (approve creates the app and shows its AppSecret once; reject
// needs a reason).
class OnboardingPage : public ListPage
{
    Q_OBJECT

public:
    explicit OnboardingPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void submit();
    void review(bool approve);
};

} // namespace citycode::client

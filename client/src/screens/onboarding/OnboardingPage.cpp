#include "screens/onboarding/OnboardingPage.h"

#include "api/ApiClient.h"
#include "models/DisplayText.h"
#include "models/OnboardingModel.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"
#include "widgets/SecretDialog.h"

namespace citycode::client {

namespace {

const QString ApplicationsPath = QStringLiteral("/admin/v1/app-applications");
constexpr int NameLength = 100;
constexpr int OrganisationLength = 200;
constexpr int ContactLength = 50;
constexpr int DescriptionLength = 2000;
constexpr int ReasonLength = 500;

} // namespace

OnboardingPage::OnboardingPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("App onboarding"), ApplicationsPath, new OnboardingModel, parent)
{
    setObjectName(QStringLiteral("onboardingPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Submitted:"));
    filters->addText(QStringLiteral("appName"), tr("App name:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addChoice(QStringLiteral("status"), tr("Status:"),
                       {{QStringLiteral("pending"), DisplayText::status(QStringLiteral("pending"))},
                        {QStringLiteral("approved"), DisplayText::status(QStringLiteral("approved"))},
                        {QStringLiteral("rejected"), DisplayText::status(QStringLiteral("rejected"))}});
    // An exact search through the server's keyed hash; the list itself shows phones masked.
    filters->addText(QStringLiteral("contactPhone"), tr("Contact phone:"), true);

    addAction(QStringLiteral("newButton"), tr("&Apply…"), QStringLiteral("base:onboarding:apply"), Needs::Nothing,
              [this]() { submit(); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("approveButton"), tr("A&pprove…"), QStringLiteral("base:onboarding:review"), Needs::One,
              [this]() { review(true); });
    addAction(QStringLiteral("rejectButton"), tr("Re&ject…"), QStringLiteral("base:onboarding:review"), Needs::One,
              [this]() { review(false); });
}

void OnboardingPage::submit()
{
    auto* dialog = new FormDialog(tr("Apply for an app"), this);
    dialog->setObjectName(QStringLiteral("applicationDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addLine(QStringLiteral("appName"), tr("&App name:"), QString(), true, NameLength);
    dialog->addLine(QStringLiteral("organisation"), tr("&Organisation:"), QString(), true, OrganisationLength);
    dialog->addLine(QStringLiteral("contactName"), tr("&Contact:"), QString(), true, ContactLength);
    dialog->addLine(QStringLiteral("contactPhone"), tr("Contact &phone:"), QString(), true, ContactLength,
                    QRegularExpression(QStringLiteral("^1[3-9][0-9]{9}$")),
                    tr("a mainland mobile number of 11 digits"));
    dialog->addText(QStringLiteral("description"), tr("&Description:"), QString(), DescriptionLength);
    dialog->setSubmit([this, dialog](const QJsonObject& values) {
        api()->post(ApplicationsPath, values, dialog, [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            showMessage(tr("Application submitted."));
        });
    });
    dialog->open();
}

void OnboardingPage::review(bool approve)
{
    const QJsonObject application = selectedRecord();
    const qint64 id = application.value(QLatin1String("id")).toInteger();
    const QString appName = application.value(QLatin1String("appName")).toString();
    auto* dialog = new FormDialog(approve ? tr("Approve %1").arg(appName) : tr("Reject %1").arg(appName), this);
    dialog->setObjectName(QStringLiteral("reviewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addInfo(tr("App name:"), appName);
    dialog->addInfo(tr("Organisation:"), application.value(QLatin1String("organisation")).toString());
    if (approve) {
        dialog->addInfo(QString(), tr("Approving creates the app with its developer; its AppSecret is shown once."));
    }
    // 004 §3: a rejection always says why.
    dialog->addText(QStringLiteral("reason"), approve ? tr("&Remark:") : tr("&Reason:"), QString(), ReasonLength);
    if (!approve) {
        dialog->addCheck([dialog]() {
            return dialog->values().value(QLatin1String("reason")).toString().isEmpty()
                       ? tr("Give the reason for the rejection.")
                       : QString();
        });
    }
    dialog->setSubmit([this, dialog, id, approve, appName](const QJsonObject& values) {
        QJsonObject body = values;
        body.insert(QStringLiteral("approve"), approve);
        if (body.value(QLatin1String("reason")).toString().isEmpty()) {
            body.remove(QStringLiteral("reason"));
        }
        api()->post(ApplicationsPath + QStringLiteral("/%1/review").arg(id), body, dialog,
                    [this, dialog, approve, appName](const ApiReply& reply) {
                        if (reply.error.isError()) {
                            dialog->showError(reply.error.toString());
                            return;
                        }
                        dialog->succeed();
                        reload();
                        if (!approve) {
                            showMessage(tr("Application of %1 rejected.").arg(appName));
                            return;
                        }
                        showMessage(tr("Application of %1 approved.").arg(appName));
                        auto* secret = new SecretDialog(
                            tr("Credentials of %1").arg(appName),
                            tr("The app signs its requests with this AppSecret. It is shown only now; store it "
                               "safely. If it is lost, rotate it."),
                            {{tr("AppCode:"), reply.json.value(QLatin1String("appCode")).toString()},
                             {tr("AppSecret:"), reply.json.value(QLatin1String("appSecret")).toString()}},
                            this);
                        secret->setAttribute(Qt::WA_DeleteOnClose);
                        secret->open();
                    });
    });
    dialog->open();
}

} // namespace citycode::client

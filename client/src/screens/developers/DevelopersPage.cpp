#include "screens/developers/DevelopersPage.h"

#include "api/ApiClient.h"
#include "models/DeveloperModel.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"
#include "widgets/SecretDialog.h"

namespace citycode::client {

namespace {

const QString DevelopersPath = QStringLiteral("/admin/v1/developers");
constexpr int NameLength = 100;

} // namespace

DevelopersPage::DevelopersPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Developers"), DevelopersPath, new DeveloperModel, parent)
{
    setObjectName(QStringLiteral("developersPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("number"), tr("Number:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("appId"), tr("App ID:"), true);
    addAction(QStringLiteral("editButton"), tr("&Rename…"), QStringLiteral("base:developer:edit"), Needs::One,
              [this]() { rename(); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("rotateSecretButton"), tr("R&otate secret…"), QStringLiteral("base:developer:secret"),
              Needs::One, [this]() { rotateSecret(); });
}

void DevelopersPage::rename()
{
    const QJsonObject developer = selectedRecord();
    const qint64 id = developer.value(QLatin1String("id")).toInteger();
    auto* dialog = new FormDialog(tr("Rename developer"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addLine(QStringLiteral("name"), tr("&Name:"), developer.value(QLatin1String("name")).toString(), true,
                    NameLength);
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        api()->put(DevelopersPath + QStringLiteral("/%1").arg(id), values, dialog,
                   [this, dialog](const ApiReply& reply) {
                       if (reply.error.isError()) {
                           dialog->showError(reply.error.toString());
                           return;
                       }
                       dialog->succeed();
                       reload();
                       showMessage(tr("Developer saved."));
                   });
    });
    dialog->open();
}

void DevelopersPage::rotateSecret()
{
    const QJsonObject developer = selectedRecord();
    const QString app = developer.value(QLatin1String("appName")).toString();
    if (!confirm(tr("Rotate the AppSecret of \"%1\"? The current secret stops working at once.").arg(app))) {
        return;
    }
    api()->post(DevelopersPath + QStringLiteral("/%1/secret").arg(developer.value(QLatin1String("id")).toInteger()),
                QJsonObject(), this, [this, app, developer](const ApiReply& reply) {
                    if (reply.error.isError()) {
                        showError(reply.error);
                        return;
                    }
                    reload();
                    showMessage(tr("The AppSecret of \"%1\" was rotated.").arg(app));
                    auto* secret =
                        new SecretDialog(tr("New AppSecret of %1").arg(app),
                                         tr("The previous secret no longer works. This one is shown only now."),
                                         {{tr("AppCode:"), developer.value(QLatin1String("appCode")).toString()},
                                          {tr("AppSecret:"), reply.json.value(QLatin1String("appSecret")).toString()}},
                                         this);
                    secret->setAttribute(Qt::WA_DeleteOnClose);
                    secret->open();
                });
}

} // namespace citycode::client

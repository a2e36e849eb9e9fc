#include "screens/platforms/PlatformsPage.h"

#include "api/ApiClient.h"
#include "models/DisplayText.h"
#include "models/PlatformModel.h"
#include "screens/platforms/PlatformDialog.h"
#include "widgets/FilterBar.h"
#include "widgets/SecretDialog.h"

namespace citycode::client {

namespace {

const QString PlatformsPath = QStringLiteral("/admin/v1/platforms");

} // namespace

PlatformsPage::PlatformsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Platforms"), PlatformsPath, new PlatformModel, parent)
{
    setObjectName(QStringLiteral("platformsPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addEnabledStatus();
    filters->addChoice(QStringLiteral("kind"), tr("Kind:"),
                       {{QStringLiteral("main"), DisplayText::platformKind(QStringLiteral("main"))},
                        {QStringLiteral("sub"), DisplayText::platformKind(QStringLiteral("sub"))}});

    addAction(QStringLiteral("newButton"), tr("&New sub-platform…"), QStringLiteral("base:platform:add"),
              Needs::Nothing, [this]() { createPlatform(); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("base:platform:edit"), Needs::One,
              [this]() { editPlatform(); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(
        QStringLiteral("enableButton"), tr("E&nable"), QStringLiteral("base:platform:status"), Needs::Some,
        [this]() { runOnSelection(QStringLiteral("POST"), PlatformsPath + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), QStringLiteral("base:platform:status"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("POST"), PlatformsPath + QStringLiteral("/%1/disable"),
                                 tr("Disable the selected platforms? Their apps are disabled with them."), {});
              });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("base:platform:delete"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("DELETE"), PlatformsPath + QStringLiteral("/%1"),
                                 tr("Delete the selected platforms with their operators and roles? This cannot "
                                    "be undone."),
                                 {});
              });
}

void PlatformsPage::createPlatform()
{
    auto* dialog = new PlatformDialog(QJsonObject(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this, dialog](const QJsonObject& values) {
        api()->post(PlatformsPath, values, dialog, [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            const QString name =
                reply.json.value(QLatin1String("platform")).toObject().value(QLatin1String("name")).toString();
            showMessage(tr("Sub-platform \"%1\" created.").arg(name));
            auto* secret = new SecretDialog(
                tr("Administrator of %1").arg(name),
                tr("The administrator of the new sub-platform signs in with this one-time password and must "
                   "change it then. It is shown only now."),
                {{tr("User name:"), reply.json.value(QLatin1String("adminUsername")).toString()},
                 {tr("One-time password:"), reply.json.value(QLatin1String("adminPassword")).toString()}},
                this);
            secret->setAttribute(Qt::WA_DeleteOnClose);
            secret->open();
        });
    });
    dialog->open();
}

void PlatformsPage::editPlatform()
{
    const QJsonObject platform = selectedRecord();
    const qint64 id = platform.value(QLatin1String("id")).toInteger();
    auto* dialog = new PlatformDialog(platform, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        api()->put(PlatformsPath + QStringLiteral("/%1").arg(id), values, dialog,
                   [this, dialog](const ApiReply& reply) {
                       if (reply.error.isError()) {
                           dialog->showError(reply.error.toString());
                           return;
                       }
                       dialog->succeed();
                       reload();
                       showMessage(tr("Platform saved."));
                   });
    });
    dialog->open();
}

} // namespace citycode::client

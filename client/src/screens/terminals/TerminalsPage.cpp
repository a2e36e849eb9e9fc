#include "screens/terminals/TerminalsPage.h"

#include "api/ApiClient.h"
#include "models/TerminalModel.h"
#include "screens/terminals/TerminalDialog.h"
#include "widgets/FilterBar.h"

namespace citycode::client {

const QString TerminalsPage::Path = QStringLiteral("/admin/v1/terminals");

TerminalsPage::TerminalsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Scanner terminals"), Path, new TerminalModel, parent)
{
    setObjectName(QStringLiteral("terminalsPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Registered:"));
    filters->addText(QStringLiteral("terminalCode"), tr("Terminal ID:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addEnabledStatus();

    addAction(QStringLiteral("newButton"), tr("&Register…"), QStringLiteral("code:terminal:add"), Needs::Nothing,
              [this]() { editTerminal({}); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("code:terminal:edit"), Needs::One,
              [this]() { editTerminal(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("enableButton"), tr("E&nable"), QStringLiteral("code:terminal:status"), Needs::Some,
              [this]() { runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), QStringLiteral("code:terminal:status"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/disable"),
                                 tr("Disable the selected terminals? Their scans are refused from now on."), {});
              });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("code:terminal:delete"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("DELETE"), Path + QStringLiteral("/%1"),
                                 tr("Delete the selected terminals? This cannot be undone."), {});
              });
}

void TerminalsPage::editTerminal(const QJsonObject& terminal)
{
    const qint64 id = terminal.value(QLatin1String("id")).toInteger();
    auto* dialog = new TerminalDialog(terminal, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        QJsonObject body = values;
        if (id > 0 && body.value(QLatin1String("publicKeyPem")).toString().isEmpty()) {
            body.remove(QStringLiteral("publicKeyPem")); // keep the registered key
        }
        saveRecord(dialog, id, body, tr("Terminal \"%1\" saved."), QStringLiteral("terminalCode"));
    });
    dialog->open();
}

} // namespace citycode::client

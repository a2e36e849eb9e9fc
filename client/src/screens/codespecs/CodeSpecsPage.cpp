#include "screens/codespecs/CodeSpecsPage.h"

#include "api/ApiClient.h"
#include "models/CodeSpecModel.h"
#include "screens/codespecs/CodeSpecDialog.h"
#include "widgets/FilterBar.h"

namespace citycode::client {

const QString CodeSpecsPage::Path = QStringLiteral("/admin/v1/code-specs");

CodeSpecsPage::CodeSpecsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Code specs"), Path, new CodeSpecModel, parent)
{
    setObjectName(QStringLiteral("codeSpecsPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addEnabledStatus();

    addAction(QStringLiteral("newButton"), tr("&New spec…"), QStringLiteral("code:spec:add"), Needs::Nothing,
              [this]() { editSpec({}); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("code:spec:edit"), Needs::One,
              [this]() { editSpec(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("enableButton"), tr("E&nable"), QStringLiteral("code:spec:status"), Needs::Some,
              [this]() { runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), QStringLiteral("code:spec:status"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/disable"),
                                 tr("Disable the selected specs? New rules cannot choose them then."), {});
              });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("code:spec:delete"), Needs::Some, [this]() {
        runOnSelection(QStringLiteral("DELETE"), Path + QStringLiteral("/%1"),
                       tr("Delete the selected specs? This cannot be undone."), {});
    });
}

void CodeSpecsPage::editSpec(const QJsonObject& spec)
{
    const qint64 id = spec.value(QLatin1String("id")).toInteger();
    auto* dialog = new CodeSpecDialog(spec, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this, dialog, id](const QJsonObject&) {
        const auto done = [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            showMessage(tr("Code spec \"%1\" saved.").arg(reply.json.value(QLatin1String("name")).toString()));
        };
        if (id > 0) {
            api()->put(Path + QStringLiteral("/%1").arg(id), dialog->body(), dialog, done);
        } else {
            api()->post(Path, dialog->body(), dialog, done);
        }
    });
    dialog->open();
}

} // namespace citycode::client

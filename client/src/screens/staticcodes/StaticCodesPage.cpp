#include "screens/staticcodes/StaticCodesPage.h"

#include "api/ApiClient.h"
#include "models/CodeEngineText.h"
#include "models/StaticCodeModel.h"
#include "screens/staticcodes/StaticCodeDetailDialog.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

#include <QLineEdit>

namespace citycode::client {

const QString StaticCodesPage::Path = QStringLiteral("/admin/v1/static-codes");

StaticCodesPage::StaticCodesPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Static codes"), Path, new StaticCodeModel, parent)
{
    setObjectName(QStringLiteral("staticCodesPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("codeNumber"), tr("Code number:"));
    filters->addText(QStringLiteral("category"), tr("Category:"));
    filters->addChoice(QStringLiteral("state"), tr("State:"),
                       CodeEngineText::choices(CodeEngineText::staticStates(), &CodeEngineText::staticState));
    filters->addChoice(
        QStringLiteral("subjectType"), tr("Subject type:"),
        CodeEngineText::choices({QStringLiteral("person"), QStringLiteral("enterprise"), QStringLiteral("object")},
                                &CodeEngineText::subjectType));

    addAction(QStringLiteral("newButton"), tr("&Register…"), QStringLiteral("code:static:add"), Needs::Nothing,
              [this]() { registerCode(); });
    addAction(QStringLiteral("detailButton"), tr("&Detail and operations…"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
}

void StaticCodesPage::showDetail(const QJsonObject& record)
{
    auto* dialog = new StaticCodeDetailDialog(api(), session(), record.value(QLatin1String("id")).toInteger(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StaticCodeDetailDialog::changed, this, &StaticCodesPage::reload);
    dialog->open();
}

void StaticCodesPage::registerCode()
{
    auto* dialog = new FormDialog(tr("Register static code"), this);
    dialog->setObjectName(QStringLiteral("staticCodeDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog
        ->addLine(QStringLiteral("codeNumber"), tr("Code &number:"), QString(), false, 64,
                  QRegularExpression(QStringLiteral("^[A-Za-z0-9-]+$")), tr("letters, digits and hyphens only"))
        ->setPlaceholderText(tr("(assigned by the server)"));
    dialog->addLine(QStringLiteral("category"), tr("&Category:"), QString(), true, 64);
    dialog->addChoice(QStringLiteral("subjectType"), tr("Subject &type:"),
                      {{QStringLiteral("person"), CodeEngineText::subjectType(QStringLiteral("person"))},
                       {QStringLiteral("enterprise"), CodeEngineText::subjectType(QStringLiteral("enterprise"))},
                       {QStringLiteral("object"), CodeEngineText::subjectType(QStringLiteral("object"))}},
                      QStringLiteral("object"));
    dialog->addLine(QStringLiteral("subjectName"), tr("Subject &name:"), QString(), true, 100);
    dialog->addLine(QStringLiteral("subjectIdentifier"), tr("&ID number / credit code:"), QString(), false, 64);
    dialog->addLine(QStringLiteral("subjectPhone"), tr("&Phone:"), QString(), false, 20,
                    QRegularExpression(QStringLiteral("^[0-9+ -]+$")), tr("digits only"));
    dialog->addLine(QStringLiteral("appId"), tr("&App ID:"), QString(), false, 18,
                    QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a number"));
    dialog->addLine(QStringLiteral("description"), tr("&Description:"), QString(), false, 500);
    dialog->setSubmit([this, dialog](const QJsonObject& values) {
        QJsonObject body;
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            if (it.value().toString().isEmpty()) {
                continue; // optional fields left out
            }
            if (it.key() == QLatin1String("appId")) {
                body.insert(it.key(), it.value().toString().toLongLong());
            } else {
                body.insert(it.key(), it.value());
            }
        }
        api()->post(Path, body, dialog, [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            showMessage(tr("Static code %1 registered.").arg(reply.json.value(QLatin1String("codeNumber")).toString()));
        });
    });
    dialog->open();
}

} // namespace citycode::client

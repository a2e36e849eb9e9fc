#include "screens/categories/NumberingRulesPage.h"

#include "api/ApiClient.h"
#include "models/DisplayText.h"
#include "models/NumberingRuleModel.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

#include <QInputDialog>
#include <QJsonArray>

namespace citycode::client {

namespace {

constexpr int MaxAllocation = 100;

} // namespace

const QString NumberingRulesPage::Path = QStringLiteral("/admin/v1/numbering-rules");

NumberingRulesPage::NumberingRulesPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Numbering rules"), Path, new NumberingRuleModel, parent)
{
    setObjectName(QStringLiteral("numberingRulesPage"));
    FilterBar* filters = filterBar();
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("prefix"), tr("Prefix:"));
    filters->addEnabledStatus();
    addAction(QStringLiteral("newButton"), tr("&New rule…"), QStringLiteral("code:numbering:add"), Needs::Nothing,
              [this]() { editRule({}); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("code:numbering:edit"), Needs::One,
              [this]() { editRule(selectedRecord()); });
    addAction(QStringLiteral("allocateButton"), tr("&Allocate numbers…"), QStringLiteral("code:numbering:allocate"),
              Needs::One, [this]() { askAndAllocate(); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("code:numbering:delete"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("DELETE"), Path + QStringLiteral("/%1"),
                                 tr("Delete the selected numbering rules? This cannot be undone."), {});
              });
}

void NumberingRulesPage::editRule(const QJsonObject& rule)
{
    const qint64 id = rule.value(QLatin1String("id")).toInteger();
    auto* dialog = new FormDialog(id > 0 ? tr("Edit numbering rule") : tr("New numbering rule"), this);
    dialog->setObjectName(QStringLiteral("numberingDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addLine(QStringLiteral("name"), tr("&Name:"), rule.value(QLatin1String("name")).toString(), true, 100);
    if (id > 0) {
        // The shape of the numbers never changes once numbers were given out.
        dialog->addInfo(tr("Prefix:"), rule.value(QLatin1String("prefix")).toString());
        dialog->addInfo(tr("Date part:"), rule.value(QLatin1String("dateFormat")).toString());
        dialog->addInfo(tr("Sequence digits:"),
                        QString::number(rule.value(QLatin1String("sequenceWidth")).toInteger()));
    } else {
        dialog->addLine(QStringLiteral("prefix"), tr("&Prefix:"), QString(), true, 8,
                        QRegularExpression(QStringLiteral("^[A-Za-z]+$")), tr("letters only"));
        dialog->addChoice(QStringLiteral("dateFormat"), tr("&Date part:"),
                          {{QStringLiteral("yyyyMMdd"), QStringLiteral("yyyyMMdd")},
                           {QStringLiteral("yyyyMM"), QStringLiteral("yyyyMM")},
                           {QStringLiteral("yyyy"), QStringLiteral("yyyy")},
                           {QStringLiteral("none"), tr("(none)")}});
        dialog->addLine(QStringLiteral("sequenceWidth"), tr("&Sequence digits:"), QStringLiteral("6"), true, 2,
                        QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a number"));
    }
    dialog->addChoice(QStringLiteral("status"), tr("S&tatus:"),
                      {{QStringLiteral("enabled"), DisplayText::status(QStringLiteral("enabled"))},
                       {QStringLiteral("disabled"), DisplayText::status(QStringLiteral("disabled"))}},
                      rule.value(QLatin1String("status")).toString(QStringLiteral("enabled")));
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        QJsonObject body = values;
        if (body.contains(QLatin1String("sequenceWidth"))) {
            body.insert(QStringLiteral("sequenceWidth"), body.value(QLatin1String("sequenceWidth")).toString().toInt());
        }
        saveRecord(dialog, id, body, tr("Numbering rule \"%1\" saved."), QStringLiteral("name"));
    });
    dialog->open();
}

void NumberingRulesPage::askAndAllocate()
{
    bool ok = false;
    const int count =
        QInputDialog::getInt(this, tr("Allocate numbers"), tr("How many numbers:"), 1, 1, MaxAllocation, 1, &ok);
    if (ok) {
        allocate(count);
    }
}

void NumberingRulesPage::allocate(int count)
{
    const qint64 id = selectedRecord().value(QLatin1String("id")).toInteger();
    api()->post(Path + QStringLiteral("/%1/allocate").arg(id), QJsonObject{{QStringLiteral("count"), count}}, this,
                [this](const ApiReply& reply) {
                    if (reply.error.isError()) {
                        showError(reply.error);
                        return;
                    }
                    QStringList numbers;
                    for (const QJsonValue& value : reply.json.value(QLatin1String("numbers")).toArray()) {
                        numbers.append(value.toString());
                    }
                    showMessage(tr("%n number(s) allocated: %1", nullptr, static_cast<int>(numbers.size()))
                                    .arg(numbers.join(QStringLiteral(", "))));
                    emit allocated(numbers);
                });
}

} // namespace citycode::client

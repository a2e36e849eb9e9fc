#include "screens/categories/CodeCategoriesPage.h"

#include "api/ApiClient.h"
#include "models/CodeCategoryModel.h"
#include "models/DisplayText.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

namespace citycode::client {

namespace {

const QVector<QPair<QVariant, QString>> statusChoices()
{
    return {{QStringLiteral("enabled"), DisplayText::status(QStringLiteral("enabled"))},
            {QStringLiteral("disabled"), DisplayText::status(QStringLiteral("disabled"))}};
}

} // namespace

const QString CodeCategoriesPage::Path = QStringLiteral("/admin/v1/code-categories");

CodeCategoriesPage::CodeCategoriesPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Code categories"), Path, new CodeCategoryModel, parent)
{
    setObjectName(QStringLiteral("codeCategoriesPage"));
    FilterBar* filters = filterBar();
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("code"), tr("Code:"));
    filters->addText(QStringLiteral("parentId"), tr("Parent ID:"), true);
    filters->addEnabledStatus();
    addAction(QStringLiteral("newButton"), tr("&New category…"), QStringLiteral("code:category:add"), Needs::Nothing,
              [this]() { editCategory({}); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("code:category:edit"), Needs::One,
              [this]() { editCategory(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("code:category:delete"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("DELETE"), Path + QStringLiteral("/%1"),
                                 tr("Delete the selected categories? This cannot be undone."), {});
              });
}

void CodeCategoriesPage::editCategory(const QJsonObject& category)
{
    const qint64 id = category.value(QLatin1String("id")).toInteger();
    auto* dialog = new FormDialog(id > 0 ? tr("Edit code category") : tr("New code category"), this);
    dialog->setObjectName(QStringLiteral("categoryDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (id > 0) {
        // Code and parent place the category in the tree and stay as created.
        dialog->addInfo(tr("Code:"), category.value(QLatin1String("code")).toString());
    } else {
        dialog->addLine(QStringLiteral("code"), tr("&Code:"), QString(), true, 64,
                        QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")),
                        tr("letters, digits, underscore and hyphen only"));
        dialog->addLine(QStringLiteral("parentId"), tr("&Parent ID:"), QString(), false, 18,
                        QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a number"));
    }
    dialog->addLine(QStringLiteral("name"), tr("&Name:"), category.value(QLatin1String("name")).toString(), true, 100);
    dialog->addLine(QStringLiteral("position"), tr("P&osition:"),
                    QString::number(category.value(QLatin1String("position")).toInteger()), false, 9,
                    QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a number"));
    dialog->addChoice(QStringLiteral("status"), tr("&Status:"), statusChoices(),
                      category.value(QLatin1String("status")).toString(QStringLiteral("enabled")));
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        QJsonObject body = values;
        for (const QString& number : {QStringLiteral("parentId"), QStringLiteral("position")}) {
            if (body.value(number).toString().isEmpty()) {
                body.remove(number);
            } else if (body.contains(number)) {
                body.insert(number, body.value(number).toString().toLongLong());
            }
        }
        saveRecord(dialog, id, body, tr("Category \"%1\" saved."), QStringLiteral("name"));
    });
    dialog->open();
}

} // namespace citycode::client

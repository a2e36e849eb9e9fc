#include "screens/codesubjects/CodeSubjectsPage.h"

#include "api/ApiClient.h"
#include "models/CodeEngineText.h"
#include "models/CodeSubjectModel.h"
#include "screens/codesubjects/CodeSubjectDialog.h"
#include "widgets/FilterBar.h"

#include <QJsonArray>
#include <QPointer>

namespace citycode::client {

namespace {

const QString CategoriesPath = QStringLiteral("/admin/v1/code-categories");
constexpr int CategoryPageSize = 100; // the server's largest page

} // namespace

const QString CodeSubjectsPage::Path = QStringLiteral("/admin/v1/code-subjects");

CodeSubjectsPage::CodeSubjectsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Code subjects"), Path, new CodeSubjectModel, parent)
{
    setObjectName(QStringLiteral("codeSubjectsPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("identifier"), tr("Identifier:"));
    filters->addChoice(QStringLiteral("subjectType"), tr("Type:"),
                       CodeEngineText::choices(CodeEngineText::codeSubjectTypes(), &CodeEngineText::subjectType));
    filters->addEnabledStatus();

    addAction(QStringLiteral("newButton"), tr("&New subject…"), QStringLiteral("code:subject:add"), Needs::Nothing,
              [this]() { editSubject({}); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("code:subject:edit"), Needs::One,
              [this]() { editSubject(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("code:subject:delete"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("DELETE"), Path + QStringLiteral("/%1"),
                                 tr("Delete the selected subjects? This cannot be undone."), {});
              });
}

void CodeSubjectsPage::editSubject(const QJsonObject& subject)
{
    const qint64 id = subject.value(QLatin1String("id")).toInteger();
    auto* dialog = new CodeSubjectDialog(subject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(CategoryPageSize));
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("enabled"));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("position"));
    query.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
    api()->get(CategoriesPath, query, dialog, [dialog](const ApiReply& reply) {
        if (reply.error.isError()) {
            return; // the subject can still be saved without choosing a category
        }
        QVector<QPair<qint64, QString>> categories;
        for (const QJsonValue& item : reply.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject category = item.toObject();
            categories.append(
                {category.value(QLatin1String("id")).toInteger(), category.value(QLatin1String("name")).toString()});
        }
        dialog->setCategories(categories);
    });
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        QJsonObject body = values;
        if (id > 0 && !body.contains(QLatin1String("categoryId"))) {
            body.insert(QStringLiteral("categoryId"), QJsonValue::Null); // "(none)" clears the category
        }
        saveRecord(dialog, id, body, tr("Subject \"%1\" saved."), QStringLiteral("name"));
    });
    dialog->open();
}

} // namespace citycode::client

#include "screens/referencedata/DictionaryEntriesPage.h"

#include "api/ApiClient.h"
#include "app/ReferenceCache.h"
#include "models/DictionaryEntryModel.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

const QString EntriesPath = QStringLiteral("/admin/v1/dictionary-entries");
const QString Permission = QStringLiteral("system:dict:");
constexpr int CodeLength = 64;
constexpr int LabelLength = 100;
constexpr int DialogWidth = 900;
constexpr int DialogHeight = 560;

} // namespace

DictionaryEntriesPage::DictionaryEntriesPage(const PageContext& context, const QJsonObject& dictionary, QWidget* parent)
    : ListPage(context,
               tr("Entries of %1 (%2)")
                   .arg(dictionary.value(QLatin1String("name")).toString(),
                        dictionary.value(QLatin1String("code")).toString()),
               EntriesPath, new DictionaryEntryModel, parent),
      m_groupId(dictionary.value(QLatin1String("id")).toInteger())
{
    setObjectName(QStringLiteral("dictionaryEntriesPage"));
    setFixedFilter(QStringLiteral("groupId"), QString::number(m_groupId));
    connect(this, &ListPage::recordsChanged, this,
            [this]() { referenceData()->invalidate(ReferenceCache::Kind::DictionaryEntries); });
    FilterBar* filters = filterBar();
    filters->addText(QStringLiteral("code"), tr("Code:"));
    filters->addText(QStringLiteral("label"), tr("Label:"));
    filters->addEnabledStatus();

    addAction(QStringLiteral("newButton"), tr("&New…"), Permission + QStringLiteral("add"), Needs::Nothing,
              [this]() { openDialog(QJsonObject()); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), Permission + QStringLiteral("edit"), Needs::One,
              [this]() { openDialog(selectedRecord()); });
    addAction(QStringLiteral("enableButton"), tr("E&nable"), Permission + QStringLiteral("edit"), Needs::Some,
              [this]() { runOnSelection(QStringLiteral("POST"), EntriesPath + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(
        QStringLiteral("disableButton"), tr("D&isable"), Permission + QStringLiteral("edit"), Needs::Some,
        [this]() { runOnSelection(QStringLiteral("POST"), EntriesPath + QStringLiteral("/%1/disable"), {}, {}); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), Permission + QStringLiteral("delete"), Needs::Some,
              [this]() {
                  runBatch(EntriesPath + QStringLiteral("/batch-delete"),
                           tr("Delete the %n selected entries? This cannot be undone.", nullptr,
                              static_cast<int>(selectedRecords().size())),
                           tr("Deleted."));
              });
}

void DictionaryEntriesPage::openFor(const PageContext& context, const QJsonObject& dictionary, QWidget* parent)
{
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("dictionaryEntriesDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Dictionary entries"));
    auto* page = new DictionaryEntriesPage(context, dictionary, dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    dialog->resize(DialogWidth, DialogHeight);
    dialog->open();
    page->activate();
}

void DictionaryEntriesPage::openDialog(const QJsonObject& record)
{
    const qint64 id = record.value(QLatin1String("id")).toInteger();
    auto* dialog = new FormDialog(id == 0 ? tr("New dictionary entry") : tr("Edit dictionary entry"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addLine(QStringLiteral("code"), tr("&Code:"), record.value(QLatin1String("code")).toString(), true,
                    CodeLength);
    dialog->addLine(QStringLiteral("label"), tr("&Label:"), record.value(QLatin1String("label")).toString(), true,
                    LabelLength);
    dialog->addLine(QStringLiteral("position"), tr("&Position:"),
                    QString::number(record.value(QLatin1String("position")).toInteger()), true, 9,
                    QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a whole number"));
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        QJsonObject body = values;
        body.insert(QStringLiteral("position"), body.value(QLatin1String("position")).toString().toLongLong());
        const auto answered = [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            emit recordsChanged();
            reload();
            showMessage(tr("Saved."));
        };
        if (id == 0) {
            body.insert(QStringLiteral("groupId"), m_groupId);
            api()->post(path(), body, dialog, answered);
        } else {
            api()->put(path() + QStringLiteral("/%1").arg(id), body, dialog, answered);
        }
    });
    dialog->open();
}

} // namespace citycode::client

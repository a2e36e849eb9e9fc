#include "screens/referencedata/ReferenceDataPage.h"

#include "api/ApiClient.h"
#include "app/ReferenceCache.h"
#include "models/ReferenceDataModel.h"
#include "screens/referencedata/DictionaryEntriesPage.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

#include <QComboBox>

namespace citycode::client {

namespace {

constexpr int CodeLength = 64;
constexpr int NameLength = 100;
constexpr int DescriptionLength = 500;

QString titleOf(ReferenceDataPage::Kind kind)
{
    switch (kind) {
    case ReferenceDataPage::Kind::Regions:
        return ReferenceDataPage::tr("Regions");
    case ReferenceDataPage::Kind::Industries:
        return ReferenceDataPage::tr("Industries");
    case ReferenceDataPage::Kind::Dictionaries:
        return ReferenceDataPage::tr("Dictionaries");
    }
    return {};
}

QString pathOf(ReferenceDataPage::Kind kind)
{
    switch (kind) {
    case ReferenceDataPage::Kind::Regions:
        return QStringLiteral("/admin/v1/regions");
    case ReferenceDataPage::Kind::Industries:
        return QStringLiteral("/admin/v1/industries");
    case ReferenceDataPage::Kind::Dictionaries:
        return QStringLiteral("/admin/v1/dictionaries");
    }
    return {};
}

ReferenceCache::Kind cacheKindOf(ReferenceDataPage::Kind kind)
{
    switch (kind) {
    case ReferenceDataPage::Kind::Regions:
        return ReferenceCache::Kind::Regions;
    case ReferenceDataPage::Kind::Industries:
        return ReferenceCache::Kind::Industries;
    case ReferenceDataPage::Kind::Dictionaries:
        break;
    }
    return ReferenceCache::Kind::Dictionaries;
}

} // namespace

ReferenceDataPage::ReferenceDataPage(const PageContext& context, Kind kind, QWidget* parent)
    : ListPage(context, titleOf(kind), pathOf(kind), new ReferenceDataModel, parent), m_kind(kind)
{
    setObjectName(QStringLiteral("referenceDataPage"));
    switch (kind) {
    case Kind::Regions:
        m_permissionPrefix = QStringLiteral("base:region:");
        break;
    case Kind::Industries:
        m_permissionPrefix = QStringLiteral("base:industry:");
        break;
    case Kind::Dictionaries:
        m_permissionPrefix = QStringLiteral("system:dict:");
        break;
    }
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("code"), tr("Code:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addEnabledStatus();

    // Pickers elsewhere in the console read these lists from the cache: a change fetches them again.
    connect(this, &ListPage::recordsChanged, this, [this]() { referenceData()->invalidate(cacheKindOf(m_kind)); });

    const QString base = path();
    if (kind == Kind::Dictionaries) {
        addAction(QStringLiteral("entriesButton"), tr("En&tries…"), m_permissionPrefix + QStringLiteral("list"),
                  Needs::One, [this]() {
                      PageContext shared = this->context();
                      shared.referenceData = referenceData();
                      DictionaryEntriesPage::openFor(shared, selectedRecord(), this);
                  });
    }
    addAction(QStringLiteral("newButton"), tr("&New…"), m_permissionPrefix + QStringLiteral("add"), Needs::Nothing,
              [this]() { openDialog(QJsonObject()); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), m_permissionPrefix + QStringLiteral("edit"), Needs::One,
              [this]() { openDialog(selectedRecord()); });
    addAction(QStringLiteral("enableButton"), tr("E&nable"), m_permissionPrefix + QStringLiteral("edit"), Needs::Some,
              [this, base]() { runOnSelection(QStringLiteral("POST"), base + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), m_permissionPrefix + QStringLiteral("edit"), Needs::Some,
              [this, base]() { runOnSelection(QStringLiteral("POST"), base + QStringLiteral("/%1/disable"), {}, {}); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), m_permissionPrefix + QStringLiteral("delete"), Needs::Some,
              [this, base]() {
                  runBatch(base + QStringLiteral("/batch-delete"),
                           tr("Delete the %n selected record(s)? This cannot be undone.", nullptr,
                              static_cast<int>(selectedRecords().size())),
                           tr("Deleted."));
              });
}

void ReferenceDataPage::openDialog(const QJsonObject& record)
{
    const qint64 id = record.value(QLatin1String("id")).toInteger();
    auto* dialog = new FormDialog(id == 0 ? tr("New entry") : tr("Edit entry"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addLine(QStringLiteral("code"), tr("&Code:"), record.value(QLatin1String("code")).toString(), true,
                    CodeLength);
    dialog->addLine(QStringLiteral("name"), tr("&Name:"), record.value(QLatin1String("name")).toString(), true,
                    NameLength);
    if (m_kind == Kind::Dictionaries) {
        dialog->addText(QStringLiteral("description"), tr("&Description:"),
                        record.value(QLatin1String("description")).toString(), DescriptionLength);
    }
    // 001 §4.12.2: regions form a tree; the parent is picked from the cached region list.
    QComboBox* parentComboBox = nullptr;
    const QJsonValue parentId = record.value(QLatin1String("parentId"));
    if (m_kind == Kind::Regions) {
        parentComboBox =
            dialog->addChoice(QStringLiteral("parentId"), tr("&Parent region:"), {{QVariant(), tr("(top level)")}});
        if (parentId.isDouble()) {
            parentComboBox->addItem(QString::number(parentId.toInteger()), parentId.toInteger());
            parentComboBox->setCurrentIndex(1);
        }
        referenceData()->bindChoices(parentComboBox, ReferenceCache::Kind::Regions);
    }
    dialog->setSubmit([this, dialog, id, parentComboBox, parentId](const QJsonObject& submitted) {
        QJsonObject values = submitted;
        if (parentComboBox != nullptr && !parentComboBox->currentData().isValid() && parentId.isDouble()) {
            values.insert(QStringLiteral("parentId"), QJsonValue::Null); // moved to the top level
        }
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
            api()->post(path(), values, dialog, answered);
        } else {
            api()->put(path() + QStringLiteral("/%1").arg(id), values, dialog, answered);
        }
    });
    dialog->open();
}

} // namespace citycode::client

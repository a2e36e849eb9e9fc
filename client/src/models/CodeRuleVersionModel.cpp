#include "models/CodeRuleVersionModel.h"

#include "models/CodeEngineText.h"
#include "models/DisplayText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int CodeRuleVersionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CodeRuleVersionModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Version:
        return tr("Version");
    case Status:
        return tr("Status");
    case Pushed:
        return tr("Pushed");
    case Validity:
        return tr("Validity (s)");
    case CreatedAt:
        return tr("Created");
    case UpdatedAt:
        return tr("Updated");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeRuleVersionModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Version:
        return QStringLiteral("version");
    case Status:
        return QStringLiteral("status");
    case Pushed:
        return QStringLiteral("pushed");
    case Validity:
        return QStringLiteral("config");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case UpdatedAt:
        return QStringLiteral("updatedAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeRuleVersionModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Version:
        return QStringLiteral("version");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case UpdatedAt:
        return QStringLiteral("updatedAt");
    default:
        return {};
    }
}

QString CodeRuleVersionModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Pushed:
        return DisplayText::yesNo(value.toBool());
    case Validity:
        return DisplayText::value(value.toObject().value(QLatin1String("validitySeconds")));
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

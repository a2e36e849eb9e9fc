#include "models/NumberingRuleModel.h"

namespace citycode::client {

int NumberingRuleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NumberingRuleModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Prefix:
        return tr("Prefix");
    case DateFormat:
        return tr("Date part");
    case SequenceWidth:
        return tr("Sequence digits");
    case Category:
        return tr("Category");
    case Platform:
        return tr("Platform");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString NumberingRuleModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Prefix:
        return QStringLiteral("prefix");
    case DateFormat:
        return QStringLiteral("dateFormat");
    case SequenceWidth:
        return QStringLiteral("sequenceWidth");
    case Category:
        return QStringLiteral("categoryName");
    case Platform:
        return QStringLiteral("platformName");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString NumberingRuleModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Prefix:
        return QStringLiteral("prefix");
    case Platform:
        return QStringLiteral("platformId");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

QString NumberingRuleModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case DateFormat:
        return value.toString() == QLatin1String("none") ? tr("(none)") : value.toString();
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

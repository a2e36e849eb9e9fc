#include "models/ReferenceDataModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

int ReferenceDataModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReferenceDataModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString ReferenceDataModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Code:
        return QStringLiteral("code");
    case Name:
        return QStringLiteral("name");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString ReferenceDataModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Code:
        return QStringLiteral("code");
    case Name:
        return QStringLiteral("name");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

QString ReferenceDataModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Status:
        return DisplayText::status(value.toString());
    case CreatedAt:
        return DisplayText::time(value.toString());
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

#include "models/PlatformModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

int PlatformModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlatformModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case ServiceAddress:
        return tr("Service address");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString PlatformModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Kind:
        return QStringLiteral("kind");
    case ServiceAddress:
        return QStringLiteral("serviceAddress");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString PlatformModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Kind:
        return QStringLiteral("kind");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

QString PlatformModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Kind:
        return DisplayText::platformKind(value.toString());
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

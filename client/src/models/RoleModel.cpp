#include "models/RoleModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

int RoleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RoleModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Code:
        return tr("Code");
    case Platform:
        return tr("Platform");
    case Description:
        return tr("Description");
    case Builtin:
        return tr("Built-in");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString RoleModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Code:
        return QStringLiteral("code");
    case Platform:
        return QStringLiteral("platformName");
    case Description:
        return QStringLiteral("description");
    case Builtin:
        return QStringLiteral("builtin");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString RoleModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Code:
        return QStringLiteral("code");
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

QString RoleModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Builtin:
        return DisplayText::yesNo(value.toBool() || value.toInt() != 0);
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

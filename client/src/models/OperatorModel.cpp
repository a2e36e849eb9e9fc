#include "models/OperatorModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

int OperatorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OperatorModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Username:
        return tr("User name");
    case DisplayName:
        return tr("Display name");
    case Platform:
        return tr("Platform");
    case Status:
        return tr("Status");
    case MustChangePassword:
        return tr("Must change password");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString OperatorModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Username:
        return QStringLiteral("username");
    case DisplayName:
        return QStringLiteral("displayName");
    case Platform:
        return QStringLiteral("platformName");
    case Status:
        return QStringLiteral("status");
    case MustChangePassword:
        return QStringLiteral("mustChangePassword");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString OperatorModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Username:
        return QStringLiteral("username");
    case DisplayName:
        return QStringLiteral("displayName");
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

QString OperatorModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case MustChangePassword:
        return DisplayText::yesNo(value.toBool() || value.toInt() != 0);
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

#include "models/OperationLogModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

int OperationLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OperationLogModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case CreatedAt:
        return tr("Time");
    case Username:
        return tr("Operator");
    case PlatformId:
        return tr("Platform ID");
    case Action:
        return tr("Action");
    case TargetType:
        return tr("Target type");
    case TargetId:
        return tr("Target ID");
    case Detail:
        return tr("Detail");
    case RemoteAddress:
        return tr("Address");
    case Result:
        return tr("Result");
    case RequestId:
        return tr("Request ID");
    case ColumnCount:
        break;
    }
    return {};
}

QString OperationLogModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case Username:
        return QStringLiteral("username");
    case PlatformId:
        return QStringLiteral("platformId");
    case Action:
        return QStringLiteral("action");
    case TargetType:
        return QStringLiteral("targetType");
    case TargetId:
        return QStringLiteral("targetId");
    case Detail:
        return QStringLiteral("detail");
    case RemoteAddress:
        return QStringLiteral("remoteAddress");
    case Result:
        return QStringLiteral("result");
    case RequestId:
        return QStringLiteral("requestId");
    case ColumnCount:
        break;
    }
    return {};
}

QString OperationLogModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case Username:
        return QStringLiteral("username");
    case PlatformId:
        return QStringLiteral("platformId");
    case Action:
        return QStringLiteral("action");
    case TargetType:
        return QStringLiteral("targetType");
    case Result:
        return QStringLiteral("result");
    default:
        return {};
    }
}

QString OperationLogModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Result:
        return DisplayText::status(value.toString());
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

#include "models/StaticCodeHistoryModel.h"

#include "models/CodeEngineText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int StaticCodeHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StaticCodeHistoryModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Time:
        return tr("Time");
    case Operation:
        return tr("Operation");
    case FromState:
        return tr("From");
    case ToState:
        return tr("To");
    case Actor:
        return tr("By");
    case Reason:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

QString StaticCodeHistoryModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Time:
        return QStringLiteral("createdAt");
    case Operation:
        return QStringLiteral("operation");
    case FromState:
        return QStringLiteral("fromState");
    case ToState:
        return QStringLiteral("toState");
    case Actor:
        return QStringLiteral("actorName");
    case Reason:
        return QStringLiteral("reason");
    case ColumnCount:
        break;
    }
    return {};
}

QString StaticCodeHistoryModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Operation:
        return CodeEngineText::staticOperation(value.toString());
    case FromState:
    case ToState:
        return CodeEngineText::staticState(value.toString());
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

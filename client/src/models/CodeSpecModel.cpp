#include "models/CodeSpecModel.h"

#include "models/CodeEngineText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int CodeSpecModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CodeSpecModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Fields:
        return tr("Fields");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case UpdatedAt:
        return tr("Updated");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeSpecModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Fields:
        return QStringLiteral("fields");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case UpdatedAt:
        return QStringLiteral("updatedAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeSpecModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
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

QString CodeSpecModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Fields:
        return tr("%n field(s)", nullptr, static_cast<int>(value.toArray().size()));
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

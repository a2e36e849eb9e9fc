#include "models/DictionaryEntryModel.h"

namespace citycode::client {

int DictionaryEntryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DictionaryEntryModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Code:
        return tr("Code");
    case Label:
        return tr("Label");
    case Position:
        return tr("Position");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString DictionaryEntryModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Code:
        return QStringLiteral("code");
    case Label:
        return QStringLiteral("label");
    case Position:
        return QStringLiteral("position");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString DictionaryEntryModel::sortFieldOf(int column) const
{
    // Every column but none is sortable on the server (BaseConfigViews::dictionaryEntries).
    return column >= 0 && column < ColumnCount ? fieldOf(column) : QString();
}

} // namespace citycode::client

#include "models/CodeCategoryModel.h"

namespace citycode::client {

int CodeCategoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CodeCategoryModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case ParentId:
        return tr("Parent ID");
    case Level:
        return tr("Level");
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

QString CodeCategoryModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Code:
        return QStringLiteral("code");
    case Name:
        return QStringLiteral("name");
    case ParentId:
        return QStringLiteral("parentId");
    case Level:
        return QStringLiteral("level");
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

QString CodeCategoryModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Code:
        return QStringLiteral("code");
    case Name:
        return QStringLiteral("name");
    case Level:
        return QStringLiteral("level");
    case Position:
        return QStringLiteral("position");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

} // namespace citycode::client

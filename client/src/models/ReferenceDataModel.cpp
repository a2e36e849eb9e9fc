#include "models/ReferenceDataModel.h"

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

} // namespace citycode::client

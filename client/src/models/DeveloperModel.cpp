#include "models/DeveloperModel.h"

namespace citycode::client {

int DeveloperModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeveloperModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Number:
        return tr("Number");
    case Name:
        return tr("Name");
    case App:
        return tr("App");
    case SecretRotatedAt:
        return tr("Secret changed");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString DeveloperModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Number:
        return QStringLiteral("number");
    case Name:
        return QStringLiteral("name");
    case App:
        return QStringLiteral("appName");
    case SecretRotatedAt:
        return QStringLiteral("secretRotatedAt");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString DeveloperModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Number:
        return QStringLiteral("number");
    case Name:
        return QStringLiteral("name");
    case App:
        return QStringLiteral("appName");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

} // namespace citycode::client

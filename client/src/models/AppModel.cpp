#include "models/AppModel.h"

namespace citycode::client {

int AppModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AppModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case AppCode:
        return tr("AppCode");
    case Name:
        return tr("Name");
    case Organisation:
        return tr("Organisation");
    case Platform:
        return tr("Platform");
    case Industry:
        return tr("Industry");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString AppModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case AppCode:
        return QStringLiteral("appCode");
    case Name:
        return QStringLiteral("name");
    case Organisation:
        return QStringLiteral("organisation");
    case Platform:
        return QStringLiteral("platformName");
    case Industry:
        return QStringLiteral("industryName");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString AppModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
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

} // namespace citycode::client

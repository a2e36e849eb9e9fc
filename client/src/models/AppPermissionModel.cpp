#include "models/AppPermissionModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

void AppPermissionModel::setPermissions(qint64 appId, bool generate, bool scan)
{
    m_permissions.insert(appId, {generate, scan});
    for (int row = 0; row < rowCount(); ++row) {
        if (idAt(row) == appId) {
            emit dataChanged(index(row, Generate), index(row, Scan), {Qt::CheckStateRole, Qt::DisplayRole});
        }
    }
}

QJsonValue AppPermissionModel::permission(const QJsonObject& record, int column) const
{
    const auto found = m_permissions.constFind(record.value(QLatin1String("id")).toInteger());
    if (found == m_permissions.constEnd()) {
        return QJsonValue::Undefined;
    }
    return column == Generate ? found->first : found->second;
}

int AppPermissionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AppPermissionModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("App");
    case AppCode:
        return tr("App code");
    case Platform:
        return tr("Platform");
    case Generate:
        return tr("May generate codes");
    case Scan:
        return tr("May scan codes");
    case ColumnCount:
        break;
    }
    return {};
}

QString AppPermissionModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case AppCode:
        return QStringLiteral("appCode");
    case Platform:
        return QStringLiteral("platformName");
    case Generate:
        return QStringLiteral("generate");
    case Scan:
        return QStringLiteral("scan");
    case ColumnCount:
        break;
    }
    return {};
}

QString AppPermissionModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    default:
        return {};
    }
}

QString AppPermissionModel::displayText(const QJsonObject& record, int column) const
{
    if (column == Generate || column == Scan) {
        const QJsonValue value = permission(record, column);
        // Until the permissions arrived nothing is claimed either way.
        return value.isBool() ? DisplayText::yesNo(value.toBool()) : QString();
    }
    return JsonTableModel::displayText(record, column);
}

QVariant AppPermissionModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::CheckStateRole && index.isValid() && (index.column() == Generate || index.column() == Scan)) {
        const QJsonValue value = permission(record(index.row()), index.column());
        if (!value.isBool()) {
            return {};
        }
        return value.toBool() ? Qt::Checked : Qt::Unchecked;
    }
    return JsonTableModel::data(index, role);
}

bool AppPermissionModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || (index.column() != Generate && index.column() != Scan) ||
        !permission(record(index.row()), index.column()).isBool()) {
        return false;
    }
    const bool on = value.value<Qt::CheckState>() == Qt::Checked;
    emit permissionToggled(idAt(index.row()), fieldOf(index.column()), on);
    return true;
}

Qt::ItemFlags AppPermissionModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = JsonTableModel::flags(index);
    if (index.isValid() && (index.column() == Generate || index.column() == Scan) &&
        permission(record(index.row()), index.column()).isBool()) {
        flags |= Qt::ItemIsUserCheckable;
    }
    return flags;
}

} // namespace citycode::client

#pragma once

#include "models/JsonTableModel.h"

#include <QHash>
#include <QJsonValue>

namespace citycode::client {

// Apps with their generate and scan permissions (000 §2.2.5) as two checkable columns. A click
// does not change the row: it asks (permissionToggled) and the page sets the value the server
// answered with setPermissions(), so the table never shows a permission the server refused.
class AppPermissionModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        AppCode,
        Platform,
        Generate,
        Scan,
        ColumnCount
    };
    Q_ENUM(Column)

    using JsonTableModel::JsonTableModel;

    // Stores the server's answer for the app `appId` ({generate, scan}).
    void setPermissions(qint64 appId, bool generate, bool scan);

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QString columnTitle(int column) const override;
    QString fieldOf(int column) const override;
    QString sortFieldOf(int column) const override;
    QString displayText(const QJsonObject& record, int column) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    // The operator asked to switch `permission` ("generate" or "scan") of `appId` to `on`.
    void permissionToggled(qint64 appId, const QString& permission, bool on);

private:
    // The permission of column Generate or Scan for `record`; Undefined until it was loaded.
    QJsonValue permission(const QJsonObject& record, int column) const;

    QHash<qint64, QPair<bool, bool>> m_permissions; // app id -> (generate, scan)
};

} // namespace citycode::client

#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The roles list (001 §4.12.1): roles of the caller's platform; built-in ones are fixed.
class RoleModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        Code,
        Platform,
        Description,
        Builtin,
        Status,
        CreatedAt,
        ColumnCount
    };
    Q_ENUM(Column)

    using JsonTableModel::JsonTableModel;

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QString columnTitle(int column) const override;
    QString fieldOf(int column) const override;
    QString sortFieldOf(int column) const override;
    QString displayText(const QJsonObject& record, int column) const override;
};

} // namespace citycode::client

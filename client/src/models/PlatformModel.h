#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The platforms list (001 §4.4.2): the main platform and its sub-platforms.
class PlatformModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        Kind,
        ServiceAddress,
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

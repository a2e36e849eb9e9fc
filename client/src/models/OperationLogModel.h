#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The operation log (001 §4.12.3): who did what, when and from where.
class OperationLogModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        CreatedAt,
        Username,
        PlatformId,
        Action,
        TargetType,
        TargetId,
        Detail,
        RemoteAddress,
        Result,
        RequestId,
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

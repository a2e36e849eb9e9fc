#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The platforms' code keys (002 §9.2): purpose, key id, algorithm, validity window and status.
class KeyModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Platform,
        Purpose,
        KeyId,
        Algorithm,
        Status,
        NotBefore,
        NotAfter,
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

#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The operators list (001 §4.12.1): accounts of the caller's platform and their state.
class OperatorModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Username,
        DisplayName,
        Platform,
        Status,
        MustChangePassword,
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

#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// Registered scanner terminals (002 §5.3.1.3): code, name, location, key algorithm and status.
class TerminalModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        TerminalCode,
        Name,
        Location,
        Platform,
        KeyAlgorithm,
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
};

} // namespace citycode::client

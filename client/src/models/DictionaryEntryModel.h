#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The entries of one dictionary (001 §4.12.3 字典管理): code, label, position and state.
class DictionaryEntryModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Code,
        Label,
        Position,
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

#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// Code categories (000 §2.2.4.2): a tree by parent, with code, name, level, position and status.
class CodeCategoryModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Code,
        Name,
        ParentId,
        Level,
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

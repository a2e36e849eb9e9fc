#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// Regions, industries and dictionaries (001 §4.12.2-4.12.3): code, name and state.
class ReferenceDataModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Code,
        Name,
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

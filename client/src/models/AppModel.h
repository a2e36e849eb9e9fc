#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The apps list (001 §4.3.2): each app with its platform, industry and state.
class AppModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        AppCode,
        Name,
        Organisation,
        Platform,
        Industry,
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

#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The developers list (001 §4.6): number, name, app and when the secret last changed.
class DeveloperModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Number,
        Name,
        App,
        SecretRotatedAt,
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

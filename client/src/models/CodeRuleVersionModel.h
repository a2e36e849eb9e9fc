#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The versions of one code rule (001 §4.2.3 9): number, status, whether pushed, times.
class CodeRuleVersionModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Version,
        Status,
        Pushed,
        Validity,
        CreatedAt,
        UpdatedAt,
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

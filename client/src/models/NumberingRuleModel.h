#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// Numbering rules (000 §2.2.4.3): prefix, date part and sequence width of code numbers, per platform.
class NumberingRuleModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        Prefix,
        DateFormat,
        SequenceWidth,
        Category,
        Platform,
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
    QString displayText(const QJsonObject& record, int column) const override;
};

} // namespace citycode::client

#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The state history of one static code: every operation, from which state to which, by whom and why.
class StaticCodeHistoryModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Operation,
        FromState,
        ToState,
        Actor,
        Reason,
        ColumnCount
    };
    Q_ENUM(Column)

    using JsonTableModel::JsonTableModel;

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QString columnTitle(int column) const override;
    QString fieldOf(int column) const override;
    QString displayText(const QJsonObject& record, int column) const override;
};

} // namespace citycode::client

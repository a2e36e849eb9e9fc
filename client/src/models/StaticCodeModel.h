#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// Static codes (002 §5.3.2.4): number, category, subject (masked by the server), app and state.
class StaticCodeModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        CodeNumber,
        Category,
        SubjectType,
        SubjectName,
        App,
        State,
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

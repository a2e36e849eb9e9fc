#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// Code subjects (000 §2.2.4.5 码对象主体): the enterprises, places, objects and devices a
// category's codes stand for, with their identifier, category, platform and status. Subjects
// carry no personal data (people are users), so nothing here needs masking.
class CodeSubjectModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        SubjectType,
        Identifier,
        Category,
        Platform,
        Address,
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

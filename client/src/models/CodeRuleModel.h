#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// The code rules list (001 §4.2.3): form, type, applicable platform, spec, publish state, status and pool.
class CodeRuleModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        Form,
        CodeType,
        Platform,
        Spec,
        PublishState,
        Status,
        InPool,
        LatestVersion,
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

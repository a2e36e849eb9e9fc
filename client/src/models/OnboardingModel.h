#pragma once

#include "models/JsonTableModel.h"

namespace citycode::client {

// App onboarding applications (004 §3): the app applied for, its contact (masked) and the review.
class OnboardingModel : public JsonTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        AppName,
        Organisation,
        ContactName,
        ContactPhone,
        Status,
        ReviewReason,
        ReviewedAt,
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

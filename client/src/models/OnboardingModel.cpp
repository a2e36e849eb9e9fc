#include "models/OnboardingModel.h"

namespace citycode::client {

int OnboardingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OnboardingModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case AppName:
        return tr("App name");
    case Organisation:
        return tr("Organisation");
    case ContactName:
        return tr("Contact");
    case ContactPhone:
        return tr("Contact phone");
    case Status:
        return tr("Status");
    case ReviewReason:
        return tr("Review remark");
    case ReviewedAt:
        return tr("Reviewed");
    case CreatedAt:
        return tr("Submitted");
    case ColumnCount:
        break;
    }
    return {};
}

QString OnboardingModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case AppName:
        return QStringLiteral("appName");
    case Organisation:
        return QStringLiteral("organisation");
    case ContactName:
        return QStringLiteral("contactName");
    case ContactPhone:
        return QStringLiteral("contactPhone");
    case Status:
        return QStringLiteral("status");
    case ReviewReason:
        return QStringLiteral("reviewReason");
    case ReviewedAt:
        return QStringLiteral("reviewedAt");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString OnboardingModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case AppName:
        return QStringLiteral("appName");
    case Status:
        return QStringLiteral("status");
    case ReviewedAt:
        return QStringLiteral("reviewedAt");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

} // namespace citycode::client

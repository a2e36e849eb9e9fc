#include "models/CodeRuleModel.h"

#include "models/CodeEngineText.h"
#include "models/DisplayText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int CodeRuleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CodeRuleModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Form:
        return tr("Form");
    case CodeType:
        return tr("Code type");
    case Platform:
        return tr("Applicable platform");
    case Spec:
        return tr("Code spec");
    case PublishState:
        return tr("Published");
    case Status:
        return tr("Status");
    case InPool:
        return tr("In pool");
    case LatestVersion:
        return tr("Latest version");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeRuleModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Form:
        return QStringLiteral("form");
    case CodeType:
        return QStringLiteral("codeType");
    case Platform:
        return QStringLiteral("platformName");
    case Spec:
        return QStringLiteral("specName");
    case PublishState:
        return QStringLiteral("publishState");
    case Status:
        return QStringLiteral("status");
    case InPool:
        return QStringLiteral("inPool");
    case LatestVersion:
        return QStringLiteral("latestVersion");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeRuleModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case Form:
        return QStringLiteral("form");
    case CodeType:
        return QStringLiteral("codeType");
    case Platform:
        return QStringLiteral("platformId");
    case PublishState:
        return QStringLiteral("publishState");
    case Status:
        return QStringLiteral("status");
    case LatestVersion:
        return QStringLiteral("latestVersion");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

QString CodeRuleModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Form:
        return CodeEngineText::form(value.toString());
    case CodeType:
        return CodeEngineText::codeType(value.toString());
    case PublishState:
        return CodeEngineText::publishState(value.toString());
    case InPool:
        return DisplayText::yesNo(value.toBool());
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

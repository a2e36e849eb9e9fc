#include "models/StaticCodeModel.h"

#include "models/CodeEngineText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int StaticCodeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StaticCodeModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case CodeNumber:
        return tr("Code number");
    case Category:
        return tr("Category");
    case SubjectType:
        return tr("Subject type");
    case SubjectName:
        return tr("Subject");
    case App:
        return tr("App");
    case State:
        return tr("State");
    case CreatedAt:
        return tr("Created");
    case UpdatedAt:
        return tr("Updated");
    case ColumnCount:
        break;
    }
    return {};
}

QString StaticCodeModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case CodeNumber:
        return QStringLiteral("codeNumber");
    case Category:
        return QStringLiteral("category");
    case SubjectType:
        return QStringLiteral("subjectType");
    case SubjectName:
        return QStringLiteral("subjectName");
    case App:
        return QStringLiteral("appName");
    case State:
        return QStringLiteral("state");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case UpdatedAt:
        return QStringLiteral("updatedAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString StaticCodeModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case CodeNumber:
        return QStringLiteral("codeNumber");
    case Category:
        return QStringLiteral("category");
    case SubjectType:
        return QStringLiteral("subjectType");
    case State:
        return QStringLiteral("state");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case UpdatedAt:
        return QStringLiteral("updatedAt");
    default:
        return {};
    }
}

QString StaticCodeModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case SubjectType:
        return CodeEngineText::subjectType(value.toString());
    case State:
        return CodeEngineText::staticState(value.toString());
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

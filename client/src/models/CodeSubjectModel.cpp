#include "models/CodeSubjectModel.h"

#include "models/CodeEngineText.h"

namespace citycode::client {

int CodeSubjectModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CodeSubjectModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case SubjectType:
        return tr("Type");
    case Identifier:
        return tr("Identifier");
    case Category:
        return tr("Category");
    case Platform:
        return tr("Platform");
    case Address:
        return tr("Address");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeSubjectModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case SubjectType:
        return QStringLiteral("subjectType");
    case Identifier:
        return QStringLiteral("identifier");
    case Category:
        return QStringLiteral("categoryName");
    case Platform:
        return QStringLiteral("platformName");
    case Address:
        return QStringLiteral("address");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString CodeSubjectModel::sortFieldOf(int column) const
{
    // The sortable fields of the server's view (CodeSubjectRepository).
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Name:
        return QStringLiteral("name");
    case SubjectType:
        return QStringLiteral("subjectType");
    case Identifier:
        return QStringLiteral("identifier");
    case Platform:
        return QStringLiteral("platformId");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

QString CodeSubjectModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case SubjectType:
        return CodeEngineText::subjectType(value.toString());
    default: // status and createdAt: JsonTableModel's defaults
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

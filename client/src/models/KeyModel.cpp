#include "models/KeyModel.h"

#include "models/CodeEngineText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int KeyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString KeyModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case Platform:
        return tr("Platform");
    case Purpose:
        return tr("Purpose");
    case KeyId:
        return tr("Key ID");
    case Algorithm:
        return tr("Algorithm");
    case Status:
        return tr("Status");
    case NotBefore:
        return tr("Valid from");
    case NotAfter:
        return tr("Valid until");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString KeyModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Platform:
        return QStringLiteral("platformName");
    case Purpose:
        return QStringLiteral("purpose");
    case KeyId:
        return QStringLiteral("keyId");
    case Algorithm:
        return QStringLiteral("alg");
    case Status:
        return QStringLiteral("status");
    case NotBefore:
        return QStringLiteral("notBefore");
    case NotAfter:
        return QStringLiteral("notAfter");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString KeyModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case Platform:
        return QStringLiteral("platformId");
    case Purpose:
        return QStringLiteral("purpose");
    case Status:
        return QStringLiteral("status");
    case NotBefore:
        return QStringLiteral("notBefore");
    case NotAfter:
        return QStringLiteral("notAfter");
    case CreatedAt:
        return QStringLiteral("createdAt");
    default:
        return {};
    }
}

QString KeyModel::displayText(const QJsonObject& record, int column) const
{
    const QJsonValue value = record.value(fieldOf(column));
    switch (static_cast<Column>(column)) {
    case Purpose:
        return CodeEngineText::keyPurpose(value.toString());
    case Status:
        return CodeEngineText::keyStatus(value.toString());
    case NotBefore:
    case NotAfter:
        // Unix seconds; a current key has no end yet.
        return value.isDouble()
                   ? QDateTime::fromSecsSinceEpoch(value.toInteger()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
    default:
        return JsonTableModel::displayText(record, column);
    }
}

} // namespace citycode::client

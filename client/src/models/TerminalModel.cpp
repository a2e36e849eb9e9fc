#include "models/TerminalModel.h"

#include "models/CodeEngineText.h"

#include <QDateTime>
#include <QJsonArray>

namespace citycode::client {

int TerminalModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TerminalModel::columnTitle(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return tr("ID");
    case TerminalCode:
        return tr("Terminal ID");
    case Name:
        return tr("Name");
    case Location:
        return tr("Location");
    case Platform:
        return tr("Platform");
    case KeyAlgorithm:
        return tr("Key algorithm");
    case Status:
        return tr("Status");
    case CreatedAt:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString TerminalModel::fieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case TerminalCode:
        return QStringLiteral("terminalCode");
    case Name:
        return QStringLiteral("name");
    case Location:
        return QStringLiteral("location");
    case Platform:
        return QStringLiteral("platformName");
    case KeyAlgorithm:
        return QStringLiteral("keyAlgorithm");
    case Status:
        return QStringLiteral("status");
    case CreatedAt:
        return QStringLiteral("createdAt");
    case ColumnCount:
        break;
    }
    return {};
}

QString TerminalModel::sortFieldOf(int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return QStringLiteral("id");
    case TerminalCode:
        return QStringLiteral("terminalCode");
    case Name:
        return QStringLiteral("name");
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

} // namespace citycode::client

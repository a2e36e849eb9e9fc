#include "models/JsonTableModel.h"

#include "models/DisplayText.h"

namespace citycode::client {

JsonTableModel::JsonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void JsonTableModel::setRecords(const QVector<QJsonObject>& records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

void JsonTableModel::clear()
{
    setRecords({});
}

QJsonObject JsonTableModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row) : QJsonObject();
}

qint64 JsonTableModel::idAt(int row) const
{
    return record(row).value(QLatin1String("id")).toInteger();
}

int JsonTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

QVariant JsonTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const QJsonObject& row = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return displayText(row, index.column());
    case SortRole:
        return row.value(fieldOf(index.column())).toVariant();
    case RecordRole:
        return row;
    case Qt::TextAlignmentRole:
        // Numbers line up on the right; a number shown as a word (a flag) does not.
        if (row.value(fieldOf(index.column())).isDouble() &&
            displayText(row, index.column()) == DisplayText::value(row.value(fieldOf(index.column())))) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    default:
        return {};
    }
}

QVariant JsonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        return columnTitle(section);
    }
    return {};
}

QString JsonTableModel::sortFieldOf(int /*column*/) const
{
    return {};
}

QString JsonTableModel::displayText(const QJsonObject& record, int column) const
{
    const QString field = fieldOf(column);
    const QJsonValue value = record.value(field);
    // The server's conventions: "status" holds a state word, "...At" an ISO 8601 UTC time.
    if (field == QLatin1String("status")) {
        return DisplayText::status(value.toString());
    }
    if (field.endsWith(QLatin1String("At")) && !value.isDouble()) {
        return DisplayText::time(value.toString());
    }
    return DisplayText::value(value);
}

} // namespace citycode::client

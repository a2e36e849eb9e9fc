#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QVector>

namespace citycode::client {

// A table over the JSON records of one page of an admin list ({"items":[...]}). Subclasses
// name their columns (an enum Column), the JSON field behind each and the server-side sort
// field; display text is for DisplayRole, the raw JSON value for SortRole.
class JsonTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int SortRole = Qt::UserRole + 1;   // the raw value (number, text, bool)
    static constexpr int RecordRole = Qt::UserRole + 2; // the row's whole record as QJsonObject

    explicit JsonTableModel(QObject* parent = nullptr);

    void setRecords(const QVector<QJsonObject>& records);
    void clear();
    QJsonObject record(int row) const;
    qint64 idAt(int row) const;
    const QVector<QJsonObject>& records() const { return m_records; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The translated column title (also used by exports and detail dialogs).
    virtual QString columnTitle(int column) const = 0;
    // The record's field shown in `column`.
    virtual QString fieldOf(int column) const = 0;
    // The field the server sorts by for `column`; empty when the column cannot be sorted.
    virtual QString sortFieldOf(int column) const;
    // The text shown for `column` of `record` (exports use it too). By default a "status" field
    // in words (DisplayText::status), "...At" fields (createdAt, updatedAt...) as local time and
    // anything else as DisplayText::value.
    virtual QString displayText(const QJsonObject& record, int column) const;

private:
    QVector<QJsonObject> m_records;
};

} // namespace citycode::client

#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QVector>

namespace citycode::client {

// The editable field list of a code spec or of one rule step (001 §4.2.2, §4.2.3 ③-⑤): each
// row a field {name, type, length}. Checks the list the way the server does before it is sent.
class CodeFieldModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Type,
        Length,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int MaxLength = 4096;
    static constexpr int MaxNameLength = 64;

    explicit CodeFieldModel(QObject* parent = nullptr);

    void setFields(const QJsonArray& fields);
    QJsonArray fields() const;
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    // Appends a text field with a unique placeholder name; returns its row.
    int addField();
    void removeField(int row);

    // The first problem of the list (empty or repeated name, bad type or length), empty if none.
    QString problem() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Field
    {
        QString name;
        QString type;
        int length = 0;
    };

    QVector<Field> m_fields;
    bool m_readOnly = false;
};

} // namespace citycode::client

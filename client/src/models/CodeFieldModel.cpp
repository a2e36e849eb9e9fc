#include "models/CodeFieldModel.h"

#include "models/CodeEngineText.h"

#include <QJsonObject>
#include <QSet>

namespace citycode::client {

namespace {

constexpr int DefaultLength = 32;

} // namespace

CodeFieldModel::CodeFieldModel(QObject* parent) : QAbstractTableModel(parent) {}

void CodeFieldModel::setFields(const QJsonArray& fields)
{
    beginResetModel();
    m_fields.clear();
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        m_fields.append({field.value(QLatin1String("name")).toString(), field.value(QLatin1String("type")).toString(),
                         field.value(QLatin1String("length")).toInt()});
    }
    endResetModel();
}

QJsonArray CodeFieldModel::fields() const
{
    QJsonArray fields;
    for (const Field& field : m_fields) {
        fields.append(QJsonObject{{QStringLiteral("name"), field.name.trimmed()},
                                  {QStringLiteral("type"), field.type},
                                  {QStringLiteral("length"), field.length}});
    }
    return fields;
}

int CodeFieldModel::addField()
{
    QSet<QString> names;
    for (const Field& field : m_fields) {
        names.insert(field.name);
    }
    int number = static_cast<int>(m_fields.size()) + 1;
    while (names.contains(QStringLiteral("field%1").arg(number))) {
        ++number;
    }
    const int row = static_cast<int>(m_fields.size());
    beginInsertRows({}, row, row);
    m_fields.append({QStringLiteral("field%1").arg(number), QStringLiteral("string"), DefaultLength});
    endInsertRows();
    return row;
}

void CodeFieldModel::removeField(int row)
{
    if (row < 0 || row >= m_fields.size()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_fields.removeAt(row);
    endRemoveRows();
}

QString CodeFieldModel::problem() const
{
    QSet<QString> names;
    for (int row = 0; row < m_fields.size(); ++row) {
        const Field& field = m_fields.at(row);
        const QString name = field.name.trimmed();
        if (name.isEmpty()) {
            return tr("Field %1 has no name.").arg(row + 1);
        }
        if (name.size() > MaxNameLength) {
            return tr("The name of field %1 is longer than %2 characters.").arg(row + 1).arg(MaxNameLength);
        }
        if (names.contains(name)) {
            return tr("The field name \"%1\" is used twice.").arg(name);
        }
        names.insert(name);
        if (!CodeEngineText::fieldTypes().contains(field.type)) {
            return tr("Field \"%1\" has no valid type.").arg(name);
        }
        if (field.length < 1 || field.length > MaxLength) {
            return tr("The length of field \"%1\" must be between 1 and %2.").arg(name).arg(MaxLength);
        }
    }
    return {};
}

int CodeFieldModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

int CodeFieldModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CodeFieldModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Field& field = m_fields.at(index.row());
    switch (static_cast<Column>(index.column())) {
    case Name:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(field.name) : QVariant();
    case Type:
        if (role == Qt::DisplayRole) {
            return CodeEngineText::fieldType(field.type);
        }
        return role == Qt::EditRole ? QVariant(field.type) : QVariant();
    case Length:
        if (role == Qt::TextAlignmentRole) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(field.length) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

bool CodeFieldModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (m_readOnly || role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    Field& field = m_fields[index.row()];
    switch (static_cast<Column>(index.column())) {
    case Name:
        field.name = value.toString().trimmed();
        break;
    case Type:
        if (!CodeEngineText::fieldTypes().contains(value.toString())) {
            return false;
        }
        field.type = value.toString();
        break;
    case Length: {
        bool ok = false;
        const int length = value.toInt(&ok);
        if (!ok) {
            return false;
        }
        field.length = length;
        break;
    }
    case ColumnCount:
        return false;
    }
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags CodeFieldModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_readOnly) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QVariant CodeFieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Name:
        return tr("Field name");
    case Type:
        return tr("Type");
    case Length:
        return tr("Length");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace citycode::client

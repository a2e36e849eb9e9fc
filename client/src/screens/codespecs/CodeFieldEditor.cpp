#include "screens/codespecs/CodeFieldEditor.h"

#include "models/CodeEngineText.h"
#include "models/CodeFieldModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

// Edits the type column with the server's type list and the length column within its bounds.
class FieldDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() == CodeFieldModel::Type) {
            auto* combo = new QComboBox(parent);
            for (const QString& type : CodeEngineText::fieldTypes()) {
                combo->addItem(CodeEngineText::fieldType(type), type);
            }
            return combo;
        }
        if (index.column() == CodeFieldModel::Length) {
            auto* spin = new QSpinBox(parent);
            spin->setRange(1, CodeFieldModel::MaxLength);
            return spin;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole))));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            model->setData(index, combo->currentData(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

CodeFieldEditor::CodeFieldEditor(QWidget* parent) : QWidget(parent)
{
    m_model = new CodeFieldModel(this);
    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("fieldsTableView"));
    m_tableView->setModel(m_model);
    m_tableView->setItemDelegate(new FieldDelegate(m_tableView));
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setSectionResizeMode(CodeFieldModel::Name, QHeaderView::Stretch);
    m_tableView->horizontalHeader()->setSectionResizeMode(CodeFieldModel::Type, QHeaderView::ResizeToContents);
    m_tableView->horizontalHeader()->setSectionResizeMode(CodeFieldModel::Length, QHeaderView::ResizeToContents);
    m_tableView->setMinimumHeight(140);
    m_tableView->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table

    m_addButton = new QPushButton(tr("&Add field"), this);
    m_addButton->setObjectName(QStringLiteral("addFieldButton"));
    m_removeButton = new QPushButton(tr("&Remove field"), this);
    m_removeButton->setObjectName(QStringLiteral("removeFieldButton"));
    connect(m_addButton, &QPushButton::clicked, this, [this]() {
        const int row = m_model->addField();
        const QModelIndex name = m_model->index(row, CodeFieldModel::Name);
        m_tableView->setCurrentIndex(name);
        m_tableView->edit(name);
    });
    connect(m_removeButton, &QPushButton::clicked, this,
            [this]() { m_model->removeField(m_tableView->currentIndex().row()); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tableView, 1);
    layout->addLayout(buttons);
}

void CodeFieldEditor::setFields(const QJsonArray& fields)
{
    m_model->setFields(fields);
}

QJsonArray CodeFieldEditor::fields() const
{
    return m_model->fields();
}

void CodeFieldEditor::setReadOnly(bool readOnly)
{
    m_model->setReadOnly(readOnly);
    m_addButton->setVisible(!readOnly);
    m_removeButton->setVisible(!readOnly);
}

QString CodeFieldEditor::problem() const
{
    return m_model->problem();
}

} // namespace citycode::client

#pragma once

#include <QJsonArray>
#include <QWidget>

class QPushButton;
class QTableView;

namespace citycode::client {

class CodeFieldModel;

// A table of fields {name, type, length} with Add and Remove buttons, used by the spec dialog
// and by the rule wizard's field steps; the type is chosen from the server's list.
class CodeFieldEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CodeFieldEditor(QWidget* parent = nullptr);

    void setFields(const QJsonArray& fields);
    QJsonArray fields() const;
    void setReadOnly(bool readOnly);
    // The first problem of the list, empty when it can be sent.
    QString problem() const;

    CodeFieldModel* model() const { return m_model; }
    QTableView* tableView() const { return m_tableView; }
    QPushButton* addButton() const { return m_addButton; }

private:
    CodeFieldModel* m_model = nullptr;
    QTableView* m_tableView = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
};

} // namespace citycode::client

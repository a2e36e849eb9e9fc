#pragma once

#include "widgets/FormDialog.h"

class QComboBox;

namespace citycode::client {

// Create or edit a code subject (000 §2.2.4.5): its type, name, identifier (unique on the
// platform), category, address, description and status. The category list arrives later from
// the server (setCategories); until then only the current category is offered.
class CodeSubjectDialog : public FormDialog
{
    Q_OBJECT

public:
    // An empty `subject` creates one.
    explicit CodeSubjectDialog(const QJsonObject& subject, QWidget* parent = nullptr);

    // Categories as (id, name); keeps the chosen one.
    void setCategories(const QVector<QPair<qint64, QString>>& categories);
    QComboBox* categoryComboBox() const { return m_categoryComboBox; }

private:
    QComboBox* m_categoryComboBox = nullptr;
};

} // namespace citycode::client

#pragma once

#include "widgets/FormDialog.h"

namespace citycode::client {

class CodeFieldEditor;

// Create or edit a code specification (001 §4.2.2): its name and its fields {name, type,
// length}; submits {"name", "fields"}.
class CodeSpecDialog : public FormDialog
{
    Q_OBJECT

public:
    // An empty `spec` creates one.
    explicit CodeSpecDialog(const QJsonObject& spec, QWidget* parent = nullptr);

    CodeFieldEditor* fieldEditor() const { return m_fields; }
    // The form's values with the field list.
    QJsonObject body() const;

private:
    CodeFieldEditor* m_fields = nullptr;
};

} // namespace citycode::client

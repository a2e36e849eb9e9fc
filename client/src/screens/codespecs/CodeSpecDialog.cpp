#include "screens/codespecs/CodeSpecDialog.h"

#include "screens/codespecs/CodeFieldEditor.h"

#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>

namespace citycode::client {

CodeSpecDialog::CodeSpecDialog(const QJsonObject& spec, QWidget* parent)
    : FormDialog(spec.isEmpty() ? tr("New code spec") : tr("Edit code spec"), parent)
{
    setObjectName(QStringLiteral("codeSpecDialog"));
    setMinimumWidth(520);
    addLine(QStringLiteral("name"), tr("&Name:"), spec.value(QLatin1String("name")).toString(), true, 100);
    m_fields = new CodeFieldEditor(this);
    m_fields->setFields(spec.value(QLatin1String("fields")).toArray());
    // Between the form and the status line of FormDialog's layout.
    if (auto* box = qobject_cast<QVBoxLayout*>(layout())) {
        box->insertWidget(1, new QLabel(tr("Fields of the code content:"), this));
        box->insertWidget(2, m_fields, 1);
    }
    addCheck([this]() {
        if (m_fields->fields().isEmpty()) {
            return tr("A code spec needs at least one field.");
        }
        return m_fields->problem();
    });
}

QJsonObject CodeSpecDialog::body() const
{
    QJsonObject object = values();
    object.insert(QStringLiteral("fields"), m_fields->fields());
    return object;
}

} // namespace citycode::client

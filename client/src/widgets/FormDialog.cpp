#include "widgets/FormDialog.h"

#include "widgets/StatusLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr int MinimumFormWidth = 460;
constexpr int TextEditLines = 4;

} // namespace

FormDialog::FormDialog(const QString& title, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("formDialog"));
    setWindowTitle(title);
    setMinimumWidth(MinimumFormWidth);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("formStatusLabel"));
    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttonBox->setObjectName(QStringLiteral("formButtonBox"));
    m_buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttonBox);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &FormDialog::onAccepted);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString FormDialog::plainLabel(const QString& label)
{
    // "&Name:" and the Chinese "名称(&N)：" both become the bare name.
    static const QRegularExpression shortcut(QStringLiteral("\\(&.\\)"));
    QString text = label;
    text.remove(shortcut);
    text.remove(QLatin1Char('&'));
    while (text.endsWith(QLatin1Char(':')) || text.endsWith(QChar(0xFF1A))) {
        text.chop(1);
    }
    return text;
}

QLineEdit* FormDialog::addLine(const QString& field, const QString& label, const QString& value, bool required,
                               int maxLength, const QRegularExpression& pattern, const QString& patternHint)
{
    auto* edit = new QLineEdit(value, this);
    edit->setObjectName(field + QStringLiteral("LineEdit"));
    if (maxLength > 0) {
        edit->setMaxLength(maxLength);
    }
    m_form->addRow(label, edit);
    m_fields.append({field, plainLabel(label), edit, required, maxLength, pattern, patternHint});
    return edit;
}

QComboBox* FormDialog::addChoice(const QString& field, const QString& label,
                                 const QVector<QPair<QVariant, QString>>& items, const QVariant& current)
{
    auto* combo = new QComboBox(this);
    combo->setObjectName(field + QStringLiteral("ComboBox"));
    for (const auto& item : items) {
        combo->addItem(item.second, item.first);
        if (current.isValid() && item.first == current) {
            combo->setCurrentIndex(combo->count() - 1);
        }
    }
    m_form->addRow(label, combo);
    m_fields.append({field, plainLabel(label), combo, false, 0, {}, {}});
    return combo;
}

QPlainTextEdit* FormDialog::addText(const QString& field, const QString& label, const QString& value, int maxLength)
{
    auto* edit = new QPlainTextEdit(value, this);
    edit->setObjectName(field + QStringLiteral("TextEdit"));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * TextEditLines + 2 * edit->frameWidth() + 8);
    m_form->addRow(label, edit);
    m_fields.append({field, plainLabel(label), edit, false, maxLength, {}, {}});
    return edit;
}

QCheckBox* FormDialog::addFlag(const QString& field, const QString& text, bool checked)
{
    auto* box = new QCheckBox(text, this);
    box->setObjectName(field + QStringLiteral("CheckBox"));
    box->setChecked(checked);
    m_form->addRow(QString(), box);
    m_fields.append({field, plainLabel(text), box, false, 0, {}, {}});
    return box;
}

void FormDialog::addInfo(const QString& label, const QString& text)
{
    auto* value = new QLabel(text, this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_form->addRow(label, value);
}

void FormDialog::addCheck(std::function<QString()> check)
{
    m_checks.append(std::move(check));
}

QJsonObject FormDialog::values() const
{
    QJsonObject object;
    for (const Field& field : m_fields) {
        if (auto* line = qobject_cast<QLineEdit*>(field.widget)) {
            object.insert(field.name, line->text().trimmed());
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(field.widget)) {
            object.insert(field.name, text->toPlainText().trimmed());
        } else if (auto* combo = qobject_cast<QComboBox*>(field.widget)) {
            const QVariant value = combo->currentData();
            if (value.isValid()) {
                object.insert(field.name, QJsonValue::fromVariant(value));
            }
        } else if (auto* box = qobject_cast<QCheckBox*>(field.widget)) {
            object.insert(field.name, box->isChecked());
        }
    }
    return object;
}

bool FormDialog::validate()
{
    const QJsonObject current = values();
    for (const Field& field : m_fields) {
        const QString text = current.value(field.name).toString();
        QString problem;
        if (field.required && text.isEmpty()) {
            problem = tr("%1 is required.").arg(field.label);
        } else if (field.maxLength > 0 && text.size() > field.maxLength) {
            problem = tr("%1 may have at most %n character(s).", nullptr, field.maxLength).arg(field.label);
        } else if (!text.isEmpty() && field.pattern.isValid() && !field.pattern.pattern().isEmpty() &&
                   !field.pattern.match(text).hasMatch()) {
            problem = tr("%1: %2").arg(field.label, field.patternHint);
        }
        if (!problem.isEmpty()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, problem);
            field.widget->setFocus();
            return false;
        }
    }
    for (const auto& check : m_checks) {
        const QString problem = check();
        if (!problem.isEmpty()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, problem);
            return false;
        }
    }
    return true;
}

void FormDialog::onAccepted()
{
    if (!validate()) {
        return;
    }
    if (!m_submit) {
        accept();
        return;
    }
    m_buttonBox->setEnabled(false);
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Saving…"));
    m_submit(values());
}

void FormDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (m_shown) {
        return;
    }
    m_shown = true;
    // Tab goes field by field in the order they were made (top to bottom), then on to the
    // buttons; only the initial focus needs setting.
    QWidget* focused = focusWidget();
    if (focused == nullptr || m_buttonBox->isAncestorOf(focused)) {
        for (const Field& field : m_fields) {
            if (field.widget->isEnabled() && field.widget->isVisible()) {
                field.widget->setFocus(Qt::TabFocusReason);
                break;
            }
        }
    }
}

void FormDialog::showError(const QString& message)
{
    m_buttonBox->setEnabled(true);
    m_statusLabel->showStatus(StatusLabel::Tone::Error, message);
}

void FormDialog::succeed()
{
    m_buttonBox->setEnabled(true);
    accept();
}

} // namespace citycode::client

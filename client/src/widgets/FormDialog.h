#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QPair>
#include <QRegularExpression>
#include <QVariant>
#include <QVector>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace citycode::client {

class StatusLabel;

// A create/edit dialog: labelled fields bound to JSON field names, each with its rules
// (required, length, pattern). OK checks every rule first and names the first broken one;
// only then the submit function sends the values; the dialog stays open, showing the server's
// answer, until the caller reports success.
class FormDialog : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<void(const QJsonObject& values)>;

    FormDialog(const QString& title, QWidget* parent = nullptr);

    QLineEdit* addLine(const QString& field, const QString& label, const QString& value, bool required, int maxLength,
                       const QRegularExpression& pattern = {}, const QString& patternHint = {});
    // Items are (value, text); an invalid QVariant value means "none" and leaves the field out.
    QComboBox* addChoice(const QString& field, const QString& label, const QVector<QPair<QVariant, QString>>& items,
                         const QVariant& current = {});
    QPlainTextEdit* addText(const QString& field, const QString& label, const QString& value, int maxLength);
    // A yes/no field, sent as a JSON boolean; `text` is the check box's own text.
    QCheckBox* addFlag(const QString& field, const QString& text, bool checked);
    // A line that is shown but neither edited nor sent.
    void addInfo(const QString& label, const QString& text);
    // An extra rule over the whole form: returns the message to show, empty when satisfied.
    void addCheck(std::function<QString()> check);

    void setSubmit(Submit submit) { m_submit = std::move(submit); }

    // The values of every field (trimmed text; combos as their value).
    QJsonObject values() const;
    // Checks every rule; shows the first failure and focuses its field.
    bool validate();

    // For the submit function: the request failed (the dialog stays open) or succeeded (closes).
    void showError(const QString& message);
    void succeed();

protected:
    // The first field has the focus when the dialog opens (not the OK button, which comes first in
    // the focus chain because the button box is made before the fields).
    void showEvent(QShowEvent* event) override;

private:
    struct Field
    {
        QString name;
        QString label;
        QWidget* widget = nullptr;
        bool required = false;
        int maxLength = 0;
        QRegularExpression pattern;
        QString patternHint;
    };

    void onAccepted();
    static QString plainLabel(const QString& label);

    QFormLayout* m_form = nullptr;
    StatusLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_buttonBox = nullptr;
    QVector<Field> m_fields;
    QVector<std::function<QString()>> m_checks;
    Submit m_submit;
    bool m_shown = false;
};

} // namespace citycode::client

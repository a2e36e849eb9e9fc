#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QVector>
#include <QWizard>

#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace citycode::client {

class ApiClient;
struct ApiReply;
class CodeFieldEditor;
class ReferenceCache;
class StatusLabel;

// The five steps of a code rule (001 §4.2.3 2): ① basic information, ② function
// configuration, ③ the fields of a chosen code spec (editable), ④ extension fields and ⑤
// data-collection fields. Each step is checked before Next; Finish saves through the server:
// a new rule in one request, a pending rule's steps in place, a published rule as a new version
// (001 §4.2.3 7), or one version's content.
class CodeRuleWizard : public QWizard
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,      // POST /code-rules
        EditPending, // PUT steps/1, then PUT versions/{latest}
        NewVersion,  // POST /code-rules/{id}/versions (basic information is read-only)
        EditVersion, // PUT /code-rules/{id}/versions/{n} (basic information is read-only)
    };
    enum Step
    {
        BasicStep,
        FunctionStep,
        SpecStep,
        ExtensionStep,
        CollectStep,
    };

    // `rule` is the server's rule (GET /code-rules/{id}) for every mode but Create; `version`
    // the version object to start from (defaults to the rule's latest). With `referenceData` the
    // industries come from the console's cache instead of a request of their own.
    CodeRuleWizard(ApiClient* api, Mode mode, const QJsonObject& rule, const QJsonObject& version, bool mainPlatform,
                   QWidget* parent = nullptr, ReferenceCache* referenceData = nullptr);

    Mode mode() const { return m_mode; }
    // The request body of each part as the server takes it.
    QJsonObject basic() const;
    QJsonObject function() const;
    QJsonObject spec() const;
    QJsonObject extensionFields() const;
    QJsonObject collectFields() const;

    // The rule the server answered after a successful save.
    QJsonObject savedRule() const { return m_saved; }

    void accept() override;

signals:
    void saved(const QJsonObject& rule);

private:
    class StepPage;

    StepPage* addStep(const QString& title, const QString& subTitle, std::function<QString()> check);
    void loadChoices();
    void applySpec(int index);
    void finishWith(const ApiReply& reply);
    void showSaveError(const QString& message);
    QString checkBasic() const;
    QString checkFunction() const;
    QString checkSpec() const;

    ApiClient* m_api;
    ReferenceCache* m_referenceData;
    Mode m_mode;
    QJsonObject m_rule;
    QJsonObject m_version;
    bool m_mainPlatform;
    bool m_saving = false;
    QJsonObject m_saved;
    QJsonArray m_specs;

    QLineEdit* m_nameLineEdit = nullptr;
    QComboBox* m_formComboBox = nullptr;
    QComboBox* m_codeTypeComboBox = nullptr;
    QLineEdit* m_issuingUnitLineEdit = nullptr;
    QComboBox* m_industryComboBox = nullptr;
    QComboBox* m_platformComboBox = nullptr;
    QSpinBox* m_validitySpinBox = nullptr;
    QSpinBox* m_refreshSpinBox = nullptr;
    QLineEdit* m_jumpUrlLineEdit = nullptr;
    QLineEdit* m_callbackUrlLineEdit = nullptr;
    QCheckBox* m_antiScreenshotCheckBox = nullptr;
    QCheckBox* m_cacheCheckBox = nullptr;
    QComboBox* m_specComboBox = nullptr;
    CodeFieldEditor* m_specFields = nullptr;
    CodeFieldEditor* m_extensionFields = nullptr;
    CodeFieldEditor* m_collectFields = nullptr;
    QVector<StepPage*> m_steps;
};

} // namespace citycode::client

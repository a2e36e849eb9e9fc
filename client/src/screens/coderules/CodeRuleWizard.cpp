#include "screens/coderules/CodeRuleWizard.h"

#include "api/ApiClient.h"
#include "app/ReferenceCache.h"
#include "models/CodeEngineText.h"
#include "screens/codespecs/CodeFieldEditor.h"
#include "widgets/StatusLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QWizardPage>

namespace citycode::client {

namespace {

constexpr int MaxNameLength = 100;
constexpr int MaxUnitLength = 200;
constexpr int MaxValiditySeconds = 31536000;
constexpr int MaxRefreshSeconds = 86400;
constexpr int DefaultValiditySeconds = 60; // 002 §9.2
constexpr int DefaultRefreshSeconds = 30;

const QString RulesPath = QStringLiteral("/admin/v1/code-rules");

bool isWebAddress(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           !url.host().isEmpty();
}

} // namespace

// One step: its widgets in a layout, a status line, and the check that must pass before Next.
class CodeRuleWizard::StepPage : public QWizardPage
{
public:
    StepPage(std::function<QString()> check, QWidget* parent) : QWizardPage(parent), m_check(std::move(check))
    {
        m_layout = new QVBoxLayout(this);
        m_statusLabel = new StatusLabel(this);
        m_statusLabel->setObjectName(QStringLiteral("stepStatusLabel"));
    }

    QVBoxLayout* contentLayout() const { return m_layout; }
    StatusLabel* statusLabel() const { return m_statusLabel; }
    void finishLayout() { m_layout->addWidget(m_statusLabel); }

    bool validatePage() override
    {
        const QString problem = m_check ? m_check() : QString();
        if (!problem.isEmpty()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, problem);
            return false;
        }
        m_statusLabel->clearStatus();
        return true;
    }

private:
    std::function<QString()> m_check;
    QVBoxLayout* m_layout = nullptr;
    StatusLabel* m_statusLabel = nullptr;
};

CodeRuleWizard::CodeRuleWizard(ApiClient* api, Mode mode, const QJsonObject& rule, const QJsonObject& version,
                               bool mainPlatform, QWidget* parent, ReferenceCache* referenceData)
    : QWizard(parent), m_api(api), m_referenceData(referenceData), m_mode(mode), m_rule(rule), m_version(version),
      m_mainPlatform(mainPlatform)
{
    setObjectName(QStringLiteral("codeRuleWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(640, 520);
    if (m_version.isEmpty()) {
        m_version = rule.value(QLatin1String("version")).toObject();
    }
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New code rule"));
        break;
    case Mode::EditPending:
        setWindowTitle(tr("Edit code rule \"%1\"").arg(rule.value(QLatin1String("name")).toString()));
        break;
    case Mode::NewVersion:
        setWindowTitle(tr("New version of \"%1\"").arg(rule.value(QLatin1String("name")).toString()));
        break;
    case Mode::EditVersion:
        setWindowTitle(tr("Edit version %1 of \"%2\"")
                           .arg(m_version.value(QLatin1String("version")).toInteger())
                           .arg(rule.value(QLatin1String("name")).toString()));
        break;
    }
    const bool basicEditable = mode == Mode::Create || mode == Mode::EditPending;

    // ① Basic information.
    StepPage* basicPage = addStep(tr("Basic information"),
                                  basicEditable ? tr("Name the rule, its code form and type and where it applies.")
                                                : tr("The basic information of a published rule cannot change."),
                                  [this]() { return checkBasic(); });
    auto* basicForm = new QFormLayout;
    m_nameLineEdit = new QLineEdit(rule.value(QLatin1String("name")).toString(), basicPage);
    m_nameLineEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_nameLineEdit->setMaxLength(MaxNameLength);
    m_formComboBox = new QComboBox(basicPage);
    m_formComboBox->setObjectName(QStringLiteral("formComboBox"));
    for (const QString& form : {QStringLiteral("dynamic"), QStringLiteral("static")}) {
        m_formComboBox->addItem(CodeEngineText::form(form), form);
    }
    m_formComboBox->setCurrentIndex(qMax(0, m_formComboBox->findData(rule.value(QLatin1String("form")).toString())));
    m_codeTypeComboBox = new QComboBox(basicPage);
    m_codeTypeComboBox->setObjectName(QStringLiteral("codeTypeComboBox"));
    for (const QString& type : CodeEngineText::codeTypes()) {
        m_codeTypeComboBox->addItem(CodeEngineText::codeType(type), type);
    }
    m_codeTypeComboBox->setCurrentIndex(
        qMax(0, m_codeTypeComboBox->findData(rule.value(QLatin1String("codeType")).toString())));
    m_issuingUnitLineEdit = new QLineEdit(rule.value(QLatin1String("issuingUnit")).toString(), basicPage);
    m_issuingUnitLineEdit->setObjectName(QStringLiteral("issuingUnitLineEdit"));
    m_industryComboBox = new QComboBox(basicPage);
    m_industryComboBox->setObjectName(QStringLiteral("industryComboBox"));
    m_industryComboBox->addItem(tr("(none)"), QVariant());
    if (rule.value(QLatin1String("industryId")).isDouble()) {
        m_industryComboBox->addItem(rule.value(QLatin1String("industryName")).toString(),
                                    rule.value(QLatin1String("industryId")).toInteger());
        m_industryComboBox->setCurrentIndex(1);
    }
    m_platformComboBox = new QComboBox(basicPage);
    m_platformComboBox->setObjectName(QStringLiteral("platformComboBox"));
    if (rule.value(QLatin1String("platformId")).isDouble()) {
        m_platformComboBox->addItem(rule.value(QLatin1String("platformName")).toString(),
                                    rule.value(QLatin1String("platformId")).toInteger());
    } else {
        m_platformComboBox->addItem(tr("(this platform)"), QVariant());
    }
    basicForm->addRow(tr("&Name:"), m_nameLineEdit);
    basicForm->addRow(tr("Code &form:"), m_formComboBox);
    basicForm->addRow(tr("Code &type:"), m_codeTypeComboBox);
    basicForm->addRow(tr("&Issuing unit:"), m_issuingUnitLineEdit);
    basicForm->addRow(tr("In&dustry:"), m_industryComboBox);
    basicForm->addRow(tr("Applicable &platform:"), m_platformComboBox);
    basicPage->contentLayout()->addLayout(basicForm);
    basicPage->contentLayout()->addStretch(1);
    basicPage->finishLayout();
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_nameLineEdit, m_formComboBox, m_codeTypeComboBox, m_issuingUnitLineEdit,
                                         m_industryComboBox, m_platformComboBox}) {
        widget->setEnabled(basicEditable);
    }

    // ② Function configuration.
    const QJsonObject config = m_version.value(QLatin1String("config")).toObject();
    StepPage* functionPage = addStep(tr("Function configuration"),
                                     tr("How long a code is valid, how often it refreshes and where it leads."),
                                     [this]() { return checkFunction(); });
    auto* functionForm = new QFormLayout;
    m_validitySpinBox = new QSpinBox(functionPage);
    m_validitySpinBox->setObjectName(QStringLiteral("validitySpinBox"));
    m_validitySpinBox->setRange(1, MaxValiditySeconds);
    m_validitySpinBox->setSuffix(tr(" s"));
    m_validitySpinBox->setValue(config.value(QLatin1String("validitySeconds")).toInt(DefaultValiditySeconds));
    m_refreshSpinBox = new QSpinBox(functionPage);
    m_refreshSpinBox->setObjectName(QStringLiteral("refreshSpinBox"));
    m_refreshSpinBox->setRange(1, MaxRefreshSeconds);
    m_refreshSpinBox->setSuffix(tr(" s"));
    m_refreshSpinBox->setValue(config.value(QLatin1String("refreshSeconds")).toInt(DefaultRefreshSeconds));
    m_jumpUrlLineEdit = new QLineEdit(config.value(QLatin1String("jumpUrl")).toString(), functionPage);
    m_jumpUrlLineEdit->setObjectName(QStringLiteral("jumpUrlLineEdit"));
    m_jumpUrlLineEdit->setPlaceholderText(QStringLiteral("https://"));
    m_callbackUrlLineEdit = new QLineEdit(config.value(QLatin1String("callbackUrl")).toString(), functionPage);
    m_callbackUrlLineEdit->setObjectName(QStringLiteral("callbackUrlLineEdit"));
    m_callbackUrlLineEdit->setPlaceholderText(QStringLiteral("https://"));
    m_antiScreenshotCheckBox = new QCheckBox(tr("Refuse screenshots of the code"), functionPage);
    m_antiScreenshotCheckBox->setObjectName(QStringLiteral("antiScreenshotCheckBox"));
    m_antiScreenshotCheckBox->setChecked(config.value(QLatin1String("antiScreenshot")).toBool());
    m_cacheCheckBox = new QCheckBox(tr("Apps may cache the code offline"), functionPage);
    m_cacheCheckBox->setObjectName(QStringLiteral("cacheCheckBox"));
    m_cacheCheckBox->setChecked(config.value(QLatin1String("cache")).toBool());
    functionForm->addRow(tr("&Validity:"), m_validitySpinBox);
    functionForm->addRow(tr("&Refresh every:"), m_refreshSpinBox);
    functionForm->addRow(tr("&Jump address:"), m_jumpUrlLineEdit);
    functionForm->addRow(tr("&Callback address:"), m_callbackUrlLineEdit);
    functionForm->addRow(QString(), m_antiScreenshotCheckBox);
    functionForm->addRow(QString(), m_cacheCheckBox);
    functionPage->contentLayout()->addLayout(functionForm);
    functionPage->contentLayout()->addStretch(1);
    functionPage->finishLayout();

    // ③ Spec fields.
    StepPage* specPage = addStep(tr("Code spec fields"),
                                 tr("Choose an enabled code spec; its fields are copied here and may be changed."),
                                 [this]() { return checkSpec(); });
    auto* specForm = new QFormLayout;
    m_specComboBox = new QComboBox(specPage);
    m_specComboBox->setObjectName(QStringLiteral("specComboBox"));
    m_specComboBox->addItem(tr("(choose a spec)"), QVariant());
    if (rule.value(QLatin1String("specId")).isDouble()) {
        m_specComboBox->addItem(rule.value(QLatin1String("specName")).toString(),
                                rule.value(QLatin1String("specId")).toInteger());
        m_specComboBox->setCurrentIndex(1);
    }
    specForm->addRow(tr("Code &spec:"), m_specComboBox);
    m_specFields = new CodeFieldEditor(specPage);
    m_specFields->setObjectName(QStringLiteral("specFieldEditor"));
    m_specFields->setFields(m_version.value(QLatin1String("specFields")).toArray());
    specPage->contentLayout()->addLayout(specForm);
    specPage->contentLayout()->addWidget(m_specFields, 1);
    specPage->finishLayout();
    connect(m_specComboBox, &QComboBox::activated, this, &CodeRuleWizard::applySpec);

    // ④ Extension fields, ⑤ data-collection fields.
    StepPage* extensionPage =
        addStep(tr("Extension fields"), tr("Fields the code carries beyond its spec (may be empty)."),
                [this]() { return m_extensionFields->problem(); });
    m_extensionFields = new CodeFieldEditor(extensionPage);
    m_extensionFields->setObjectName(QStringLiteral("extensionFieldEditor"));
    m_extensionFields->setFields(m_version.value(QLatin1String("extensionFields")).toArray());
    extensionPage->contentLayout()->addWidget(m_extensionFields, 1);
    extensionPage->finishLayout();

    StepPage* collectPage =
        addStep(tr("Data-collection fields"),
                tr("What a scanner sends back to the data receiving address when it scans a code (may be empty)."),
                [this]() { return m_collectFields->problem(); });
    m_collectFields = new CodeFieldEditor(collectPage);
    m_collectFields->setObjectName(QStringLiteral("collectFieldEditor"));
    m_collectFields->setFields(m_version.value(QLatin1String("collectFields")).toArray());
    collectPage->contentLayout()->addWidget(m_collectFields, 1);
    collectPage->finishLayout();

    setButtonText(QWizard::FinishButton, tr("&Save"));
    // QWizard's own texts come from Qt's translations, which the console does not ship.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    loadChoices();
}

CodeRuleWizard::StepPage* CodeRuleWizard::addStep(const QString& title, const QString& subTitle,
                                                  std::function<QString()> check)
{
    auto* page = new StepPage(std::move(check), this);
    page->setObjectName(QStringLiteral("step%1Page").arg(m_steps.size() + 1));
    page->setTitle(tr("Step %1 of %2: %3").arg(m_steps.size() + 1).arg(5).arg(title));
    page->setSubTitle(subTitle);
    m_steps.append(page);
    addPage(page);
    return page;
}

void CodeRuleWizard::loadChoices()
{
    // Only enabled specs can be chosen (001 §4.2.2 4).
    QUrlQuery specQuery;
    specQuery.addQueryItem(QStringLiteral("status"), QStringLiteral("enabled"));
    specQuery.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
    m_api->get(QStringLiteral("/admin/v1/code-specs"), specQuery, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_steps.at(SpecStep)->statusLabel()->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            return;
        }
        m_specs = reply.json.value(QLatin1String("items")).toArray();
        const QVariant current = m_specComboBox->currentData();
        while (m_specComboBox->count() > 1) {
            m_specComboBox->removeItem(1);
        }
        for (const QJsonValue& value : m_specs) {
            const QJsonObject spec = value.toObject();
            m_specComboBox->addItem(spec.value(QLatin1String("name")).toString(),
                                    spec.value(QLatin1String("id")).toInteger());
        }
        m_specComboBox->setCurrentIndex(qMax(0, m_specComboBox->findData(current)));
    });
    if (m_mode != Mode::Create && m_mode != Mode::EditPending) {
        return;
    }
    QUrlQuery all;
    all.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
    if (m_referenceData != nullptr) {
        m_referenceData->bindChoices(m_industryComboBox, ReferenceCache::Kind::Industries);
    } else {
        m_api->get(QStringLiteral("/admin/v1/industries"), all, this, [this](const ApiReply& reply) {
            if (reply.error.isError()) {
                return; // without the industry list the rule simply names none
            }
            const QVariant current = m_industryComboBox->currentData();
            while (m_industryComboBox->count() > 1) {
                m_industryComboBox->removeItem(1);
            }
            for (const QJsonValue& value : reply.json.value(QLatin1String("items")).toArray()) {
                const QJsonObject industry = value.toObject();
                m_industryComboBox->addItem(industry.value(QLatin1String("name")).toString(),
                                            industry.value(QLatin1String("id")).toInteger());
            }
            m_industryComboBox->setCurrentIndex(qMax(0, m_industryComboBox->findData(current)));
        });
    }
    if (!m_mainPlatform) {
        return; // a sub-platform designs rules for itself
    }
    m_api->get(QStringLiteral("/admin/v1/platforms"), all, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            return;
        }
        const QVariant current = m_platformComboBox->currentData();
        m_platformComboBox->clear();
        m_platformComboBox->addItem(tr("(this platform)"), QVariant());
        for (const QJsonValue& value : reply.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject platform = value.toObject();
            m_platformComboBox->addItem(platform.value(QLatin1String("name")).toString(),
                                        platform.value(QLatin1String("id")).toInteger());
        }
        m_platformComboBox->setCurrentIndex(qMax(0, m_platformComboBox->findData(current)));
    });
}

void CodeRuleWizard::applySpec(int index)
{
    const qint64 id = m_specComboBox->itemData(index).toLongLong();
    for (const QJsonValue& value : m_specs) {
        if (value.toObject().value(QLatin1String("id")).toInteger() == id) {
            m_specFields->setFields(value.toObject().value(QLatin1String("fields")).toArray());
            return;
        }
    }
}

QString CodeRuleWizard::checkBasic() const
{
    const QString name = m_nameLineEdit->text().trimmed();
    if (name.isEmpty()) {
        return tr("The rule needs a name.");
    }
    if (name.size() > MaxNameLength) {
        return tr("The name may have at most %n character(s).", nullptr, MaxNameLength);
    }
    if (m_issuingUnitLineEdit->text().trimmed().size() > MaxUnitLength) {
        return tr("The issuing unit may have at most %n character(s).", nullptr, MaxUnitLength);
    }
    return {};
}

QString CodeRuleWizard::checkFunction() const
{
    for (const QLineEdit* edit : {m_jumpUrlLineEdit, m_callbackUrlLineEdit}) {
        const QString text = edit->text().trimmed();
        if (!text.isEmpty() && !isWebAddress(text)) {
            return tr("\"%1\" is not an http or https address.").arg(text);
        }
    }
    if (m_refreshSpinBox->value() > m_validitySpinBox->value()) {
        return tr("A code must refresh before it expires: the refresh interval is longer than the validity.");
    }
    return {};
}

QString CodeRuleWizard::checkSpec() const
{
    if (!m_specComboBox->currentData().isValid()) {
        return tr("Choose a code spec.");
    }
    if (m_specFields->fields().isEmpty()) {
        return tr("The rule needs at least one spec field.");
    }
    return m_specFields->problem();
}

QJsonObject CodeRuleWizard::basic() const
{
    QJsonObject object{{QStringLiteral("name"), m_nameLineEdit->text().trimmed()},
                       {QStringLiteral("form"), m_formComboBox->currentData().toString()},
                       {QStringLiteral("codeType"), m_codeTypeComboBox->currentData().toString()},
                       {QStringLiteral("issuingUnit"), m_issuingUnitLineEdit->text().trimmed()}};
    if (m_industryComboBox->currentData().isValid()) {
        object.insert(QStringLiteral("industryId"), m_industryComboBox->currentData().toLongLong());
    }
    if (m_platformComboBox->currentData().isValid()) {
        object.insert(QStringLiteral("platformId"), m_platformComboBox->currentData().toLongLong());
    }
    return object;
}

QJsonObject CodeRuleWizard::function() const
{
    return {{QStringLiteral("validitySeconds"), m_validitySpinBox->value()},
            {QStringLiteral("refreshSeconds"), m_refreshSpinBox->value()},
            {QStringLiteral("jumpUrl"), m_jumpUrlLineEdit->text().trimmed()},
            {QStringLiteral("callbackUrl"), m_callbackUrlLineEdit->text().trimmed()},
            {QStringLiteral("antiScreenshot"), m_antiScreenshotCheckBox->isChecked()},
            {QStringLiteral("cache"), m_cacheCheckBox->isChecked()}};
}

QJsonObject CodeRuleWizard::spec() const
{
    return {{QStringLiteral("specId"), m_specComboBox->currentData().toLongLong()},
            {QStringLiteral("fields"), m_specFields->fields()}};
}

QJsonObject CodeRuleWizard::extensionFields() const
{
    return {{QStringLiteral("fields"), m_extensionFields->fields()}};
}

QJsonObject CodeRuleWizard::collectFields() const
{
    return {{QStringLiteral("fields"), m_collectFields->fields()}};
}

void CodeRuleWizard::accept()
{
    if (m_saving) {
        return;
    }
    // Finish checks the last step like Next does the others.
    if (!currentPage()->validatePage()) {
        return;
    }
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    m_steps.last()->statusLabel()->showStatus(StatusLabel::Tone::Busy, tr("Saving…"));
    const QJsonObject steps{{QStringLiteral("function"), function()},
                            {QStringLiteral("spec"), spec()},
                            {QStringLiteral("extensionFields"), extensionFields()},
                            {QStringLiteral("collectFields"), collectFields()}};
    const qint64 id = m_rule.value(QLatin1String("id")).toInteger();
    const auto done = [this](const ApiReply& reply) { finishWith(reply); };
    switch (m_mode) {
    case Mode::Create: {
        QJsonObject body = steps;
        body.insert(QStringLiteral("basic"), basic());
        m_api->post(RulesPath, body, this, done);
        break;
    }
    case Mode::EditPending:
        // Step 1 in place, then the one version of a pending rule.
        m_api->put(RulesPath + QStringLiteral("/%1/steps/1").arg(id), basic(), this,
                   [this, id, steps, done](const ApiReply& reply) {
                       if (reply.error.isError()) {
                           finishWith(reply);
                           return;
                       }
                       const qint64 latest = reply.json.value(QLatin1String("latestVersion")).toInteger();
                       m_api->put(RulesPath + QStringLiteral("/%1/versions/%2").arg(id).arg(latest), steps, this, done);
                   });
        break;
    case Mode::NewVersion:
        m_api->post(RulesPath + QStringLiteral("/%1/versions").arg(id), steps, this, done);
        break;
    case Mode::EditVersion:
        m_api->put(
            RulesPath +
                QStringLiteral("/%1/versions/%2").arg(id).arg(m_version.value(QLatin1String("version")).toInteger()),
            steps, this, done);
        break;
    }
}

void CodeRuleWizard::finishWith(const ApiReply& reply)
{
    m_saving = false;
    button(QWizard::FinishButton)->setEnabled(true);
    if (reply.error.isError()) {
        showSaveError(reply.error.toString());
        return;
    }
    m_saved = reply.json;
    m_steps.last()->statusLabel()->clearStatus();
    emit saved(m_saved);
    QWizard::accept();
}

void CodeRuleWizard::showSaveError(const QString& message)
{
    m_steps.last()->statusLabel()->showStatus(StatusLabel::Tone::Error, message);
}

} // namespace citycode::client

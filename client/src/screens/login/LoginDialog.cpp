#include "screens/login/LoginDialog.h"

#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Settings.h"
#include "widgets/StatusLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr double TitleFontScale = 1.6;
constexpr int MinimumDialogWidth = 520;
constexpr int LayoutSpacing = 12;

} // namespace

LoginDialog::LoginDialog(ApiClient* api, LanguageManager* languages, QWidget* parent)
    : QDialog(parent), m_api(api), m_languages(languages)
{
    buildUi();
    retranslateUi();
    fillLanguages();

    m_serverLineEdit->setText(m_api->baseUrl().toDisplayString());
    const QString username = Settings().username();
    m_usernameLineEdit->setText(username);
    (username.isEmpty() ? m_usernameLineEdit : m_passwordLineEdit)->setFocus();

    connect(m_serverLineEdit, &QLineEdit::textEdited, this, &LoginDialog::onServerEdited);
    connect(m_usernameLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_passwordLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_checkButton, &QPushButton::clicked, this, [this]() { checkConnection(true); });
    connect(m_languageComboBox, &QComboBox::activated, this, &LoginDialog::onLanguageActivated);
    connect(m_dialogButtonBox, &QDialogButtonBox::accepted, this, &LoginDialog::onSignInClicked);
    connect(m_dialogButtonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_api, &ApiClient::healthChecked, this, &LoginDialog::onHealthChecked);

    updateButtons();
}

void LoginDialog::buildUi()
{
    setObjectName(QStringLiteral("loginDialog"));
    setMinimumWidth(MinimumDialogWidth);

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * TitleFontScale);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_subtitleLabel = new QLabel(this);
    m_subtitleLabel->setObjectName(QStringLiteral("subtitleLabel"));
    m_subtitleLabel->setWordWrap(true);

    auto* separatorFrame = new QFrame(this);
    separatorFrame->setObjectName(QStringLiteral("separatorFrame"));
    separatorFrame->setFrameShape(QFrame::HLine);
    separatorFrame->setFrameShadow(QFrame::Plain);
    separatorFrame->setForegroundRole(QPalette::Mid);

    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLineEdit = new QLineEdit(this);
    m_serverLineEdit->setObjectName(QStringLiteral("serverLineEdit"));
    m_serverLineEdit->setPlaceholderText(Settings::defaultServerUrl().toDisplayString());
    m_serverLineEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_serverLabel->setBuddy(m_serverLineEdit);
    m_checkButton = new QPushButton(this);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_checkButton->setAutoDefault(false);
    auto* serverLayout = new QHBoxLayout;
    serverLayout->addWidget(m_serverLineEdit, 1);
    serverLayout->addWidget(m_checkButton);

    m_usernameLabel = new QLabel(this);
    m_usernameLabel->setObjectName(QStringLiteral("usernameLabel"));
    m_usernameLineEdit = new QLineEdit(this);
    m_usernameLineEdit->setObjectName(QStringLiteral("usernameLineEdit"));
    m_usernameLabel->setBuddy(m_usernameLineEdit);

    m_passwordLabel = new QLabel(this);
    m_passwordLabel->setObjectName(QStringLiteral("passwordLabel"));
    m_passwordLineEdit = new QLineEdit(this);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_passwordLineEdit);

    m_languageLabel = new QLabel(this);
    m_languageLabel->setObjectName(QStringLiteral("languageLabel"));
    m_languageComboBox = new QComboBox(this);
    m_languageComboBox->setObjectName(QStringLiteral("languageComboBox"));
    m_languageLabel->setBuddy(m_languageComboBox);

    auto* formLayout = new QFormLayout;
    formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    formLayout->addRow(m_serverLabel, serverLayout);
    formLayout->addRow(m_usernameLabel, m_usernameLineEdit);
    formLayout->addRow(m_passwordLabel, m_passwordLineEdit);
    formLayout->addRow(m_languageLabel, m_languageComboBox);

    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));

    m_dialogButtonBox = new QDialogButtonBox(this);
    m_dialogButtonBox->setObjectName(QStringLiteral("dialogButtonBox"));
    m_signInButton = m_dialogButtonBox->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    QPushButton* cancelButton = m_dialogButtonBox->addButton(QDialogButtonBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("cancelButton"));

    auto* mainLayout = new QVBoxLayout(this);
    mainLayout->setSpacing(LayoutSpacing);
    mainLayout->addWidget(m_titleLabel);
    mainLayout->addWidget(m_subtitleLabel);
    mainLayout->addWidget(separatorFrame);
    mainLayout->addLayout(formLayout);
    mainLayout->addWidget(m_statusLabel);
    mainLayout->addStretch(1);
    mainLayout->addWidget(m_dialogButtonBox);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in — CityCode Admin Console"));
    m_titleLabel->setText(tr("CityCode Admin Console"));
    m_subtitleLabel->setText(tr("Sign in to manage your city's codes."));
    m_serverLabel->setText(tr("&Server address:"));
    m_checkButton->setText(tr("&Check connection"));
    m_checkButton->setToolTip(tr("Ask the server whether it is running and its database is available"));
    m_usernameLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_languageLabel->setText(tr("&Language:"));
    m_signInButton->setText(tr("Sign &in"));
}

void LoginDialog::fillLanguages()
{
    const QString current = m_languages->language();
    for (const QString& language : LanguageManager::availableLanguages()) {
        m_languageComboBox->addItem(LanguageManager::nativeName(language), language);
        if (language == current) {
            m_languageComboBox->setCurrentIndex(m_languageComboBox->count() - 1);
        }
    }
}

void LoginDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::LanguageChange) {
        return;
    }
    retranslateUi();
    // The status sentence was composed in the previous language; asking the server again is
    // cheap and shows its current state in the new one.
    if (!m_checking && !m_statusLabel->text().isEmpty()) {
        if (enteredServerUrl().isValid()) {
            checkConnection(false);
        } else {
            onServerEdited();
        }
    }
}

void LoginDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_checkedOnOpen) {
        m_checkedOnOpen = true;
        if (enteredServerUrl().isValid()) {
            checkConnection(false);
        }
    }
}

QUrl LoginDialog::enteredServerUrl() const
{
    return ApiClient::serverUrlFromUserInput(m_serverLineEdit->text());
}

void LoginDialog::updateButtons()
{
    const bool serverValid = enteredServerUrl().isValid();
    m_checkButton->setEnabled(serverValid && !m_checking);
    m_signInButton->setEnabled(serverValid && !m_checking && !m_usernameLineEdit->text().trimmed().isEmpty() &&
                               !m_passwordLineEdit->text().isEmpty());
}

void LoginDialog::onServerEdited()
{
    // A result shown for the previous address no longer applies to the new one.
    if (m_serverLineEdit->text().trimmed().isEmpty() || enteredServerUrl().isValid()) {
        m_statusLabel->clearStatus();
    } else {
        m_statusLabel->showStatus(
            StatusLabel::Tone::Neutral,
            tr("Enter the server's address, for example %1").arg(Settings::defaultServerUrl().toDisplayString()));
    }
    updateButtons();
}

void LoginDialog::onLanguageActivated(int index)
{
    const QString language = m_languageComboBox->itemData(index).toString();
    if (m_languages->setLanguage(language)) {
        Settings().setLanguage(language);
    }
}

void LoginDialog::checkConnection(bool remember)
{
    const QUrl url = enteredServerUrl();
    if (m_checking || !url.isValid()) {
        return;
    }
    if (remember) {
        Settings().setServerUrl(url);
    }
    m_api->setBaseUrl(url);
    m_checking = true;
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Checking the connection to %1…").arg(url.toDisplayString()));
    updateButtons();
    m_api->checkHealth();
}

void LoginDialog::onSignInClicked()
{
    if (!m_signInButton->isEnabled()) {
        return;
    }
    m_signInPending = true;
    checkConnection(true);
}

void LoginDialog::onHealthChecked(bool ok, const QString& version, const QString& databaseState,
                                  const QString& errorMessage)
{
    // The ApiClient is shared: answers to checks other screens started are not ours to show.
    if (!m_checking) {
        return;
    }
    m_checking = false;
    if (!ok) {
        m_statusLabel->showStatus(StatusLabel::Tone::Error, errorMessage);
    } else if (databaseState == QLatin1String("ok")) {
        m_statusLabel->showStatus(StatusLabel::Tone::Success,
                                  tr("Connected to CityCode server %1 (database ok)").arg(version));
    } else {
        m_statusLabel->showStatus(
            StatusLabel::Tone::Warning,
            tr("Connected to CityCode server %1, but its database reports \"%2\"").arg(version, databaseState));
    }
    updateButtons();
    emit connectionChecked(ok);

    if (m_signInPending) {
        m_signInPending = false;
        if (ok) {
            const QString username = m_usernameLineEdit->text().trimmed();
            Settings().setUsername(username);
            emit signInRequested(m_api->baseUrl(), username, m_passwordLineEdit->text());
        }
    }
}

} // namespace citycode::client

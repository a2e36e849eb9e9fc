#include "screens/login/LoginDialog.h"

#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Settings.h"
#include "screens/account/ChangePasswordDialog.h"
#include "screens/verifier/OfflineVerifierPage.h"
#include "widgets/StatusLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr double TitleFontScale = 1.6;
constexpr int MinimumDialogWidth = 520;
constexpr int LayoutSpacing = 12;
constexpr int CaptchaWidth = 120;
constexpr int CaptchaHeight = 40;
constexpr int VerifierWidth = 900;
constexpr int VerifierHeight = 640;

} // namespace

LoginDialog::LoginDialog(ApiClient* api, LanguageManager* languages, QWidget* parent, const QString& lockedUsername)
    : QDialog(parent), m_api(api), m_languages(languages), m_lockedUsername(lockedUsername)
{
    buildUi();
    retranslateUi();
    fillLanguages();

    m_serverLineEdit->setText(m_api->baseUrl().toDisplayString());
    const QString username = lockedUsername.isEmpty() ? Settings().username() : lockedUsername;
    m_usernameLineEdit->setText(username);
    (username.isEmpty() ? m_usernameLineEdit : m_passwordLineEdit)->setFocus();
    if (!lockedUsername.isEmpty()) {
        m_serverLineEdit->setReadOnly(true);
        m_usernameLineEdit->setReadOnly(true);
    }

    connect(m_serverLineEdit, &QLineEdit::textEdited, this, &LoginDialog::onServerEdited);
    connect(m_usernameLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_passwordLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_captchaLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_captchaRefreshButton, &QPushButton::clicked, this, &LoginDialog::refreshCaptcha);
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

    m_captchaLabel = new QLabel(this);
    m_captchaLabel->setObjectName(QStringLiteral("captchaLabel"));
    m_captchaLineEdit = new QLineEdit(this);
    m_captchaLineEdit->setObjectName(QStringLiteral("captchaLineEdit"));
    m_captchaLineEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_captchaLabel->setBuddy(m_captchaLineEdit);
    m_captchaImageLabel = new QLabel(this);
    m_captchaImageLabel->setObjectName(QStringLiteral("captchaImageLabel"));
    m_captchaImageLabel->setMinimumSize(CaptchaWidth, CaptchaHeight);
    m_captchaImageLabel->setAlignment(Qt::AlignCenter);
    m_captchaImageLabel->setFrameShape(QFrame::StyledPanel);
    m_captchaRefreshButton = new QPushButton(this);
    m_captchaRefreshButton->setObjectName(QStringLiteral("captchaRefreshButton"));
    m_captchaRefreshButton->setAutoDefault(false);
    auto* captchaLayout = new QHBoxLayout;
    captchaLayout->addWidget(m_captchaLineEdit, 1);
    captchaLayout->addWidget(m_captchaImageLabel);
    captchaLayout->addWidget(m_captchaRefreshButton);

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
    formLayout->addRow(m_captchaLabel, captchaLayout);
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
    m_verifierButton = m_dialogButtonBox->addButton(QString(), QDialogButtonBox::ActionRole);
    m_verifierButton->setObjectName(QStringLiteral("offlineVerifierButton"));
    m_verifierButton->setAutoDefault(false);
    connect(m_verifierButton, &QPushButton::clicked, this, &LoginDialog::openOfflineVerifier);

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
    m_captchaLabel->setText(tr("C&aptcha:"));
    m_captchaRefreshButton->setText(tr("&New image"));
    m_captchaRefreshButton->setToolTip(tr("Show another captcha image"));
    m_languageLabel->setText(tr("&Language:"));
    m_signInButton->setText(tr("Sign &in"));
    m_verifierButton->setText(tr("&Offline verifier…"));
    m_verifierButton->setToolTip(tr("Verify emergency codes against the saved trust list, without signing in"));
}

void LoginDialog::openOfflineVerifier()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("offlineVerifierDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Offline verifier — CityCode Admin Console"));
    auto* page = new OfflineVerifierPage(PageContext{m_api, nullptr}, dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    dialog->resize(VerifierWidth, VerifierHeight);
    dialog->open();
    page->activate();
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
    const bool busy = m_checking || m_signingIn;
    m_checkButton->setEnabled(serverValid && !busy);
    m_captchaRefreshButton->setEnabled(serverValid && !busy);
    // The answer is needed once an image is shown (servers may run without captcha).
    const bool captchaOk = m_captchaId.isEmpty() || !m_captchaLineEdit->text().trimmed().isEmpty();
    m_signInButton->setEnabled(serverValid && !busy && !m_usernameLineEdit->text().trimmed().isEmpty() &&
                               !m_passwordLineEdit->text().isEmpty() && captchaOk);
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
            signIn();
        }
    } else if (ok && m_captchaId.isEmpty()) {
        refreshCaptcha();
    }
}

void LoginDialog::refreshCaptcha()
{
    m_api->get(QStringLiteral("/admin/v1/auth/captcha"), {}, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_captchaImageLabel->setText(tr("No image"));
            return;
        }
        m_captchaId = reply.json.value(QLatin1String("captchaId")).toString();
        // "data:image/png;base64,...."
        const QString image = reply.json.value(QLatin1String("image")).toString();
        const QByteArray png = QByteArray::fromBase64(image.section(QLatin1Char(','), 1).toLatin1());
        QPixmap pixmap;
        if (pixmap.loadFromData(png, "PNG")) {
            m_captchaImageLabel->setPixmap(pixmap);
        } else {
            m_captchaImageLabel->setText(tr("No image"));
        }
        m_captchaLineEdit->clear();
        updateButtons();
    });
}

void LoginDialog::signIn()
{
    const QString username = m_usernameLineEdit->text().trimmed();
    Settings().setUsername(username);
    m_signingIn = true;
    updateButtons();
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Signing in as %1…").arg(username));
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), m_passwordLineEdit->text()},
                           {QStringLiteral("captchaId"), m_captchaId},
                           {QStringLiteral("captchaAnswer"), m_captchaLineEdit->text().trimmed()}};
    m_api->setSessionToken({});
    m_api->post(QStringLiteral("/admin/v1/auth/login"), body, this,
                [this](const ApiReply& reply) { onSignInAnswered(reply); });
}

void LoginDialog::onSignInAnswered(const ApiReply& reply)
{
    if (reply.error.isError()) {
        m_signingIn = false;
        showSignInError(reply.error, reply.retryAfterSeconds);
        // A captcha is used up by every attempt.
        m_captchaId.clear();
        refreshCaptcha();
        updateButtons();
        return;
    }
    m_api->setSessionToken(reply.json.value(QLatin1String("token")).toString());
    if (reply.json.value(QLatin1String("mustChangePassword")).toBool()) {
        changeInitialPassword(reply.json);
        return;
    }
    finishSignIn(reply.json);
}

void LoginDialog::changeInitialPassword(const QJsonObject& profile)
{
    const QString username =
        profile.value(QLatin1String("operator")).toObject().value(QLatin1String("username")).toString();
    m_statusLabel->showStatus(StatusLabel::Tone::Warning, tr("Choose a new password to finish signing in."));
    auto* dialog = new ChangePasswordDialog(m_api, username, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangePasswordDialog::passwordChanged, this, [this]() {
        m_api->get(QStringLiteral("/admin/v1/auth/me"), {}, this, [this](const ApiReply& reply) {
            if (reply.error.isError()) {
                m_signingIn = false;
                showSignInError(reply.error, 0);
                updateButtons();
                return;
            }
            finishSignIn(reply.json);
        });
    });
    connect(dialog, &QDialog::rejected, this, [this]() {
        // Without the new password the session can do nothing: end it.
        m_api->post(QStringLiteral("/admin/v1/auth/logout"), QJsonObject(), nullptr, {});
        m_api->setSessionToken({});
        m_signingIn = false;
        m_passwordLineEdit->clear();
        m_captchaId.clear();
        refreshCaptcha();
        m_statusLabel->showStatus(StatusLabel::Tone::Warning,
                                  tr("The password must be changed at the first sign-in; you are not signed in."));
        updateButtons();
    });
    dialog->open();
}

void LoginDialog::finishSignIn(const QJsonObject& profile)
{
    m_signingIn = false;
    m_passwordLineEdit->clear();
    m_statusLabel->showStatus(StatusLabel::Tone::Success, tr("Signed in."));
    updateButtons();
    emit signedIn(profile);
    accept();
}

void LoginDialog::showSignInError(const ApiError& error, int retryAfterSeconds)
{
    QString message;
    if (error.code == QLatin1String("LOGIN_FAILED")) {
        message = tr("Wrong user name or password.");
    } else if (error.code == QLatin1String("LOGIN_THROTTLED")) {
        message = tr("Too many failed sign-ins: signing in is slowed down. Try again in %n second(s).", nullptr,
                     qMax(1, retryAfterSeconds));
    } else if (error.code == QLatin1String("ACCOUNT_DISABLED")) {
        message = error.message.contains(QLatin1String("platform"))
                      ? tr("The platform of this account is disabled; ask the main platform's administrator.")
                      : tr("This account is disabled; ask an administrator.");
    } else if (error.code == QLatin1String("CAPTCHA_INVALID")) {
        message = tr("The captcha answer is wrong or expired; type the characters of the new image.");
    } else if (error.code == QLatin1String("BAD_REQUEST")) {
        message = tr("Enter the user name, the password and the captcha.");
    } else {
        message = error.toString();
    }
    m_statusLabel->showStatus(StatusLabel::Tone::Error, message);
}

} // namespace citycode::client

#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QUrl>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace citycode::client {

class ApiClient;
class ApiError;
class LanguageManager;
class StatusLabel;
struct ApiReply;

// The first screen: where the server is, who signs in (password and captcha), in which
// language. Checks that the server answers (on opening, on request and before signing in), says
// plainly why a sign-in failed, and makes a first sign-in with a one-time password change it.
// On success the ApiClient holds the session token and signedIn() carries the profile.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    // `lockedUsername` non-empty: signing in again after the session ended; server and user
    // name are fixed so that the open pages stay valid.
    LoginDialog(ApiClient* api, LanguageManager* languages, QWidget* parent = nullptr,
                const QString& lockedUsername = QString());

    // Checks the server address in the field; `remember` saves it as the next default.
    void checkConnection(bool remember);
    bool isChecking() const { return m_checking; }

    // Asks the server for a new captcha image.
    void refreshCaptcha();

signals:
    // Signed in (and, when required, the password changed): the answer of /auth/login or
    // /auth/me with operator, permissions and menus.
    void signedIn(const QJsonObject& profile);
    // A health check finished and the status label shows its outcome.
    void connectionChecked(bool ok);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void fillLanguages();
    void updateButtons();
    void onServerEdited();
    void onLanguageActivated(int index);
    void onSignInClicked();
    void onHealthChecked(bool ok, const QString& version, const QString& databaseState, const QString& errorMessage);
    QUrl enteredServerUrl() const;
    void signIn();
    void openOfflineVerifier();
    void onSignInAnswered(const ApiReply& reply);
    void changeInitialPassword(const QJsonObject& profile);
    void finishSignIn(const QJsonObject& profile);
    void showSignInError(const ApiError& error, int retryAfterSeconds);

    ApiClient* m_api;
    LanguageManager* m_languages;
    bool m_checking = false;
    bool m_signInPending = false;
    bool m_checkedOnOpen = false;
    bool m_signingIn = false;
    QString m_lockedUsername;
    QString m_captchaId;

    QLabel* m_titleLabel = nullptr;
    QLabel* m_subtitleLabel = nullptr;
    QLabel* m_serverLabel = nullptr;
    QLineEdit* m_serverLineEdit = nullptr;
    QPushButton* m_checkButton = nullptr;
    QLabel* m_usernameLabel = nullptr;
    QLineEdit* m_usernameLineEdit = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_passwordLineEdit = nullptr;
    QLabel* m_captchaLabel = nullptr;
    QLineEdit* m_captchaLineEdit = nullptr;
    QLabel* m_captchaImageLabel = nullptr;
    QPushButton* m_captchaRefreshButton = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_languageComboBox = nullptr;
    StatusLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_dialogButtonBox = nullptr;
    QPushButton* m_signInButton = nullptr;
    // Opens the offline verifier (emergency codes, no server needed) in a dialog of its own.
    QPushButton* m_verifierButton = nullptr;
};

} // namespace citycode::client

#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace citycode::client {

class ApiClient;
class LanguageManager;
class StatusLabel;

// The first screen: where the server is, who signs in, in which language. Checks that the
// server answers (on opening, on request and before signing in) and says plainly why not.
// Signing in itself is the caller's business: the dialog hands over the credentials.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(ApiClient* api, LanguageManager* languages, QWidget* parent = nullptr);

    // Checks the server address in the field; `remember` saves it as the next default.
    void checkConnection(bool remember);
    bool isChecking() const { return m_checking; }

signals:
    // The server answered its health check and the fields are filled in.
    void signInRequested(const QUrl& serverUrl, const QString& username, const QString& password);
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

    ApiClient* m_api;
    LanguageManager* m_languages;
    bool m_checking = false;
    bool m_signInPending = false;
    bool m_checkedOnOpen = false;

    QLabel* m_titleLabel = nullptr;
    QLabel* m_subtitleLabel = nullptr;
    QLabel* m_serverLabel = nullptr;
    QLineEdit* m_serverLineEdit = nullptr;
    QPushButton* m_checkButton = nullptr;
    QLabel* m_usernameLabel = nullptr;
    QLineEdit* m_usernameLineEdit = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_passwordLineEdit = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_languageComboBox = nullptr;
    StatusLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_dialogButtonBox = nullptr;
    QPushButton* m_signInButton = nullptr;
};

} // namespace citycode::client

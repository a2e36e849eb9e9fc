#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Settings.h"
#include "screens/login/LoginDialog.h"
#include "support/LoopbackPort.h"
#include "support/ServerProcess.h"
#include "widgets/StatusLabel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace citycode::test {

using citycode::client::ApiClient;
using citycode::client::LanguageManager;
using citycode::client::LoginDialog;
using citycode::client::Settings;
using citycode::client::StatusLabel;

// The sign-in dialog driven like a user would: typing, clicking, waiting for the connection
// check against an absent server (refused port) or the real citycode-server.
class TestLoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void signInNeedsEveryField_data();
    void signInNeedsEveryField();
    void invalidAddressCannotBeChecked();
    void unreachableServerIsReportedOnOpen();
    void signInDoesNotProceedWithoutServer();
    void checkedAddressIsRemembered();
    void checkOnOpenKeepsSavedAddress();
    void signInReachesRealServer();

private:
    // The dialog and its widgets, looked up by object name as a test of those names too.
    struct Fixture
    {
        ApiClient api;
        LanguageManager languages;
        std::unique_ptr<LoginDialog> dialog;
        QLineEdit* server = nullptr;
        QLineEdit* username = nullptr;
        QLineEdit* password = nullptr;
        QPushButton* check = nullptr;
        QPushButton* signIn = nullptr;
        StatusLabel* status = nullptr;

        explicit Fixture(const QUrl& serverUrl);
    };

    static QUrl unreachableServer();
    static void type(QLineEdit* lineEdit, const QString& text);

    QTemporaryDir m_settingsDir;
};

TestLoginDialog::Fixture::Fixture(const QUrl& serverUrl)
{
    api.setBaseUrl(serverUrl);
    dialog = std::make_unique<LoginDialog>(&api, &languages);
    server = dialog->findChild<QLineEdit*>(QStringLiteral("serverLineEdit"));
    username = dialog->findChild<QLineEdit*>(QStringLiteral("usernameLineEdit"));
    password = dialog->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"));
    check = dialog->findChild<QPushButton*>(QStringLiteral("checkButton"));
    signIn = dialog->findChild<QPushButton*>(QStringLiteral("signInButton"));
    status = dialog->findChild<StatusLabel*>(QStringLiteral("statusLabel"));
}

QUrl TestLoginDialog::unreachableServer()
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(unusedLoopbackPort()));
}

void TestLoginDialog::type(QLineEdit* lineEdit, const QString& text)
{
    lineEdit->selectAll();
    QTest::keyClick(lineEdit, Qt::Key_Backspace);
    QTest::keyClicks(lineEdit, text);
}

void TestLoginDialog::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
}

void TestLoginDialog::init()
{
    QDir settingsDir(m_settingsDir.path());
    for (const QString& file : settingsDir.entryList(QDir::Files)) {
        QVERIFY(settingsDir.remove(file));
    }
}

void TestLoginDialog::signInNeedsEveryField_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("signInEnabled");

    QTest::newRow("every field filled in") << "127.0.0.1:8080"
                                           << "operator"
                                           << "secret" << true;
    QTest::newRow("no user name") << "127.0.0.1:8080"
                                  << ""
                                  << "secret" << false;
    QTest::newRow("user name of spaces only") << "127.0.0.1:8080"
                                              << "   "
                                              << "secret" << false;
    QTest::newRow("no password") << "127.0.0.1:8080"
                                 << "operator"
                                 << "" << false;
    QTest::newRow("no server address") << ""
                                       << "operator"
                                       << "secret" << false;
    QTest::newRow("server address that is not one") << "ftp://files"
                                                    << "operator"
                                                    << "secret" << false;
}

void TestLoginDialog::signInNeedsEveryField()
{
    QFETCH(QString, server);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, signInEnabled);

    Fixture f(Settings::defaultServerUrl());
    QVERIFY(f.server && f.username && f.password && f.check && f.signIn && f.status);
    QVERIFY2(!f.signIn->isEnabled(), "nothing typed yet");

    type(f.server, server);
    type(f.username, username);
    type(f.password, password);
    QCOMPARE(f.signIn->isEnabled(), signInEnabled);
}

void TestLoginDialog::invalidAddressCannotBeChecked()
{
    Fixture f(Settings::defaultServerUrl());
    QVERIFY(f.check->isEnabled());

    type(f.server, QStringLiteral("ftp://files"));
    QVERIFY(!f.check->isEnabled());
    QCOMPARE(f.status->text(), QStringLiteral("Enter the server's address, for example http://127.0.0.1:8080"));

    type(f.server, QStringLiteral("10.0.0.5:8080"));
    QVERIFY(f.check->isEnabled());
    QVERIFY(f.status->text().isEmpty());
}

void TestLoginDialog::unreachableServerIsReportedOnOpen()
{
    const QUrl server = unreachableServer();
    Fixture f(server);
    f.dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.dialog.get()));

    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog->isChecking(), 5000);
    QCOMPARE(f.status->text(),
             QStringLiteral("Cannot reach the server at %1: connection refused").arg(server.toString()));
    QCOMPARE(f.status->tone(), StatusLabel::Tone::Error);
}

void TestLoginDialog::signInDoesNotProceedWithoutServer()
{
    Fixture f(unreachableServer());
    QSignalSpy signIns(f.dialog.get(), &LoginDialog::signedIn);
    f.dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.dialog.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog->isChecking(), 5000);

    type(f.username, QStringLiteral("operator"));
    type(f.password, QStringLiteral("secret"));
    QVERIFY(f.signIn->isEnabled());
    QTest::mouseClick(f.signIn, Qt::LeftButton);
    QVERIFY2(f.dialog->isChecking(), "signing in checks the server first");
    QVERIFY2(!f.signIn->isEnabled(), "no second click while checking");

    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog->isChecking(), 5000);
    QVERIFY2(f.status->text().contains(QStringLiteral("connection refused")), qPrintable(f.status->text()));
    QCOMPARE(signIns.count(), 0);
    QVERIFY(f.dialog->isVisible());
    QCOMPARE(f.dialog->result(), int(QDialog::Rejected));
}

void TestLoginDialog::checkedAddressIsRemembered()
{
    Fixture f(Settings::defaultServerUrl());
    const QUrl server = unreachableServer();
    type(f.server, server.authority());
    QTest::mouseClick(f.check, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog->isChecking(), 5000);
    QVERIFY2(f.status->text().contains(QStringLiteral("connection refused")), qPrintable(f.status->text()));

    QCOMPARE(Settings().serverUrl(), server);
    Fixture next(Settings().serverUrl());
    QCOMPARE(next.server->text(), server.toString());
}

void TestLoginDialog::checkOnOpenKeepsSavedAddress()
{
    // An address from the command line (--server) is tried on opening, not saved over the
    // user's own until they use it.
    Fixture f(unreachableServer());
    f.dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.dialog.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog->isChecking(), 5000);
    QVERIFY(!f.status->text().isEmpty());

    QCOMPARE(Settings().serverUrl(), Settings::defaultServerUrl());
}

void TestLoginDialog::signInReachesRealServer()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    ServerProcess serverProcess(program);
    QString error;
    QVERIFY2(serverProcess.start(&error), qPrintable(error));

    Fixture f(serverProcess.url());
    QSignalSpy signIns(f.dialog.get(), &LoginDialog::signedIn);
    f.dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.dialog.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog->isChecking(), 5000);
    QCOMPARE(f.status->text(),
             QStringLiteral("Connected to CityCode server %1 (database ok)").arg(QStringLiteral(CITYCODE_VERSION)));
    QCOMPARE(f.status->tone(), StatusLabel::Tone::Success);

    // The server requires a captcha (its default): the image is shown, and a wrong answer is
    // named as such before any password is checked.
    auto* captchaImage = f.dialog->findChild<QLabel*>(QStringLiteral("captchaImageLabel"));
    auto* captcha = f.dialog->findChild<QLineEdit*>(QStringLiteral("captchaLineEdit"));
    QVERIFY(captchaImage && captcha);
    QTRY_VERIFY_WITH_TIMEOUT(!captchaImage->pixmap().isNull(), 5000);
    type(f.username, QStringLiteral("operator"));
    type(f.password, QStringLiteral("secret"));
    QVERIFY2(!f.signIn->isEnabled(), "the captcha answer is needed");
    type(captcha, QStringLiteral("zzzz"));
    QTest::mouseClick(f.signIn, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(f.status->tone() == StatusLabel::Tone::Error, 5000);
    QCOMPARE(f.status->text(),
             QStringLiteral("The captcha answer is wrong or expired; type the characters of the new image."));
    QCOMPARE(signIns.count(), 0);
    QVERIFY(f.dialog->isVisible());
    // A captcha is used up by the attempt: a new one replaces it and the answer is cleared.
    QTRY_VERIFY_WITH_TIMEOUT(captcha->text().isEmpty(), 5000);
    QCOMPARE(Settings().serverUrl(), serverProcess.url());
    QCOMPARE(Settings().username(), QStringLiteral("operator"));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestLoginDialog)
#include "TestLoginDialog.moc"

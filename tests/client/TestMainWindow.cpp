#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "screens/main/MainWindow.h"
#include "support/LoopbackPort.h"
#include "widgets/StatusLabel.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace citycode::test {

using citycode::client::ApiClient;
using citycode::client::LanguageManager;
using citycode::client::MainWindow;
using citycode::client::Session;
using citycode::client::Settings;
using citycode::client::StatusLabel;

// The main window shell: what its status bar says about the server, and that it reopens where
// the user left it.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statusBarShowsServerAndConnection();
    void geometryIsRemembered();
    void navigationShowsOverview();
    void navigationFollowsPermittedMenus();
    void lastPageIsRemembered();

private:
    // A sub-platform operator holding the platforms screen, a screen the console has no page
    // for, and nothing else.
    static Session subPlatformSession();

    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
}

void TestMainWindow::statusBarShowsServerAndConnection()
{
    const QUrl server(QStringLiteral("http://127.0.0.1:%1").arg(unusedLoopbackPort()));
    ApiClient api;
    api.setBaseUrl(server);
    Session session;
    LanguageManager languages;
    MainWindow window(&api, &session, &languages);
    auto* serverLabel = window.findChild<QLabel*>(QStringLiteral("serverStatusLabel"));
    auto* connectionLabel = window.findChild<StatusLabel*>(QStringLiteral("connectionStatusLabel"));
    QVERIFY(serverLabel && connectionLabel);
    QCOMPARE(serverLabel->text(), QStringLiteral("Server: %1").arg(server.toString()));
    QCOMPARE(connectionLabel->text(), QStringLiteral("Not checked yet"));

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(connectionLabel->text(), QStringLiteral("Not connected"), 5000);
    QCOMPARE(connectionLabel->tone(), StatusLabel::Tone::Error);
    QVERIFY2(connectionLabel->toolTip().contains(QStringLiteral("connection refused")),
             qPrintable(connectionLabel->toolTip()));

    const QUrl otherServer(QStringLiteral("https://codes.example.org"));
    api.setBaseUrl(otherServer);
    QCOMPARE(serverLabel->text(), QStringLiteral("Server: https://codes.example.org"));
}

void TestMainWindow::geometryIsRemembered()
{
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(unusedLoopbackPort())));
    const QSize size(812, 533);
    Session session;
    LanguageManager languages;
    {
        MainWindow window(&api, &session, &languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(size);
        QTRY_COMPARE(window.size(), size);
        QVERIFY(window.close());
    }
    QVERIFY(!Settings().mainWindowGeometry().isEmpty());

    MainWindow reopened(&api, &session, &languages);
    QCOMPARE(reopened.size(), size);
}

void TestMainWindow::navigationShowsOverview()
{
    ApiClient api;
    Session session;
    LanguageManager languages;
    MainWindow window(&api, &session, &languages);
    auto* navigation = window.findChild<QTreeWidget*>(QStringLiteral("navigationTreeWidget"));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(navigation && pages);
    QCOMPARE(pages->count(), 1); // pages are created when first chosen
    QCOMPARE(navigation->currentItem()->text(0), QStringLiteral("Overview"));
    QCOMPARE(pages->currentWidget(), window.findChild<QLabel*>(QStringLiteral("overviewLabel")));
}

Session TestMainWindow::subPlatformSession()
{
    const QByteArray profile = R"({
        "mustChangePassword": false,
        "operator": {"id": 7, "username": "district", "displayName": "District admin", "platformId": 3,
                     "platformName": "East District", "mainPlatform": false, "initialAdmin": false},
        "permissions": ["base", "base:platform:list", "base:platform:edit", "code", "code:unknown:list"],
        "menus": [
            {"id": 1, "permission": "base", "name": "基础管理", "type": "menu",
             "children": [{"id": 2, "permission": "base:platform:list", "name": "平台管理", "type": "menu"}]},
            {"id": 20, "permission": "code", "name": "码引擎", "type": "menu",
             "children": [{"id": 21, "permission": "code:unknown:list", "name": "未知", "type": "menu"}]}
        ]})";
    Session session;
    session.update(QJsonDocument::fromJson(profile).object());
    return session;
}

void TestMainWindow::navigationFollowsPermittedMenus()
{
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(unusedLoopbackPort())));
    Session session = subPlatformSession();
    LanguageManager languages;
    MainWindow window(&api, &session, &languages);
    auto* navigation = window.findChild<QTreeWidget*>(QStringLiteral("navigationTreeWidget"));
    QVERIFY(navigation);

    QStringList shown;
    for (QTreeWidgetItemIterator it(navigation); *it != nullptr; ++it) {
        shown.append((*it)->text(0));
    }
    // The group without any page the console has is left out, and so are screens not held.
    for (const char* expected : {"Overview", "My account", "Basic management", "Platforms"}) {
        QVERIFY2(shown.contains(QLatin1String(expected)), qPrintable(shown.join(QLatin1Char('|'))));
    }
    for (const char* absent : {"Apps", "Operators", "Code engine", "未知"}) {
        QVERIFY2(!shown.contains(QString::fromUtf8(absent)), qPrintable(shown.join(QLatin1Char('|'))));
    }
    QVERIFY(!window.showPage(QStringLiteral("base:app:list")));
    QVERIFY(!window.showPage(QStringLiteral("code:unknown:list")));

    auto* account = window.findChild<QLabel*>(QStringLiteral("accountLabel"));
    QVERIFY(account);
    QVERIFY2(account->text().contains(QStringLiteral("East District")), qPrintable(account->text()));
    QVERIFY2(account->text().contains(QStringLiteral("this platform only")), qPrintable(account->text()));
    QVERIFY2(account->text().contains(QStringLiteral("district")), qPrintable(account->text()));
}

void TestMainWindow::lastPageIsRemembered()
{
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(unusedLoopbackPort())));
    Session session = subPlatformSession();
    LanguageManager languages;
    {
        MainWindow window(&api, &session, &languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("local:account")));
        QVERIFY(window.page(QStringLiteral("local:account")) != nullptr);
        QVERIFY(window.close());
    }
    MainWindow reopened(&api, &session, &languages);
    QCOMPARE(reopened.currentPermission(), QStringLiteral("local:account"));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestMainWindow)
#include "TestMainWindow.moc"

#include "api/ApiClient.h"
#include "app/Settings.h"
#include "screens/main/MainWindow.h"
#include "support/LoopbackPort.h"
#include "widgets/StatusLabel.h"

#include <QDir>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace citycode::test {

using citycode::client::ApiClient;
using citycode::client::MainWindow;
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

private:
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
    MainWindow window(&api);
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
    {
        MainWindow window(&api);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(size);
        QTRY_COMPARE(window.size(), size);
        QVERIFY(window.close());
    }
    QVERIFY(!Settings().mainWindowGeometry().isEmpty());

    MainWindow reopened(&api);
    QCOMPARE(reopened.size(), size);
}

void TestMainWindow::navigationShowsOverview()
{
    ApiClient api;
    MainWindow window(&api);
    auto* navigation = window.findChild<QTreeWidget*>(QStringLiteral("navigationTreeWidget"));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(navigation && pages);
    QCOMPARE(navigation->topLevelItemCount(), pages->count());
    QCOMPARE(navigation->currentItem()->text(0), QStringLiteral("Overview"));
    QCOMPARE(pages->currentWidget(), window.findChild<QLabel*>(QStringLiteral("overviewLabel")));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestMainWindow)
#include "TestMainWindow.moc"

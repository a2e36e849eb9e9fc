// Issue 5, must-show 5: a list of 100,000 rows (the demo generator citycode-demo-rows adds them
// to the operation log of a real citycode-server) pages, sorts and filters in the console
// without blocking the UI. Every request leaves the UI thread at once (the page reports
// "loading" right after the click, before any answer), a 10 ms timer on the UI thread never
// stalls for long while pages load, and the server answers each page within a bound.
#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/JsonTableModel.h"
#include "models/OperationLogModel.h"
#include "screens/main/MainWindow.h"
#include "support/ConsoleApi.h"
#include "widgets/FilterBar.h"
#include "widgets/ListPage.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace citycode::test {

using namespace citycode::client;

namespace {

const QString InitialPassword = QStringLiteral("Initial-Pass-2024");
const QString AdminPassword = QStringLiteral("Large-List-2024!");
constexpr int GeneratedRows = 100000;
// Actions the generator cycles through (DemoRows.cpp): line n has actions[n % 8].
constexpr int GeneratorActions = 8;
constexpr int AppUpdateAction = 3; // "app.update"
// The bounds: a page answered by the server, and the longest the UI thread may stall.
constexpr qint64 MaxAnswerMs = 3000;
constexpr qint64 MaxStallMs = 200;
constexpr int TickMs = 10;

// Ticks every 10 ms on the UI thread and keeps the longest gap between two ticks.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setInterval(TickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this]() { m_worst = qMax(m_worst, m_clock.restart()); });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

} // namespace

class TestLargeList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void browsesOneHundredThousandRowsWithoutBlocking();

private:
    // Runs `action` (which sends one list request), checks it returned before the answer, waits
    // for the page and checks the answer time and the UI thread's longest stall.
    // The page is the one `action` returns (the first action creates it).
    ListPage* loadWithoutBlocking(const char* what, const std::function<ListPage*()>& action);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<ServerProcess> m_server;
    LanguageManager m_languages;
};

void TestLargeList::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
    QVERIFY(m_languages.setLanguage(LanguageManager::English));
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    QString error;
    m_server = startServer(InitialPassword, &error);
    QVERIFY2(m_server != nullptr, qPrintable(error));

    // The server's database: its default SQLite file, or CITYCODE_DATABASE_URL (PostgreSQL) when
    // the server inherits that.
    const QString databaseUrl = qEnvironmentVariable("CITYCODE_DATABASE_URL", QStringLiteral("sqlite:citycode.db"));
    QProcess generator;
    generator.start(QStringLiteral(CITYCODE_DEMO_ROWS_BIN),
                    {databaseUrl, m_server->dataDirectory(), QString::number(GeneratedRows)});
    QVERIFY(generator.waitForFinished(120000));
    QVERIFY2(generator.exitCode() == 0, generator.readAllStandardError().constData());
    qInfo("%s", generator.readAllStandardOutput().trimmed().constData());
}

ListPage* TestLargeList::loadWithoutBlocking(const char* what, const std::function<ListPage*()>& action)
{
    StallMeter meter;
    QElapsedTimer answer;
    meter.start();
    answer.start();
    ListPage* page = action();
    if (page == nullptr) {
        qWarning("%s: no list page", what);
        return nullptr;
    }
    // The request is on its way and the UI thread is free again: nothing has been answered yet
    // (an answer can only arrive through the event loop, which has not run since the action).
    QSignalSpy loaded(page, &ListPage::loaded);
    if (!page->isLoading()) {
        qWarning("%s: the page is not loading after the action", what);
        return nullptr;
    }
    if (!loaded.wait(static_cast<int>(MaxAnswerMs))) {
        qWarning("%s: no answer within %lld ms", what, static_cast<long long>(MaxAnswerMs));
        return nullptr;
    }
    const qint64 answerMs = answer.elapsed();
    // Lets the table paint the new rows while the meter still runs.
    QTest::qWait(50);
    const qint64 stall = meter.stop();
    qInfo("%s: answered in %lld ms, longest UI thread stall %lld ms", what, static_cast<long long>(answerMs),
          static_cast<long long>(stall));
    if (!loaded.first().first().toBool() || stall >= MaxStallMs) {
        qWarning("%s: failed or stalled the UI thread", what);
        return nullptr;
    }
    return page;
}

void TestLargeList::browsesOneHundredThousandRowsWithoutBlocking()
{
    ApiClient api;
    api.setBaseUrl(m_server->url());
    QString error;
    const QJsonObject me = signIn(api, QStringLiteral("admin"), InitialPassword, AdminPassword, &error);
    QVERIFY2(!me.isEmpty(), qPrintable(error));
    Session session;
    session.update(me);

    MainWindow window(&api, &session, &m_languages);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString permission = QStringLiteral("system:log:list");
    // Building the page is UI work of its own; the measured steps start once it is there.
    QVERIFY(window.showPage(permission));
    auto* page = qobject_cast<ListPage*>(window.page(permission));
    QVERIFY(page != nullptr);
    QVERIFY(page->isLoading());
    QSignalSpy firstLoad(page, &ListPage::loaded);
    QVERIFY(firstLoad.wait(static_cast<int>(MaxAnswerMs)));
    QVERIFY(loadWithoutBlocking("first page again", [&]() -> ListPage* {
        page->reload();
        return page;
    }));
    QVERIFY(page != nullptr);
    // Every admin change of this test (sign-in, password) is logged too.
    const qint64 total = page->total();
    QVERIFY2(total >= GeneratedRows && total < GeneratedRows + 20, qPrintable(QString::number(total)));
    QCOMPARE(page->model()->rowCount(), ListPage::DefaultPageSize);

    auto* next = page->findChild<QPushButton*>(QStringLiteral("nextPageButton"));
    auto* last = page->findChild<QPushButton*>(QStringLiteral("lastPageButton"));
    auto* pageSize = page->findChild<QComboBox*>(QStringLiteral("pageSizeComboBox"));
    QVERIFY(next != nullptr && last != nullptr && pageSize != nullptr);
    QVERIFY(loadWithoutBlocking("next page", [&]() -> ListPage* {
        next->click();
        return page;
    }));
    QCOMPARE(page->currentPage(), 2);
    QVERIFY(loadWithoutBlocking("100 per page", [&]() -> ListPage* {
        pageSize->setCurrentIndex(pageSize->findData(100));
        return page;
    }));
    QCOMPARE(page->model()->rowCount(), 100);
    QVERIFY(loadWithoutBlocking("last page", [&]() -> ListPage* {
        last->click();
        return page;
    }));
    const int pages = static_cast<int>((total + 99) / 100);
    QCOMPARE(page->currentPage(), pages);
    QCOMPARE(page->model()->rowCount(), static_cast<int>(total - (pages - 1) * 100));

    // Sorted by the server on a column without an index: the rows arrive in order.
    QVERIFY(loadWithoutBlocking("sort by action", [&]() -> ListPage* {
        page->tableView()->horizontalHeader()->setSortIndicator(OperationLogModel::Action, Qt::DescendingOrder);
        return page;
    }));
    QCOMPARE(page->currentPage(), 1);
    for (int row = 1; row < page->model()->rowCount(); ++row) {
        QVERIFY(page->model()->record(row - 1).value(QLatin1String("action")).toString() >=
                page->model()->record(row).value(QLatin1String("action")).toString());
    }
    QCOMPARE(page->model()->record(0).value(QLatin1String("action")).toString(), QStringLiteral("static-code.enable"));

    // Filtered: exactly the generator's "app.update" lines.
    auto* action = page->findChild<QLineEdit*>(QStringLiteral("actionLineEdit"));
    QVERIFY(action != nullptr);
    action->setText(QStringLiteral("app.update"));
    QVERIFY(loadWithoutBlocking("filter by action", [&]() -> ListPage* {
        page->search();
        return page;
    }));
    int expected = 0;
    for (int n = 0; n < GeneratedRows; ++n) {
        expected += n % GeneratorActions == AppUpdateAction ? 1 : 0;
    }
    QCOMPARE(page->total(), static_cast<qint64>(expected));
    for (int row = 0; row < page->model()->rowCount(); ++row) {
        QCOMPARE(page->model()->record(row).value(QLatin1String("action")).toString(), QStringLiteral("app.update"));
    }
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestLargeList)
#include "TestLargeList.moc"

// The code engine screens as a sub-platform administrator sees them (001 §4.4: a sub-platform
// manages its own data only). Rows are made on the main platform and on the sub-platform through
// the admin API of a real server; the sub-platform's console then opens each code engine page:
// it loads without error, lists only the sub-platform's rows (and the shared specs and
// categories), and offers none of the main platform's actions.
#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/JsonTableModel.h"
#include "screens/main/MainWindow.h"
#include "screens/permissions/AppPermissionsPage.h"
#include "support/ConsoleApi.h"
#include "widgets/ListPage.h"
#include "widgets/StatusLabel.h"

#include <QJsonArray>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace citycode::test {

using namespace citycode::client;

namespace {

const QString InitialPassword = QStringLiteral("Initial-Pass-2024");
const QString AdminPassword = QStringLiteral("Kappa-Sigma-2024");
const QString DistrictPassword = QStringLiteral("District-Pass-2024");
constexpr int Timeout = 10000;

// Two P-256 public keys (docs/screenshots/seed.json) for the terminals.
const QString MainTerminalKey = QStringLiteral("-----BEGIN PUBLIC KEY-----\n"
                                               "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBSW1h7zi9O2fHPvXGHdBWJ4GSJ4N\n"
                                               "sX19CunEUUuwRmOnl1E7DB3zwD0qwkBm2e004DQ1q24+v89WMKRCer9dOA==\n"
                                               "-----END PUBLIC KEY-----\n");
const QString DistrictTerminalKey = QStringLiteral("-----BEGIN PUBLIC KEY-----\n"
                                                   "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfES59ckryJQ/0I3PimKkN8rqV29y\n"
                                                   "lvqGY40B9VwoOY7/i72pDP2fVIToU6dQHZf5Z0S/ET3xSwCT4eh4EuGAYA==\n"
                                                   "-----END PUBLIC KEY-----\n");

} // namespace

class TestSubPlatformCodeEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pageShowsOnlyThePlatformsRows_data();
    void pageShowsOnlyThePlatformsRows();
    void designerOpensWithoutError();
    void appPermissionsListOnlyThePlatformsApps();
    void mainPlatformPagesAreNotOffered();

private:
    ListPage* openList(const QString& permission) { return openListPage(*m_window, permission, Timeout); }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    LanguageManager m_languages;
    ApiClient m_main;
    ApiClient m_district;
    Session m_session;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_districtId = 0;
};

void TestSubPlatformCodeEngine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_dir.filePath(QStringLiteral("settings"))));
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    QString error;
    m_server = startServer(InitialPassword, &error);
    QVERIFY2(m_server != nullptr, qPrintable(error));
    m_main.setBaseUrl(m_server->url());
    m_district.setBaseUrl(m_server->url());
    QVERIFY(!signIn(m_main, QStringLiteral("admin"), InitialPassword, AdminPassword).isEmpty());

    // The sub-platform and its administrator (001 §4.4.3), as TestConsoleFlow makes them through
    // the console.
    const ApiReply platform = callApi(m_main, QStringLiteral("POST"), QStringLiteral("/admin/v1/platforms"),
                                      QJsonObject{{QStringLiteral("name"), QStringLiteral("East district")},
                                                  {QStringLiteral("adminUsername"), QStringLiteral("east.admin")}},
                                      {}, ApiErrors::Warn);
    QVERIFY(!platform.error.isError());
    m_districtId = platform.json.value(QLatin1String("platform")).toObject().value(QLatin1String("id")).toInteger();
    const QJsonObject profile =
        signIn(m_district, QStringLiteral("east.admin"), platform.json.value(QLatin1String("adminPassword")).toString(),
               DistrictPassword);
    QVERIFY(!profile.isEmpty());
    m_session.update(profile);
    QVERIFY(m_session.isSignedIn());
    QVERIFY(!m_session.isMainPlatform());

    // Shared data of the main platform: a spec and a category.
    const qint64 specId =
        createdId(m_main, QStringLiteral("/admin/v1/code-specs"),
                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Shared spec")},
                              {QStringLiteral("fields"),
                               QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("userId")},
                                                      {QStringLiteral("type"), QStringLiteral("string")},
                                                      {QStringLiteral("length"), 32}}}}});
    QVERIFY(specId > 0);
    QVERIFY(createdId(m_main, QStringLiteral("/admin/v1/code-categories"),
                      QJsonObject{{QStringLiteral("code"), QStringLiteral("PARKS")},
                                  {QStringLiteral("name"), QStringLiteral("Parks")}}) > 0);
    // Rules are designed by the main platform: one for itself, one pushed into the district's pool.
    // (No platformId: the caller's own.)
    const auto rule = [&](const QString& name, qint64 platformId) {
        QJsonObject basic{{QStringLiteral("name"), name},
                          {QStringLiteral("form"), QStringLiteral("dynamic")},
                          {QStringLiteral("codeType"), QStringLiteral("personal")}};
        if (platformId > 0) {
            basic.insert(QStringLiteral("platformId"), platformId);
        }
        return createdId(m_main, QStringLiteral("/admin/v1/code-rules"),
                         QJsonObject{{QStringLiteral("basic"), basic},
                                     {QStringLiteral("spec"), QJsonObject{{QStringLiteral("specId"), specId}}}});
    };
    QVERIFY(rule(QStringLiteral("Main rule"), 0) > 0);
    const qint64 districtRule = rule(QStringLiteral("District rule"), m_districtId);
    QVERIFY(districtRule > 0);
    for (const char* step : {"publish", "push"}) {
        QVERIFY(!callApi(m_main, QStringLiteral("POST"),
                         QStringLiteral("/admin/v1/code-rules/%1/%2").arg(districtRule).arg(QLatin1String(step)),
                         QJsonValue::Undefined, {}, ApiErrors::Warn)
                     .error.isError());
    }
    // Rows of each platform, each made by that platform's own administrator.
    const auto rowsOf = [&](ApiClient& api, const QString& prefix, const QString& key) {
        QVERIFY(createdId(api, QStringLiteral("/admin/v1/terminals"),
                          QJsonObject{{QStringLiteral("terminalCode"), prefix + QStringLiteral("-GATE")},
                                      {QStringLiteral("name"), prefix + QStringLiteral(" gate")},
                                      {QStringLiteral("publicKeyPem"), key}}) > 0);
        QVERIFY(createdId(api, QStringLiteral("/admin/v1/numbering-rules"),
                          QJsonObject{{QStringLiteral("name"), prefix + QStringLiteral(" numbers")},
                                      {QStringLiteral("prefix"), prefix.left(2)},
                                      {QStringLiteral("dateFormat"), QStringLiteral("none")},
                                      {QStringLiteral("sequenceWidth"), 6}}) > 0);
        QVERIFY(createdId(api, QStringLiteral("/admin/v1/static-codes"),
                          QJsonObject{{QStringLiteral("category"), QStringLiteral("hydrant")},
                                      {QStringLiteral("subjectType"), QStringLiteral("object")},
                                      {QStringLiteral("subjectName"), prefix + QStringLiteral(" hydrant")}}) > 0);
        QVERIFY(createdId(api, QStringLiteral("/admin/v1/code-subjects"),
                          QJsonObject{{QStringLiteral("subjectType"), QStringLiteral("place")},
                                      {QStringLiteral("name"), prefix + QStringLiteral(" square")},
                                      {QStringLiteral("identifier"), prefix + QStringLiteral("-SQ")}}) > 0);
        QVERIFY(callApi(api, QStringLiteral("POST"), QStringLiteral("/admin/v1/apps"),
                        QJsonObject{{QStringLiteral("name"), prefix + QStringLiteral(" app")},
                                    {QStringLiteral("organisation"), prefix + QStringLiteral(" office")},
                                    {QStringLiteral("developerName"), prefix + QStringLiteral(" developer")}},
                        {}, ApiErrors::Warn)
                    .error.isError() == false);
    };
    rowsOf(m_main, QStringLiteral("MAIN"), MainTerminalKey);
    rowsOf(m_district, QStringLiteral("EAST"), DistrictTerminalKey);
    QVERIFY(!QTest::currentTestFailed());

    m_window = std::make_unique<MainWindow>(&m_district, &m_session, &m_languages);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSubPlatformCodeEngine::cleanupTestCase()
{
    m_window.reset();
    m_server.reset();
}

void TestSubPlatformCodeEngine::pageShowsOnlyThePlatformsRows_data()
{
    QTest::addColumn<QString>("permission");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mainRow");
    QTest::addColumn<QString>("districtRow");
    QTest::addColumn<bool>("perPlatform");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("hidden");
    const auto names = [](std::initializer_list<const char*> texts) {
        QStringList list;
        for (const char* text : texts) {
            list.append(QString::fromLatin1(text));
        }
        return list;
    };
    // Specs and categories are the main platform's shared data: seen, never changed.
    QTest::newRow("code specs") << "code:spec:list"
                                << "name" << QString() << "Shared spec" << false
                                << QStringList{QStringLiteral("detailButton")}
                                << names({"newButton", "editButton", "enableButton", "disableButton", "deleteButton"});
    QTest::newRow("code categories") << "code:category:list"
                                     << "name" << QString() << "Parks" << false
                                     << QStringList{QStringLiteral("detailButton")}
                                     << names({"newButton", "editButton", "deleteButton"});
    // Rules: only those pushed into the district's pool; designing them is the main platform's.
    QTest::newRow("code rules") << "code:rule:list"
                                << "name"
                                << "Main rule"
                                << "District rule" << true << names({"versionsButton", "appPermissionsButton"})
                                << names({"newButton", "editButton", "publishButton", "enableButton", "disableButton",
                                          "pushButton", "removeFromPoolButton", "deleteButton"});
    QTest::newRow("terminals") << "code:terminal:list"
                               << "terminalCode"
                               << "MAIN-GATE"
                               << "EAST-GATE" << true << names({"newButton", "editButton", "deleteButton"})
                               << QStringList();
    QTest::newRow("numbering rules") << "code:numbering:list"
                                     << "name"
                                     << "MAIN numbers"
                                     << "EAST numbers" << true << names({"newButton", "editButton", "deleteButton"})
                                     << QStringList();
    QTest::newRow("static codes") << "code:static:list"
                                  << "subjectName" << QString() << QString() << true
                                  << names({"newButton", "detailButton"}) << QStringList();
    QTest::newRow("code subjects") << "code:subject:list"
                                   << "identifier"
                                   << "MAIN-SQ"
                                   << "EAST-SQ" << true << names({"newButton", "editButton", "deleteButton"})
                                   << QStringList();
    QTest::newRow("keys") << "code:key:list"
                          << "keyId" << QString() << QString() << true << QStringList() << QStringList();
}

void TestSubPlatformCodeEngine::pageShowsOnlyThePlatformsRows()
{
    QFETCH(QString, permission);
    QFETCH(QString, field);
    QFETCH(QString, mainRow);
    QFETCH(QString, districtRow);
    QFETCH(bool, perPlatform);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, hidden);

    ListPage* page = openList(permission);
    QVERIFY(page);
    QVERIFY2(page->statusLabel()->tone() != StatusLabel::Tone::Error, qPrintable(page->statusLabel()->text()));
    QStringList rows;
    for (const QJsonObject& record : page->model()->records()) {
        rows.append(record.value(field).toString());
        if (perPlatform && record.contains(QLatin1String("platformId"))) {
            QCOMPARE(record.value(QLatin1String("platformId")).toInteger(), m_districtId);
        }
    }
    if (!districtRow.isEmpty()) {
        QVERIFY2(rows.contains(districtRow), qPrintable(rows.join(QLatin1Char(','))));
    }
    if (!mainRow.isEmpty()) {
        QVERIFY2(!rows.contains(mainRow), qPrintable(rows.join(QLatin1Char(','))));
    }
    if (permission == QLatin1String("code:static:list")) {
        // Subject names are masked in the list: the district's code is there, the main one not.
        QCOMPARE(page->total(), qint64(1));
    }
    for (const QString& name : shown) {
        auto* button = page->findChild<QPushButton*>(name);
        QVERIFY2(button != nullptr && button->isVisibleTo(page), qPrintable(name));
    }
    for (const QString& name : hidden) {
        auto* button = page->findChild<QPushButton*>(name);
        QVERIFY2(button == nullptr || !button->isVisibleTo(page), qPrintable(name + QStringLiteral(" is offered")));
    }
}

void TestSubPlatformCodeEngine::designerOpensWithoutError()
{
    QVERIFY(m_window->showPage(QStringLiteral("code:style:list")));
    Page* page = m_window->page(QStringLiteral("code:style:list"));
    QVERIFY(page);
    QTest::qWait(500);
    for (const StatusLabel* status : page->findChildren<StatusLabel*>()) {
        QVERIFY2(status->tone() != StatusLabel::Tone::Error, qPrintable(status->text()));
    }
}

void TestSubPlatformCodeEngine::appPermissionsListOnlyThePlatformsApps()
{
    ListPage* rules = openList(QStringLiteral("code:rule:list"));
    QVERIFY(rules);
    QTest::mouseClick(rules->findChild<QPushButton*>(QStringLiteral("appPermissionsButton")), Qt::LeftButton);
    AppPermissionsPage* page = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((page = rules->findChild<AppPermissionsPage*>()) != nullptr, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(page->total() > 0 && !page->isLoading(), Timeout);
    QVERIFY2(page->statusLabel()->tone() != StatusLabel::Tone::Error, qPrintable(page->statusLabel()->text()));
    QStringList apps;
    for (const QJsonObject& record : page->model()->records()) {
        apps.append(record.value(QLatin1String("name")).toString());
    }
    QCOMPARE(apps, QStringList{QStringLiteral("EAST app")});
    page->window()->close();
}

void TestSubPlatformCodeEngine::mainPlatformPagesAreNotOffered()
{
    // System settings (global key material, 002 §5.2.5) belong to the main platform.
    QVERIFY(!m_window->showPage(QStringLiteral("system:setting:list")));
    QVERIFY(!m_session.can(QStringLiteral("code:category:add")));
    QVERIFY(!m_session.can(QStringLiteral("code:spec:add")));
    // Rules are designed by the main platform (001 §4.2.3; migration 8 made the menus say so).
    for (const char* design : {"code:rule:add", "code:rule:edit", "code:rule:publish", "code:rule:delete"}) {
        QVERIFY2(!m_session.can(QString::fromLatin1(design)), design);
    }
    QVERIFY(m_session.can(QStringLiteral("code:rule:list")));
    QVERIFY(m_session.can(QStringLiteral("code:subject:add")));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestSubPlatformCodeEngine)
#include "TestSubPlatformCodeEngine.moc"

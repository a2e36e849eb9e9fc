// Issue 5, the console's local state against the real citycode-server: reference lists
// (regions, industries, dictionaries) answered from the LocalStore, refreshed in the background,
// kept apart per server and account; recent searches of every list page.
#include "api/ApiClient.h"
#include "app/LocalStore.h"
#include "app/ReferenceCache.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/JsonTableModel.h"
#include "screens/apps/AppsPage.h"
#include "screens/developers/DevelopersPage.h"
#include "screens/referencedata/ReferenceDataPage.h"
#include "support/ConsoleApi.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QCompleter>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace citycode::test {

using namespace citycode::client;

namespace {

const QString InitialPassword = QStringLiteral("Initial-Pass-2024");
const QString AdminPassword = QStringLiteral("Local-State-2024!");
const QString DistrictPassword = QStringLiteral("District-State-2024!");
constexpr int Timeout = 10000;

QStringList namesOf(const QVector<QJsonObject>& records)
{
    QStringList names;
    for (const QJsonObject& record : records) {
        names.append(record.value(QLatin1String("name")).toString());
    }
    return names;
}

QStringList itemsOf(const QComboBox* combo)
{
    QStringList items;
    for (int i = 0; i < combo->count(); ++i) {
        items.append(combo->itemText(i));
    }
    return items;
}

QStringList completionsOf(const QLineEdit* edit)
{
    if (edit->completer() == nullptr) {
        return {};
    }
    QStringList texts;
    const QAbstractItemModel* model = edit->completer()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        texts.append(model->index(row, 0).data().toString());
    }
    return texts;
}

// Types `text` into the line edit of `field` in a FormDialog.
void fill(QWidget* dialog, const QString& field, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(field + QStringLiteral("LineEdit"));
    QVERIFY2(edit != nullptr, qPrintable(field));
    edit->setText(text);
}

// One console on this computer: its connection, the signed-in account and its local state.
struct Console
{
    ApiClient api;
    Session session;
    LocalStore store;
    std::unique_ptr<ReferenceCache> cache;

    bool start(const QUrl& server, const QString& storePath, const QJsonObject& profile, const QString& token)
    {
        api.setBaseUrl(server);
        api.setSessionToken(token);
        session.update(profile);
        QString error;
        if (!store.open(storePath, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        cache = std::make_unique<ReferenceCache>(&api, &session, &store);
        return true;
    }
    PageContext context() { return PageContext{&api, &session, &store, cache.get()}; }
};

} // namespace

class TestLocalState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serversAndAccountsKeepTheirOwnLists();
    void referenceDataChangesReachThePickers();
    void recentSearchesArePerPageAndSurviveARestart();
    void listsAreFetchedAgainWhenStale();
    void regionDialogPicksTheParent();
    void regionPickerWorksFromTheCacheWithoutTheServer();

private:
    QString storePath(const QString& name) const { return m_settingsDir.filePath(name + QStringLiteral(".sqlite")); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<ServerProcess> m_server;
    QJsonObject m_profile;
    QString m_token;
};

void TestLocalState::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
    if (serverProgram().isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    QString error;
    m_server = startServer(InitialPassword, &error);
    QVERIFY2(m_server != nullptr, qPrintable(error));
    ApiClient api;
    api.setBaseUrl(m_server->url());
    m_profile = signIn(api, QStringLiteral("admin"), InitialPassword, AdminPassword);
    QVERIFY(!m_profile.isEmpty());
    m_token = api.sessionToken();
    QVERIFY(!callApi(api, QStringLiteral("POST"), QStringLiteral("/admin/v1/regions"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("330000")},
                                 {QStringLiteral("name"), QStringLiteral("浙江省")}})
                 .error.isError());
}

// Two servers with different regions share one LocalStore file; so do two operators of one server.
void TestLocalState::serversAndAccountsKeepTheirOwnLists()
{
    QString error;
    const std::unique_ptr<ServerProcess> other = startServer(InitialPassword, &error);
    QVERIFY2(other != nullptr, qPrintable(error));
    ApiClient otherApi;
    otherApi.setBaseUrl(other->url());
    const QJsonObject otherProfile = signIn(otherApi, QStringLiteral("admin"), InitialPassword, AdminPassword);
    QVERIFY(!otherProfile.isEmpty());
    QVERIFY(!callApi(otherApi, QStringLiteral("POST"), QStringLiteral("/admin/v1/regions"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("110000")},
                                 {QStringLiteral("name"), QStringLiteral("北京市")}})
                 .error.isError());

    const QString path = storePath(QStringLiteral("shared"));
    Console first;
    Console second;
    QVERIFY(first.start(m_server->url(), path, m_profile, m_token));
    QVERIFY(second.start(other->url(), path, otherProfile, otherApi.sessionToken()));
    // Both administrators are operator 1 of platform 1 of their server: only the address differs.
    QCOMPARE(first.session.operatorId(), second.session.operatorId());

    for (Console* console : {&first, &second}) {
        QSignalSpy updated(console->cache.get(), &ReferenceCache::updated);
        QVERIFY(console->cache->records(ReferenceCache::Kind::Regions).isEmpty());
        QVERIFY(console->cache->isRefreshing(ReferenceCache::Kind::Regions));
        QVERIFY(updated.wait(Timeout));
    }
    QCOMPARE(namesOf(first.cache->records(ReferenceCache::Kind::Regions)), QStringList{QStringLiteral("浙江省")});
    QCOMPARE(namesOf(second.cache->records(ReferenceCache::Kind::Regions)), QStringList{QStringLiteral("北京市")});
    // Consoles started again answer from the shared file at once, each with its own server's list.
    {
        Console again;
        QVERIFY(again.start(m_server->url(), path, m_profile, m_token));
        QCOMPARE(namesOf(again.cache->records(ReferenceCache::Kind::Regions)), QStringList{QStringLiteral("浙江省")});
        Console otherAgain;
        QVERIFY(otherAgain.start(other->url(), path, otherProfile, otherApi.sessionToken()));
        QCOMPARE(namesOf(otherAgain.cache->records(ReferenceCache::Kind::Regions)),
                 QStringList{QStringLiteral("北京市")});
    }

    // The same server, another account (a sub-platform's administrator): the main
    // administrator's list on disk is not shown to it.
    ApiClient adminApi;
    adminApi.setBaseUrl(m_server->url());
    adminApi.setSessionToken(m_token);
    const ApiReply platform = callApi(adminApi, QStringLiteral("POST"), QStringLiteral("/admin/v1/platforms"),
                                      QJsonObject{{QStringLiteral("name"), QStringLiteral("西湖区平台")},
                                                  {QStringLiteral("adminUsername"), QStringLiteral("xihu_admin")}});
    QVERIFY2(!platform.error.isError(), qPrintable(platform.error.toString()));
    ApiClient districtApi;
    districtApi.setBaseUrl(m_server->url());
    const QJsonObject districtProfile =
        signIn(districtApi, QStringLiteral("xihu_admin"),
               platform.json.value(QLatin1String("adminPassword")).toString(), DistrictPassword);
    QVERIFY(!districtProfile.isEmpty());
    Console district;
    QVERIFY(district.start(m_server->url(), path, districtProfile, districtApi.sessionToken()));
    QVERIFY(district.session.operatorId() != first.session.operatorId());
    QVERIFY(district.cache->records(ReferenceCache::Kind::Regions).isEmpty());
    QVERIFY(district.store.cached(first.cache->storeKey(ReferenceCache::Kind::Regions)).has_value());

    // Signing out forgets that account's lists only.
    first.cache->forgetAccount();
    QVERIFY(!first.store.cached(first.cache->storeKey(ReferenceCache::Kind::Regions)).has_value());
    QVERIFY(first.store.cached(second.cache->storeKey(ReferenceCache::Kind::Regions)).has_value());
}

// Adding and disabling an industry on the Industries page reaches the app dialog's picker and
// the Apps page's filter; a dictionary added on the Dictionaries page reaches the cache.
void TestLocalState::referenceDataChangesReachThePickers()
{
    Console console;
    QVERIFY(console.start(m_server->url(), storePath(QStringLiteral("pickers")), m_profile, m_token));
    const QString industry = QStringLiteral("智慧交通");

    AppsPage apps(console.context());
    QSignalSpy appsLoaded(&apps, &ListPage::loaded);
    apps.activate();
    QVERIFY(appsLoaded.wait(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(!console.cache->isRefreshing(ReferenceCache::Kind::Industries), Timeout);
    auto* industryFilter = apps.filterBar()->findChild<QComboBox*>(QStringLiteral("industryIdComboBox"));
    QVERIFY(industryFilter != nullptr);
    QVERIFY(!itemsOf(industryFilter).contains(industry));
    apps.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    auto* appDialog = apps.findChild<FormDialog*>(QStringLiteral("appDialog"));
    QVERIFY(appDialog != nullptr);
    auto* appIndustry = appDialog->findChild<QComboBox*>(QStringLiteral("industryIdComboBox"));
    QVERIFY(!itemsOf(appIndustry).contains(industry));

    ReferenceDataPage industries(console.context(), ReferenceDataPage::Kind::Industries);
    QSignalSpy loaded(&industries, &ListPage::loaded);
    industries.activate();
    QVERIFY(loaded.wait(Timeout));
    industries.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    auto* dialog = industries.findChild<FormDialog*>();
    QVERIFY(dialog != nullptr);
    fill(dialog, QStringLiteral("code"), QStringLiteral("traffic"));
    fill(dialog, QStringLiteral("name"), industry);
    QSignalSpy updated(console.cache.get(), &ReferenceCache::updated);
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QVERIFY(updated.wait(Timeout));
    QCOMPARE(updated.first().first().value<ReferenceCache::Kind>(), ReferenceCache::Kind::Industries);
    // The open dialog and the filter follow; a new dialog has it at once.
    QVERIFY(itemsOf(appIndustry).contains(industry));
    QVERIFY(itemsOf(industryFilter).contains(industry));
    appDialog->reject();

    // Disabled on the Industries page: no longer offered.
    QTRY_VERIFY_WITH_TIMEOUT(industries.model()->rowCount() > 0 && !industries.isLoading(), Timeout);
    int row = -1;
    for (int i = 0; i < industries.model()->rowCount(); ++i) {
        if (industries.model()->record(i).value(QLatin1String("name")).toString() == industry) {
            row = i;
        }
    }
    QVERIFY(row >= 0);
    industries.tableView()->selectRow(row);
    updated.clear();
    industries.findChild<QPushButton*>(QStringLiteral("disableButton"))->click();
    QVERIFY(updated.wait(Timeout));
    QVERIFY(!itemsOf(industryFilter).contains(industry));
    apps.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    appDialog = apps.findChild<FormDialog*>(QStringLiteral("appDialog"));
    QVERIFY(!itemsOf(appDialog->findChild<QComboBox*>(QStringLiteral("industryIdComboBox"))).contains(industry));
    appDialog->reject();

    ReferenceDataPage dictionaries(console.context(), ReferenceDataPage::Kind::Dictionaries);
    QSignalSpy dictionariesLoaded(&dictionaries, &ListPage::loaded);
    dictionaries.activate();
    QVERIFY(dictionariesLoaded.wait(Timeout));
    QVERIFY(!namesOf(console.cache->records(ReferenceCache::Kind::Dictionaries)).contains(QStringLiteral("证件类型")));
    dictionaries.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    dialog = dictionaries.findChild<FormDialog*>();
    fill(dialog, QStringLiteral("code"), QStringLiteral("cert_type"));
    fill(dialog, QStringLiteral("name"), QStringLiteral("证件类型"));
    updated.clear();
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        namesOf(console.cache->records(ReferenceCache::Kind::Dictionaries)).contains(QStringLiteral("证件类型")),
        Timeout);
}

// Searches typed into a list page's text filters come back in their completer, newest first,
// after the page and the LocalStore were opened again, and on no other page.
void TestLocalState::recentSearchesArePerPageAndSurviveARestart()
{
    const QString path = storePath(QStringLiteral("searches"));
    {
        Console console;
        QVERIFY(console.start(m_server->url(), path, m_profile, m_token));
        AppsPage apps(console.context());
        QSignalSpy loaded(&apps, &ListPage::loaded);
        apps.activate();
        QVERIFY(loaded.wait(Timeout));
        auto* name = apps.filterBar()->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
        QVERIFY(name != nullptr);
        QVERIFY(completionsOf(name).isEmpty());
        name->setText(QStringLiteral("alpha"));
        apps.findChild<QPushButton*>(QStringLiteral("searchButton"))->click();
        QVERIFY(loaded.wait(Timeout));
        name->setText(QStringLiteral("beta"));
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(loaded.wait(Timeout));
        QCOMPARE(completionsOf(name), (QStringList{QStringLiteral("beta"), QStringLiteral("alpha")}));
    }

    // The console starts again with the same file.
    Console console;
    QVERIFY(console.start(m_server->url(), path, m_profile, m_token));
    AppsPage apps(console.context());
    QSignalSpy loaded(&apps, &ListPage::loaded);
    apps.activate();
    QVERIFY(loaded.wait(Timeout));
    auto* name = apps.filterBar()->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
    QCOMPARE(completionsOf(name), (QStringList{QStringLiteral("beta"), QStringLiteral("alpha")}));
    // Typing offers the matching one.
    apps.show();
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("al"));
    QCOMPARE(name->completer()->completionCount(), 1);
    QCOMPARE(name->completer()->currentCompletion(), QStringLiteral("alpha"));

    // Another page with a name filter of its own does not offer them.
    DevelopersPage developers(console.context());
    QSignalSpy developersLoaded(&developers, &ListPage::loaded);
    developers.activate();
    QVERIFY(developersLoaded.wait(Timeout));
    auto* developerName = developers.filterBar()->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
    QVERIFY(developerName != nullptr);
    QVERIFY(completionsOf(developerName).isEmpty());
    developerName->setText(QStringLiteral("gamma"));
    developers.findChild<QPushButton*>(QStringLiteral("searchButton"))->click();
    QVERIFY(developersLoaded.wait(Timeout));
    QCOMPARE(completionsOf(developerName), QStringList{QStringLiteral("gamma")});
    // Only the filter searched: the number filter of the same page has none.
    QVERIFY(completionsOf(developers.filterBar()->findChild<QLineEdit*>(QStringLiteral("numberLineEdit"))).isEmpty());
    QCOMPARE(completionsOf(name), (QStringList{QStringLiteral("beta"), QStringLiteral("alpha")}));
}

// A list is fetched once per console run, then again only when older than staleAfter.
void TestLocalState::listsAreFetchedAgainWhenStale()
{
    Console console;
    QVERIFY(console.start(m_server->url(), storePath(QStringLiteral("stale")), m_profile, m_token));
    console.cache->setStaleAfter(3600);
    QSignalSpy updated(console.cache.get(), &ReferenceCache::updated);
    console.cache->records(ReferenceCache::Kind::Industries);
    QVERIFY(updated.wait(Timeout));
    const QDateTime fetched = console.cache->fetchedAt(ReferenceCache::Kind::Industries);
    QVERIFY(fetched.isValid());
    console.cache->records(ReferenceCache::Kind::Industries);
    QVERIFY(!console.cache->isRefreshing(ReferenceCache::Kind::Industries));

    console.cache->setStaleAfter(0);
    console.cache->records(ReferenceCache::Kind::Industries);
    QVERIFY(console.cache->isRefreshing(ReferenceCache::Kind::Industries));
    QVERIFY(updated.wait(Timeout));
    QVERIFY(console.cache->fetchedAt(ReferenceCache::Kind::Industries) >= fetched);
}

// The region dialog's parent picker sets parentId on creation and clears it on edit.
void TestLocalState::regionDialogPicksTheParent()
{
    Console console;
    QVERIFY(console.start(m_server->url(), storePath(QStringLiteral("parents")), m_profile, m_token));
    ReferenceDataPage regions(console.context(), ReferenceDataPage::Kind::Regions);
    QSignalSpy loaded(&regions, &ListPage::loaded);
    regions.activate();
    QVERIFY(loaded.wait(Timeout));
    regions.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    auto* dialog = regions.findChild<FormDialog*>();
    auto* parent = dialog->findChild<QComboBox*>(QStringLiteral("parentIdComboBox"));
    QTRY_VERIFY_WITH_TIMEOUT(parent->findText(QStringLiteral("浙江省")) > 0, Timeout);
    parent->setCurrentIndex(parent->findText(QStringLiteral("浙江省")));
    const qint64 province = parent->currentData().toLongLong();
    fill(dialog, QStringLiteral("code"), QStringLiteral("330100"));
    fill(dialog, QStringLiteral("name"), QStringLiteral("杭州市"));
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QVERIFY(loaded.wait(Timeout));
    const auto cityOf = [&console]() {
        const ApiReply found = callApi(console.api, QStringLiteral("GET"), QStringLiteral("/admin/v1/regions"),
                                       QJsonValue(), QUrlQuery(QStringLiteral("code=330100")));
        return found.json.value(QLatin1String("items")).toArray().first().toObject();
    };
    QCOMPARE(cityOf().value(QLatin1String("parentId")).toInteger(), province);

    int row = -1;
    for (int i = 0; i < regions.model()->rowCount(); ++i) {
        if (regions.model()->record(i).value(QLatin1String("code")).toString() == QLatin1String("330100")) {
            row = i;
        }
    }
    QVERIFY(row >= 0);
    regions.tableView()->selectRow(row);
    regions.findChild<QPushButton*>(QStringLiteral("editButton"))->click();
    dialog = regions.findChild<FormDialog*>();
    parent = dialog->findChild<QComboBox*>(QStringLiteral("parentIdComboBox"));
    QCOMPARE(parent->currentText(), QStringLiteral("浙江省"));
    parent->setCurrentIndex(0);
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QVERIFY(loaded.wait(Timeout));
    QVERIFY(cityOf().value(QLatin1String("parentId")).isNull());
}

// The region dialog's parent picker is filled from the LocalStore when the server is gone and
// the console was started again.
void TestLocalState::regionPickerWorksFromTheCacheWithoutTheServer()
{
    const QString path = storePath(QStringLiteral("offline"));
    {
        Console console;
        QVERIFY(console.start(m_server->url(), path, m_profile, m_token));
        ReferenceDataPage regions(console.context(), ReferenceDataPage::Kind::Regions);
        regions.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
        auto* parent = regions.findChild<FormDialog*>()->findChild<QComboBox*>(QStringLiteral("parentIdComboBox"));
        QVERIFY(parent != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(itemsOf(parent).contains(QStringLiteral("浙江省")), Timeout);
    }
    const QUrl address = m_server->url();
    m_server->stop();

    Console console;
    QVERIFY(console.start(address, path, m_profile, m_token));
    QSignalSpy failed(console.cache.get(), &ReferenceCache::refreshFailed);
    ReferenceDataPage regions(console.context(), ReferenceDataPage::Kind::Regions);
    regions.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    auto* dialog = regions.findChild<FormDialog*>();
    auto* parent = dialog->findChild<QComboBox*>(QStringLiteral("parentIdComboBox"));
    // At once, before any answer: from the file.
    QVERIFY(itemsOf(parent).contains(QStringLiteral("浙江省")));
    QVERIFY(console.cache->fetchedAt(ReferenceCache::Kind::Regions).isValid());
    // The background refresh fails; the picker keeps the cached list.
    QVERIFY(failed.wait(Timeout));
    QVERIFY(itemsOf(parent).contains(QStringLiteral("浙江省")));
    dialog->reject();
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestLocalState)
#include "TestLocalState.moc"

// Issue 5 loose ends, against the real citycode-server: the Menus screen shows the permission
// tree and creates, edits and deletes a menu through its dialogs; the Dictionaries screen opens
// the entries of one dictionary and adds an entry to it.
#include "api/ApiClient.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/JsonTableModel.h"
#include "screens/menus/MenusPage.h"
#include "screens/referencedata/DictionaryEntriesPage.h"
#include "screens/referencedata/ReferenceDataPage.h"
#include "support/ConsoleApi.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

namespace citycode::test {

using namespace citycode::client;

namespace {

const QString InitialPassword = QStringLiteral("Initial-Pass-2024");
const QString AdminPassword = QStringLiteral("Menus-Pass-2024!");
constexpr int Timeout = 10000;

QTreeWidgetItem* findItem(QTreeWidget* tree, const QString& permission)
{
    for (QTreeWidgetItemIterator it(tree); *it != nullptr; ++it) {
        if ((*it)->text(1) == permission) {
            return *it;
        }
    }
    return nullptr;
}

void fill(QWidget* dialog, const QString& field, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(field + QStringLiteral("LineEdit"));
    QVERIFY2(edit != nullptr, qPrintable(field));
    edit->setText(text);
}

} // namespace

class TestMenusAndDictionaries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void menusAreCreatedEditedAndDeleted();
    void dictionaryEntriesAreListedAndAdded();
    void listPagesAnswerTheKeyboard();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ServerProcess> m_server;
    ApiClient m_api;
    Session m_session;
};

void TestMenusAndDictionaries::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    QString error;
    m_server = startServer(InitialPassword, &error);
    QVERIFY2(m_server != nullptr, qPrintable(error));
    m_api.setBaseUrl(m_server->url());
    const QJsonObject me = signIn(m_api, QStringLiteral("admin"), InitialPassword, AdminPassword, &error);
    QVERIFY2(!me.isEmpty(), qPrintable(error));
    m_session.update(me);
}

void TestMenusAndDictionaries::menusAreCreatedEditedAndDeleted()
{
    MenusPage page(PageContext{&m_api, &m_session});
    page.resize(1000, 700);
    page.show();
    QSignalSpy loaded(&page, &MenusPage::loaded);
    page.activate();
    QVERIFY(loaded.wait(Timeout));
    QVERIFY(loaded.takeFirst().first().toBool());
    QTreeWidget* tree = page.treeWidget();
    QTreeWidgetItem* system = findItem(tree, QStringLiteral("system"));
    QVERIFY(system != nullptr);
    QTreeWidgetItem* menus = findItem(tree, QStringLiteral("system:menu:list"));
    QVERIFY(menus != nullptr);
    QCOMPARE(menus->parent(), system);
    QVERIFY(findItem(tree, QStringLiteral("system:menu:delete")) != nullptr);

    // A child of "system", through the dialog.
    tree->setCurrentItem(system);
    page.findChild<QPushButton*>(QStringLiteral("newChildButton"))->click();
    auto* dialog = page.findChild<FormDialog*>(QStringLiteral("menuDialog"));
    QVERIFY(dialog != nullptr);
    fill(dialog, QStringLiteral("name"), QStringLiteral("Reports"));
    fill(dialog, QStringLiteral("permission"), QStringLiteral("system:report:list"));
    fill(dialog, QStringLiteral("position"), QStringLiteral("90"));
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QVERIFY(loaded.wait(Timeout));
    QTreeWidgetItem* created = findItem(tree, QStringLiteral("system:report:list"));
    QVERIFY(created != nullptr);
    QCOMPARE(created->text(0), QStringLiteral("Reports"));
    QCOMPARE(created->parent()->text(1), QStringLiteral("system"));

    // Renamed.
    tree->setCurrentItem(created);
    page.findChild<QPushButton*>(QStringLiteral("editButton"))->click();
    dialog = page.findChild<FormDialog*>(QStringLiteral("menuDialog"));
    QVERIFY(dialog != nullptr);
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"))->text(), QStringLiteral("Reports"));
    fill(dialog, QStringLiteral("name"), QStringLiteral("Monthly reports"));
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QVERIFY(loaded.wait(Timeout));
    created = findItem(tree, QStringLiteral("system:report:list"));
    QVERIFY(created != nullptr);
    QCOMPARE(created->text(0), QStringLiteral("Monthly reports"));

    // Deleted after the confirmation.
    tree->setCurrentItem(created);
    QTimer::singleShot(300, []() {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box != nullptr) {
            box->button(QMessageBox::Yes)->click();
        }
    });
    page.findChild<QPushButton*>(QStringLiteral("deleteButton"))->click();
    QVERIFY(loaded.wait(Timeout));
    QVERIFY(findItem(tree, QStringLiteral("system:report:list")) == nullptr);
    QVERIFY(findItem(tree, QStringLiteral("system:menu:list")) != nullptr);
}

void TestMenusAndDictionaries::dictionaryEntriesAreListedAndAdded()
{
    const ApiReply group = callApi(m_api, QStringLiteral("POST"), QStringLiteral("/admin/v1/dictionaries"),
                                   QJsonObject{{QStringLiteral("code"), QStringLiteral("id_type")},
                                               {QStringLiteral("name"), QStringLiteral("证件类型")}});
    QVERIFY2(!group.error.isError(), qPrintable(group.error.toString()));
    const ApiReply other = callApi(
        m_api, QStringLiteral("POST"), QStringLiteral("/admin/v1/dictionaries"),
        QJsonObject{{QStringLiteral("code"), QStringLiteral("sex")}, {QStringLiteral("name"), QStringLiteral("性别")}});
    QVERIFY(!other.error.isError());
    QVERIFY(!callApi(m_api, QStringLiteral("POST"), QStringLiteral("/admin/v1/dictionary-entries"),
                     QJsonObject{{QStringLiteral("groupId"), other.json.value(QLatin1String("id"))},
                                 {QStringLiteral("code"), QStringLiteral("1")},
                                 {QStringLiteral("label"), QStringLiteral("男")}})
                 .error.isError());

    ReferenceDataPage dictionaries(PageContext{&m_api, &m_session}, ReferenceDataPage::Kind::Dictionaries);
    dictionaries.show();
    QSignalSpy listed(&dictionaries, &ListPage::loaded);
    dictionaries.activate();
    QVERIFY(listed.wait(Timeout));
    int row = -1;
    for (int r = 0; r < dictionaries.model()->rowCount(); ++r) {
        if (dictionaries.model()->record(r).value(QLatin1String("code")).toString() == QLatin1String("id_type")) {
            row = r;
        }
    }
    QVERIFY(row >= 0);
    dictionaries.tableView()->selectRow(row);
    auto* entriesButton = dictionaries.findChild<QPushButton*>(QStringLiteral("entriesButton"));
    QVERIFY(entriesButton != nullptr && entriesButton->isEnabled());
    entriesButton->click();
    auto* entries = dictionaries.findChild<DictionaryEntriesPage*>();
    QVERIFY(entries != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!entries->isLoading(), Timeout);
    // Only this dictionary's entries: none yet (the other one has one).
    QCOMPARE(entries->total(), qint64(0));

    QSignalSpy loaded(entries, &ListPage::loaded);
    entries->findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    auto* dialog = entries->findChild<FormDialog*>();
    QVERIFY(dialog != nullptr);
    fill(dialog, QStringLiteral("code"), QStringLiteral("01"));
    fill(dialog, QStringLiteral("label"), QStringLiteral("居民身份证"));
    fill(dialog, QStringLiteral("position"), QStringLiteral("1"));
    dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    QVERIFY(loaded.wait(Timeout));
    QCOMPARE(entries->total(), qint64(1));
    QCOMPARE(entries->model()->record(0).value(QLatin1String("label")).toString(), QStringLiteral("居民身份证"));
    QCOMPARE(entries->model()->record(0).value(QLatin1String("groupId")).toInteger(),
             group.json.value(QLatin1String("id")).toInteger());
}

// Issue 5: shortcuts for search (Ctrl+F), refresh (F5) and new (Ctrl+N) on every list page.
void TestMenusAndDictionaries::listPagesAnswerTheKeyboard()
{
    ReferenceDataPage regions(PageContext{&m_api, &m_session}, ReferenceDataPage::Kind::Regions);
    regions.show();
    regions.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&regions));
    QSignalSpy loaded(&regions, &ListPage::loaded);
    regions.activate();
    QVERIFY(loaded.wait(Timeout));
    const qint64 before = regions.total();
    regions.tableView()->setFocus();

    QTest::keySequence(regions.tableView(), QKeySequence::Find);
    QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()) != nullptr);
    QVERIFY(regions.filterBar()->isAncestorOf(QApplication::focusWidget()));

    QVERIFY(!callApi(m_api, QStringLiteral("POST"), QStringLiteral("/admin/v1/regions"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("330100")},
                                 {QStringLiteral("name"), QStringLiteral("杭州市")}})
                 .error.isError());
    QTest::keyClick(regions.tableView(), Qt::Key_F5);
    QVERIFY(loaded.wait(Timeout));
    QCOMPARE(regions.total(), before + 1);

    QVERIFY(regions.findChild<FormDialog*>() == nullptr);
    QTest::keySequence(regions.tableView(), QKeySequence::New);
    auto* dialog = regions.findChild<FormDialog*>();
    QVERIFY(dialog != nullptr);
    dialog->reject();
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestMenusAndDictionaries)
#include "TestMenusAndDictionaries.moc"

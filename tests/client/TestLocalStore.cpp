#include "app/LocalStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace citycode::test {

using citycode::client::LocalStore;

// The console's local SQLite state: what it keeps survives closing and reopening the file, and a
// file from a newer console is refused rather than damaged.
class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createsTheSchema();
    void trustListSurvivesReopening();
    void anchorAloneIsKept();
    void cacheKeepsJsonAndTimestamp_data();
    void cacheKeepsJsonAndTimestamp();
    void recentSearchesAreNewestFirstAndBounded();
    void fileOfNewerConsoleIsRefused();
    void unwritableLocationFails();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("local.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLocalStore::createsTheSchema()
{
    LocalStore store;
    QString error;
    QVERIFY2(store.open(path(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), LocalStore::SchemaVersion);
    QVERIFY(!store.trustList().has_value());
    QVERIFY(!store.cached(QStringLiteral("regions")).has_value());
    QVERIFY(store.recentSearches(QStringLiteral("users")).isEmpty());
}

void TestLocalStore::trustListSurvivesReopening()
{
    const QByteArray document = R"({"format":"citycode-trust-list/1","list":"{}"})";
    const QByteArray anchor = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
    const QDateTime savedAt = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    {
        LocalStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.saveTrustList({document, anchor, QStringLiteral("https://codes.example/api"), savedAt}));
        // A second save replaces the first: there is one trust list.
        QVERIFY(store.saveTrustList({document + " ", anchor, QStringLiteral("file"), savedAt}));
    }
    LocalStore reopened;
    QVERIFY(reopened.open(path()));
    const auto stored = reopened.trustList();
    QVERIFY(stored.has_value());
    QCOMPARE(stored->document, document + " ");
    QCOMPARE(stored->anchorPem, anchor);
    QCOMPARE(stored->source, QStringLiteral("file"));
    QCOMPARE(stored->savedAt, savedAt);
}

void TestLocalStore::anchorAloneIsKept()
{
    const QByteArray anchor = "anchor-pem";
    {
        LocalStore store;
        QVERIFY(store.open(path()));
        QString error;
        QVERIFY2(store.saveAnchor(anchor, &error), qPrintable(error));
    }
    LocalStore reopened;
    QVERIFY(reopened.open(path()));
    QVERIFY(reopened.trustList().has_value());
    QCOMPARE(reopened.trustList()->anchorPem, anchor);
    QVERIFY(reopened.trustList()->document.isEmpty());
}

void TestLocalStore::cacheKeepsJsonAndTimestamp_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("an object of regions")
        << QJsonValue(QJsonObject{{QStringLiteral("350100"), QStringLiteral("福州市")}});
    QTest::newRow("an array of dictionary items")
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("code"), 1}}, QJsonObject{{QStringLiteral("code"), 2}}});
    QTest::newRow("a string") << QJsonValue(QStringLiteral("text"));
    QTest::newRow("a number") << QJsonValue(42.5);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
}

void TestLocalStore::cacheKeepsJsonAndTimestamp()
{
    QFETCH(QJsonValue, value);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    {
        LocalStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.putCache(QStringLiteral("dictionaries/gender"), QJsonValue(QStringLiteral("old"))));
        QVERIFY(store.putCache(QStringLiteral("dictionaries/gender"), value));
        QVERIFY(store.putCache(QStringLiteral("other"), QJsonValue(1)));
        QVERIFY(store.removeCache(QStringLiteral("other")));
    }
    LocalStore reopened;
    QVERIFY(reopened.open(path()));
    const auto cached = reopened.cached(QStringLiteral("dictionaries/gender"));
    QVERIFY(cached.has_value());
    QCOMPARE(cached->value, value);
    QVERIFY(cached->savedAt >= before);
    QVERIFY(cached->savedAt <= QDateTime::currentDateTimeUtc().addSecs(1));
    QVERIFY(!reopened.cached(QStringLiteral("other")).has_value());
}

void TestLocalStore::recentSearchesAreNewestFirstAndBounded()
{
    {
        LocalStore store;
        QVERIFY(store.open(path()));
        for (int i = 0; i < LocalStore::MaxRecentSearches + 5; ++i) {
            QVERIFY(store.addRecentSearch(QStringLiteral("users"), QStringLiteral("user %1").arg(i)));
            QTest::qWait(2); // distinct timestamps
        }
        QVERIFY(store.addRecentSearch(QStringLiteral("users"), QStringLiteral("  user 10 "))); // repeated: to the front
        QVERIFY(store.addRecentSearch(QStringLiteral("users"), QStringLiteral("   ")));        // blank: ignored
        QVERIFY(store.addRecentSearch(QStringLiteral("apps"), QStringLiteral("health")));
    }
    LocalStore reopened;
    QVERIFY(reopened.open(path()));
    const QStringList users = reopened.recentSearches(QStringLiteral("users"));
    QCOMPARE(users.size(), LocalStore::MaxRecentSearches);
    QCOMPARE(users.first(), QStringLiteral("user 10"));
    QCOMPARE(users.at(1), QStringLiteral("user %1").arg(LocalStore::MaxRecentSearches + 4));
    QCOMPARE(users.count(QStringLiteral("user 10")), 1);
    QVERIFY(!users.contains(QStringLiteral("user 0")));
    QCOMPARE(reopened.recentSearches(QStringLiteral("users"), 3).size(), 3);
    QCOMPARE(reopened.recentSearches(QStringLiteral("apps")), QStringList{QStringLiteral("health")});
}

void TestLocalStore::fileOfNewerConsoleIsRefused()
{
    {
        LocalStore store;
        QVERIFY(store.open(path()));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    LocalStore store;
    QString error;
    QVERIFY(!store.open(path(), &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
}

void TestLocalStore::unwritableLocationFails()
{
    QFile blocker(m_dir->filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    LocalStore store;
    QString error;
    // A path below a regular file can be neither created nor opened.
    QVERIFY(!store.open(m_dir->filePath(QStringLiteral("file/local.sqlite")), &error));
    QVERIFY(!error.isEmpty());
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestLocalStore)
#include "TestLocalStore.moc"

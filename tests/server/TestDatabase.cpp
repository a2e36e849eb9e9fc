// The storage foundation against real databases: connection URLs, per-session settings, write
// transactions under concurrent writers, and migrations applied once even when two servers start
// on one database at the same time. The SQLite cases always run; the cases written for both
// backends use PostgreSQL in the "pg." run (CITYCODE_TEST_BACKEND=postgresql, TestBackend).
#include "TempDir.h"
#include "TestBackend.h"
#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/RecordStore.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <optional>
#include <thread>

using namespace citycode::server;
using namespace citycode::test;
using namespace Poco::Data::Keywords;

namespace {

class TestDatabase : public ::testing::Test
{
protected:
    // The database under test: a fresh PostgreSQL database in the "pg." run, else an SQLite
    // file in the test's folder. Each call in the PostgreSQL run is a new database.
    std::string backendUrl() const
    {
        return TestBackend::postgresql() ? TestBackend::createDatabase() : "sqlite:citycode.db";
    }

    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
};

// The PostgreSQL-only cases: skipped in the SQLite run, which has no server to talk to.
class TestPostgresDatabase : public TestDatabase
{
protected:
    void SetUp() override
    {
        if (!TestBackend::postgresql())
            GTEST_SKIP() << "needs PostgreSQL: runs as pg.TestPostgresDatabase.*";
        m_url = TestBackend::createDatabase();
    }

    std::string m_url; // postgresql://USER@HOST:PORT/DBNAME
};

int intPragma(Poco::Data::Session& session, const std::string& name)
{
    int value = -1;
    session << "PRAGMA " + name, into(value), now;
    return value;
}

} // namespace

TEST_F(TestDatabase, RelativeSqlitePathIsInsideTheDataDir)
{
    Database db("sqlite:sub.db", m_dir.path(), 2);
    EXPECT_EQ(db.location(), m_dir.file("sub.db"));
    EXPECT_STREQ(db.backendName(), "sqlite");
    EXPECT_TRUE(std::filesystem::exists(m_dir.file("sub.db")));
    Database absolute("sqlite:" + m_dir.file("abs.db"), "/nonexistent", 2);
    EXPECT_EQ(absolute.location(), m_dir.file("abs.db"));
}

TEST_F(TestDatabase, UnsupportedUrlsAreRefused)
{
    for (const std::string url : {"mysql://localhost/db", "sqlite:", "citycode.db", "", "postgresql://",
                                  "postgresql://127.0.0.1:5432/", "postgresql:///citycode"}) {
        SCOPED_TRACE(url);
        try {
            Database db(url, m_dir.path(), 2);
            ADD_FAILURE() << "accepted";
        } catch (const citycode::common::Error& e) {
            EXPECT_EQ(e.code(), "DATABASE_URL_INVALID");
        }
    }
}

TEST_F(TestDatabase, EverySessionHasTheSqliteSettings)
{
    Database db("sqlite:citycode.db", m_dir.path(), 4);
    // Several sessions at once, so that more than the first pooled connection is checked.
    Poco::Data::Session a = db.session();
    Poco::Data::Session b = db.session();
    for (Poco::Data::Session* s : {&a, &b}) {
        std::string mode;
        *s << "PRAGMA journal_mode", into(mode), now;
        EXPECT_EQ(mode, "wal");
        EXPECT_EQ(intPragma(*s, "synchronous"), 2); // FULL
        EXPECT_EQ(intPragma(*s, "busy_timeout"), 5000);
        EXPECT_EQ(intPragma(*s, "foreign_keys"), 1);
    }
}

TEST_F(TestDatabase, TransactionCommitsOrRollsBack)
{
    Database db(backendUrl(), m_dir.path(), 2);
    Poco::Data::Session s = db.session();
    s << "CREATE TABLE t (n INTEGER)", now;
    {
        Transaction tx(s);
        s << "INSERT INTO t VALUES (1)", now;
        tx.commit();
    }
    {
        Transaction tx(s);
        s << "INSERT INTO t VALUES (2)", now;
        // destroyed without commit
    }
    int count = 0;
    s << "SELECT COUNT(*) FROM t", into(count), now;
    EXPECT_EQ(count, 1);
}

TEST_F(TestDatabase, ConcurrentReadThenWriteTransactionsAllSucceed)
{
    // The pattern that fails at once with BEGIN DEFERRED in WAL mode: read, then write. On
    // PostgreSQL, READ COMMITTED alone would let two writers read the same MAX and one would
    // then break the UNIQUE constraint: TransactionLock::Database serialises them.
    Database db(backendUrl(), m_dir.path(), 8);
    {
        Poco::Data::Session s = db.session();
        s << "CREATE TABLE counter (n INTEGER NOT NULL UNIQUE)", now;
    }
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                try {
                    Poco::Data::Session s = db.session();
                    Transaction tx(s, TransactionLock::Database);
                    int next = 0;
                    s << "SELECT COALESCE(MAX(n), 0) + 1 FROM counter", into(next), now;
                    s << "INSERT INTO counter (n) VALUES ($1)", use(next), now;
                    tx.commit();
                } catch (const Poco::Exception& e) {
                    ADD_FAILURE() << e.displayText();
                    ++failures;
                }
            }
        });
    }
    for (auto& t : writers)
        t.join();
    EXPECT_EQ(failures.load(), 0);
    Poco::Data::Session s = db.session();
    int count = 0, max = 0;
    s << "SELECT COUNT(*), MAX(n) FROM counter", into(count), into(max), now;
    EXPECT_EQ(count, 100);
    EXPECT_EQ(max, 100);
}

TEST_F(TestDatabase, MigrationsRacingOnOneDatabaseApplyEachVersionOnce)
{
    const std::string url = backendUrl();
    Database first(url, m_dir.path(), 2);
    Database second(url, m_dir.path(), 2);
    std::atomic<int> applied{0};
    std::thread a([&] { applied += Migrations(first, m_log).apply(); });
    std::thread b([&] { applied += Migrations(second, m_log).apply(); });
    a.join();
    b.join();
    int versions = 0;
    Poco::Data::Session s = first.session();
    s << "SELECT COUNT(*) FROM schema_migrations", into(versions), now;
    EXPECT_EQ(applied.load(), versions);
    EXPECT_EQ(Migrations(first, m_log).currentVersion(), Migrations::latestVersion());
    EXPECT_EQ(Migrations(first, m_log).apply(), 0);
}

TEST_F(TestDatabase, InsertReturningIdReadsIdsBeyond32Bits)
{
    Database db(backendUrl(), m_dir.path(), 2);
    Poco::Data::Session s = db.session();
    if (db.backend() == DatabaseBackend::Postgresql) {
        s << "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v TEXT NOT NULL)", now;
        s << "ALTER TABLE t ALTER COLUMN id RESTART WITH 5000000000", now;
    } else {
        s << "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)", now;
        s << "INSERT INTO t (id, v) VALUES (4999999999, 'seed')", now;
    }
    std::string first = "first", second = "second";
    const Poco::Int64 a = Database::insertReturningId(s, "INSERT INTO t (v) VALUES ($1) RETURNING id", use(first));
    Poco::Int64 b = Database::insertReturningId(s, "INSERT INTO t (v) VALUES ($1) RETURNING id", use(second));
    EXPECT_EQ(a, 5000000000LL);
    EXPECT_EQ(b, 5000000001LL);
    std::string stored;
    s << "SELECT v FROM t WHERE id = $1", use(b), into(stored), now;
    EXPECT_EQ(stored, "second");
}

TEST_F(TestDatabase, WriteBindsNullIntegerAndTextAsExecuteDoes)
{
    // RecordStore::write binds its values straight to a kept SQLite statement (Poco's bindings on
    // PostgreSQL): the rows must be the ones execute() stores, NULL, 64-bit and UTF-8 intact.
    Database db(backendUrl(), m_dir.path(), 2);
    Poco::Data::Session s = db.session();
    s << "CREATE TABLE w (k TEXT NOT NULL, n BIGINT, t TEXT, PRIMARY KEY (k))", now;
    const std::string big = "write", text = "二维码 'quoted' \\ text", other = "execute";
    const std::optional<std::int64_t> none;
    const std::optional<std::int64_t> large = 5000000000LL;
    RecordStore store(s);
    EXPECT_EQ(store.write("INSERT INTO w (k, n, t) VALUES ($1, $2, $3)", {big, large, text}), 1u);
    EXPECT_EQ(store.write("INSERT INTO w (k, n, t) VALUES ($1, $2, $3)", {other, none, SqlArg()}), 1u);
    // A conflict that inserts nothing counts 0 rows, as the nonce and used-mark claims rely on.
    EXPECT_EQ(store.write("INSERT INTO w (k, n, t) VALUES ($1, $2, $3) ON CONFLICT (k) DO NOTHING",
                          {big, Poco::Int64{1}, text}),
              0u);
    const auto rows = store.select("SELECT k, n, t FROM w ORDER BY k");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]->getValue<std::string>("k"), "execute");
    EXPECT_TRUE(rows[0]->isNull("n"));
    EXPECT_TRUE(rows[0]->isNull("t"));
    EXPECT_EQ(rows[1]->getValue<Poco::Int64>("n"), 5000000000LL);
    EXPECT_EQ(rows[1]->getValue<std::string>("t"), text);
}

TEST_F(TestPostgresDatabase, UrlFormsConnectAndHideThePassword)
{
    // postgresql://USER@HOST:PORT/DBNAME and the same with ?user= and a password, which trust
    // authentication ignores but location() must never show.
    const std::size_t at = m_url.find('@');
    const std::string user = m_url.substr(13, at - 13);
    const std::string rest = m_url.substr(at + 1);
    for (const std::string& url :
         {m_url, "postgresql://" + rest + "?user=" + user, "postgres://" + user + ":s3cret%20pass@" + rest,
          "postgresql://" + rest + "?user=" + user + "&password=s3cret&application_name=t"}) {
        SCOPED_TRACE(url);
        Database db(url, m_dir.path(), 2);
        EXPECT_EQ(db.backend(), DatabaseBackend::Postgresql);
        EXPECT_STREQ(db.backendName(), "postgresql");
        EXPECT_EQ(db.location(), m_url);
        EXPECT_EQ(db.location().find("s3cret"), std::string::npos);
        Poco::Data::Session s = db.session();
        std::string current;
        s << "SELECT current_database()", into(current), now;
        EXPECT_EQ(current, m_url.substr(m_url.rfind('/') + 1));
    }
}

TEST_F(TestPostgresDatabase, UnreachableDatabaseFailsWithLibpqMessage)
{
    const std::string missing = m_url.substr(0, m_url.rfind('/') + 1) + "no_such_database";
    try {
        Database db(missing, m_dir.path(), 2);
        ADD_FAILURE() << "opened " << missing;
    } catch (const citycode::common::Error& e) {
        EXPECT_EQ(e.code(), "DATABASE_OPEN_FAILED");
        // Poco's PostgreSQL exceptions say only "PostgreSQL" in what(): the message must carry
        // libpq's reason.
        EXPECT_NE(std::string(e.what()).find("no_such_database\" does not exist"), std::string::npos) << e.what();
    }
}

TEST_F(TestPostgresDatabase, CommitsWaitForTheWalFlush)
{
    // Issue 3 "kill -9 loses no acknowledged write" rests on synchronous_commit=on (the default):
    // COMMIT returns only once the WAL record is on disk (PostgreSQL 15 manual §20.5.1).
    Database db(m_url, m_dir.path(), 2);
    Poco::Data::Session s = db.session();
    std::string synchronousCommit, fsync;
    s << "SHOW synchronous_commit", into(synchronousCommit), now;
    s << "SHOW fsync", into(fsync), now;
    EXPECT_EQ(synchronousCommit, "on");
    EXPECT_EQ(fsync, "on");
}

TEST_F(TestPostgresDatabase, MigrationsUseIdentityKeysAndThePartialIndex)
{
    Database db(m_url, m_dir.path(), 2);
    Migrations(db, m_log).apply();
    Poco::Data::Session s = db.session();
    std::string type, identity;
    s << "SELECT data_type, is_identity FROM information_schema.columns"
         " WHERE table_name = 'platforms' AND column_name = 'id'",
        into(type), into(identity), now;
    EXPECT_EQ(type, "bigint");
    EXPECT_EQ(identity, "YES");
    // Exactly one main platform (the partial unique index of migration 1), any number of subs.
    std::string at = Database::timestampNow();
    s << "INSERT INTO platforms (kind, name, created_at, updated_at) VALUES ('main', 'm', $1, $2)", use(at), use(at),
        now;
    s << "INSERT INTO platforms (kind, name, created_at, updated_at) VALUES ('sub', 's1', $1, $2)", use(at), use(at),
        now;
    s << "INSERT INTO platforms (kind, name, created_at, updated_at) VALUES ('sub', 's2', $1, $2)", use(at), use(at),
        now;
    EXPECT_THROW((s << "INSERT INTO platforms (kind, name, created_at, updated_at) VALUES ('main', 'm2', $1, $2)",
                  use(at), use(at), now),
                 Poco::Exception);
}

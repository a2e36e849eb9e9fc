// The storage foundation against real SQLite files: connection URL, per-session settings,
// BEGIN IMMEDIATE transactions under concurrent writers, and migrations applied once even when
// two servers start on one database at the same time.
#include "TempDir.h"
#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

using namespace citycode::server;
using namespace citycode::test;
using namespace Poco::Data::Keywords;

namespace {

class TestDatabase : public ::testing::Test
{
protected:
    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
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
    for (const std::string url : {"mysql://localhost/db", "sqlite:", "citycode.db", ""}) {
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
    Database db("sqlite:citycode.db", m_dir.path(), 2);
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
    // The pattern that fails at once with BEGIN DEFERRED in WAL mode: read, then write.
    Database db("sqlite:citycode.db", m_dir.path(), 8);
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
                    Transaction tx(s);
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
    Database first("sqlite:citycode.db", m_dir.path(), 2);
    Database second("sqlite:citycode.db", m_dir.path(), 2);
    std::atomic<int> applied{0};
    std::thread a([&] { applied += Migrations(first, m_log).apply(); });
    std::thread b([&] { applied += Migrations(second, m_log).apply(); });
    a.join();
    b.join();
    EXPECT_EQ(applied.load(), Migrations::latestVersion());
    EXPECT_EQ(Migrations(first, m_log).currentVersion(), Migrations::latestVersion());
    EXPECT_EQ(Migrations(first, m_log).apply(), 0);
}

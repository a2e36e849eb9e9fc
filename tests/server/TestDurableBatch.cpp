// The group commit of the open API's durable writes (storage/DurableBatch, storage/NonceStore)
// against a real, freshly migrated database (SQLite, or PostgreSQL for pg.*): many threads claim
// at once, so their claims share batches. Duplicates inside and across batches still succeed
// exactly once, every acknowledged claim is in the database, and a statement that fails fails
// only its own caller, not the others of its batch.
#include "TempDir.h"
#include "TestBackend.h"
#include "storage/Database.h"
#include "storage/DurableBatch.h"
#include "storage/Migrations.h"
#include "storage/NonceStore.h"
#include "storage/RecordStore.h"

#include <Poco/Logger.h>

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

using namespace citycode::server;
using namespace citycode::test;

namespace {

std::string databaseUrl()
{
    return TestBackend::postgresql() ? TestBackend::createDatabase() : "sqlite:test.db";
}

class TestDurableBatch : public ::testing::Test
{
protected:
    TestDurableBatch() { Migrations(m_database, m_log).apply(); }

    // Runs `work(i)` on `count` threads released together, so that their writes queue at once.
    static void together(int count, const std::function<void(int)>& work)
    {
        std::mutex mutex;
        std::condition_variable go;
        bool started = false;
        std::vector<std::thread> threads;
        for (int i = 0; i < count; ++i) {
            threads.emplace_back([&, i] {
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    go.wait(lock, [&] { return started; });
                }
                work(i);
            });
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            started = true;
        }
        go.notify_all();
        for (auto& thread : threads)
            thread.join();
    }

    Poco::Int64 count(const std::string& sql)
    {
        Poco::Data::Session session = m_database.session();
        return RecordStore(session).scalar(sql);
    }

    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
    Database m_database{databaseUrl(), m_dir.path(), 16};
    DurableBatch m_writes{m_database, m_log};
    NonceStore m_nonces{m_writes};
};

TEST_F(TestDurableBatch, ConcurrentDuplicatesSucceedOnceAndEveryAcknowledgedClaimIsStored)
{
    constexpr int kThreads = 48;
    std::atomic<int> codeWins{0}, nonceWins{0}, distinctWins{0};
    together(kThreads, [&](int i) {
        NonceStore::CodeUse use;
        use.nonceHex = "00112233445566778899aabb"; // one code scanned by everybody
        use.ruleId = 1;
        use.ruleVersion = 1;
        use.caller = "terminal:T-" + std::to_string(i);
        use.expiresAt = 2000000000;
        if (m_nonces.markCodeUsed(use))
            ++codeWins;
        if (m_nonces.claimRequestNonce("app:A", "the-same-nonce-0001", 2000000000)) // one replayed request
            ++nonceWins;
        if (m_nonces.claimRequestNonce("app:A", "distinct-nonce-" + std::to_string(1000 + i), 2000000000))
            ++distinctWins;
    });
    EXPECT_EQ(codeWins.load(), 1);
    EXPECT_EQ(nonceWins.load(), 1);
    EXPECT_EQ(distinctWins.load(), kThreads);
    EXPECT_EQ(count("SELECT COUNT(*) FROM code_uses"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM api_nonces WHERE caller = 'app:A'"), kThreads + 1);
    // A claim made again later, in another batch, is refused too.
    EXPECT_FALSE(m_nonces.claimRequestNonce("app:A", "distinct-nonce-1000", 2000000000));
}

TEST_F(TestDurableBatch, AFailingStatementFailsOnlyItsOwnCaller)
{
    constexpr int kThreads = 24;
    std::atomic<int> claimed{0}, failed{0};
    together(kThreads, [&](int i) {
        if (i % 6 == 0) {
            try {
                m_writes.run([](Poco::Data::Session& session) {
                    return RecordStore(session).execute("INSERT INTO no_such_table (x) VALUES ($1)", {1});
                });
            } catch (...) {
                ++failed;
            }
        } else if (m_nonces.claimRequestNonce("app:B", "batch-nonce-" + std::to_string(1000 + i), 2000000000)) {
            ++claimed;
        }
    });
    EXPECT_EQ(failed.load(), kThreads / 6);
    EXPECT_EQ(claimed.load(), kThreads - kThreads / 6);
    EXPECT_EQ(count("SELECT COUNT(*) FROM api_nonces WHERE caller = 'app:B'"), kThreads - kThreads / 6);
}

TEST_F(TestDurableBatch, StopCommitsWhatIsQueuedThenRefuses)
{
    EXPECT_TRUE(m_nonces.claimRequestNonce("app:C", "before-stop-00001", 2000000000));
    m_writes.stop();
    EXPECT_THROW(m_nonces.claimRequestNonce("app:C", "after-stop-000001", 2000000000), std::exception);
    EXPECT_EQ(count("SELECT COUNT(*) FROM api_nonces WHERE caller = 'app:C'"), 1);
}

} // namespace

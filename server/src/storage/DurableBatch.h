#pragma once

#include <Poco/Data/Session.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace Poco {
class Logger;
}

namespace citycode::server {

class Database;

// Group commit for the open API's durable writes (QUALITY.md "Faults": batch acknowledged writes
// rather than weaken durability): request nonces, code "used" marks and code records. A caller
// hands over one statement and waits; one writer thread runs everything queued in one transaction
// and commits it (one disk sync for the whole batch), then releases the waiters. So run() returns
// only after its statement is committed. A statement runs alone in its transaction's order, so an
// INSERT ... ON CONFLICT DO NOTHING that checks its row count still decides between duplicates in
// one batch. When the batch fails (a statement throws, a PostgreSQL deadlock with another node,
// the commit), each statement is run again in its own transaction, so one bad statement fails
// only its own caller. Thread-safe; stop() (or the destructor) drains the queue.
class DurableBatch
{
public:
    // Runs inside the batch's transaction; returns what the caller gets back (a row count).
    using Statement = std::function<std::size_t(Poco::Data::Session&)>;

    DurableBatch(Database& database, Poco::Logger& logger);
    ~DurableBatch();
    DurableBatch(const DurableBatch&) = delete;
    DurableBatch& operator=(const DurableBatch&) = delete;

    // Queues the statement and waits until its transaction is committed; returns the statement's
    // result. Rethrows what the statement (or its commit) threw when run on its own; throws
    // common::Error("INTERNAL_ERROR") after stop().
    std::size_t run(Statement statement);

    // What submit() calls once the statement's transaction is committed (error empty, result the
    // statement's) or has failed (error set). Runs on the writer thread: keep it short and hand
    // real work elsewhere (Exchange::later).
    using Committed = std::function<void(std::size_t result, std::exception_ptr error)>;

    // Queues the statement and returns at once; `committed` runs after its commit, as run() would
    // have returned, so an event-driven caller holds no thread while the disk syncs. After stop()
    // it runs at once with the INTERNAL_ERROR run() throws.
    void submit(Statement statement, Committed committed);

    void stop();

private:
    struct Pending
    {
        Statement statement;
        Committed committed;
        std::size_t result = 0;
        std::exception_ptr error;
    };
    using Batch = std::deque<std::shared_ptr<Pending>>;

    void loop();
    bool commitTogether(Batch& batch);
    void commitAlone(Pending& pending);

    static constexpr std::size_t kMaxBatch = 1000;

    Database& m_database;
    Poco::Logger& m_logger;
    std::mutex m_mutex;
    std::condition_variable m_queued;
    Batch m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace citycode::server

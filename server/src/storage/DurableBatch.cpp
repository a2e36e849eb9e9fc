#include "storage/DurableBatch.h"

#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <pthread.h>

namespace citycode::server {

namespace {

std::string describe(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const Poco::Exception& e) {
        return e.displayText();
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

} // namespace

DurableBatch::DurableBatch(Database& database, Poco::Logger& logger)
    : m_database(database), m_logger(logger), m_thread([this] {
          pthread_setname_np(pthread_self(), "cc-writer");
          loop();
      })
{
}

DurableBatch::~DurableBatch()
{
    stop();
}

void DurableBatch::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::size_t DurableBatch::run(Statement statement)
{
    // submit(), waiting here for its notification: one completion path for both.
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false;
    std::size_t result = 0;
    std::exception_ptr error;
    submit(std::move(statement), [&](std::size_t committedResult, std::exception_ptr committedError) {
        std::lock_guard<std::mutex> lock(mutex);
        result = committedResult;
        error = std::move(committedError);
        done = true;
        wake.notify_one();
    });
    std::unique_lock<std::mutex> lock(mutex);
    wake.wait(lock, [&] { return done; });
    if (error)
        std::rethrow_exception(error);
    return result;
}

void DurableBatch::submit(Statement statement, Committed committed)
{
    auto pending = std::make_shared<Pending>();
    pending->statement = std::move(statement);
    pending->committed = std::move(committed);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(std::move(pending));
            m_queued.notify_one();
            return;
        }
    }
    pending->committed(0, std::make_exception_ptr(common::Error("INTERNAL_ERROR", "the database writer has stopped")));
}

void DurableBatch::loop()
{
    for (;;) {
        Batch batch;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_queued.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything queued is committed
            if (m_queue.size() <= kMaxBatch) {
                batch.swap(m_queue);
            } else {
                while (batch.size() < kMaxBatch) {
                    batch.push_back(m_queue.front());
                    m_queue.pop_front();
                }
            }
        }
        if (!commitTogether(batch)) {
            for (const auto& pending : batch)
                commitAlone(*pending);
        }
        for (const auto& pending : batch) {
            try {
                pending->committed(pending->result, pending->error);
            } catch (...) {
                m_logger.error("a commit notification failed: %s", describe(std::current_exception()));
            }
        }
    }
}

bool DurableBatch::commitTogether(Batch& batch)
{
    if (batch.size() == 1)
        return false; // nothing to share: run it alone, keeping its own error
    try {
        Poco::Data::Session session = m_database.session();
        Transaction transaction(session);
        for (const auto& pending : batch)
            pending->result = pending->statement(session);
        // The COMMIT is the one disk sync of the batch (WAL synchronous=FULL on SQLite,
        // synchronous_commit=on on PostgreSQL): nobody is released before it returned.
        transaction.commit();
        return true;
    } catch (...) {
        m_logger.warning("a batch of %z writes failed (%s); committing them one by one", batch.size(),
                         describe(std::current_exception()));
        return false;
    }
}

void DurableBatch::commitAlone(Pending& pending)
{
    try {
        Poco::Data::Session session = m_database.session();
        Transaction transaction(session);
        pending.result = pending.statement(session);
        transaction.commit();
    } catch (...) {
        pending.error = std::current_exception();
    }
}

} // namespace citycode::server

#include "app/PeriodicTask.h"

namespace citycode::server {

PeriodicTask::PeriodicTask(std::chrono::seconds interval, std::function<void()> task)
    : m_interval(interval), m_task(std::move(task)), m_thread([this] { loop(); })
{
}

PeriodicTask::~PeriodicTask()
{
    stop();
}

void PeriodicTask::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PeriodicTask::loop()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        m_task();
        lock.lock();
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
    }
}

} // namespace citycode::server

#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace citycode::server {

// Runs a function on a thread of its own, first right away and then every `interval`, until
// stop() or destruction (which wait for a run in progress). The function must not throw; each
// run's errors are its own to log.
class PeriodicTask
{
public:
    PeriodicTask(std::chrono::seconds interval, std::function<void()> task);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    void stop();

private:
    void loop();

    const std::chrono::seconds m_interval;
    const std::function<void()> m_task;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace citycode::server

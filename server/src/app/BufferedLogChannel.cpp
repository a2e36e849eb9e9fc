#include "app/BufferedLogChannel.h"

#include <Poco/Message.h>

#include <chrono>
#include <pthread.h>

namespace citycode::server {

BufferedLogChannel::BufferedLogChannel(Poco::AutoPtr<Poco::Channel> inner)
    : m_inner(std::move(inner)), m_thread([this] {
          pthread_setname_np(pthread_self(), "cc-log");
          run();
      })
{
}

BufferedLogChannel::~BufferedLogChannel()
{
    stop();
}

void BufferedLogChannel::open()
{
    m_inner->open();
}

void BufferedLogChannel::close()
{
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        flush(lock);
    }
    m_inner->close();
}

void BufferedLogChannel::log(const Poco::Message& message)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const bool first = m_waiting.empty();
    if (!first)
        m_waiting += '\n';
    else
        m_source = message.getSource();
    m_waiting += message.getText();
    if (m_waiting.size() >= kFlushBytes || m_stopping) // once stopped, nobody flushes later
        flush(lock);
    else if (first)
        m_wake.notify_one(); // the flushing thread sleeps while nothing waits
}

void BufferedLogChannel::setProperty(const std::string& name, const std::string& value)
{
    m_inner->setProperty(name, value);
}

std::string BufferedLogChannel::getProperty(const std::string& name) const
{
    return m_inner->getProperty(name);
}

void BufferedLogChannel::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        // Asleep until a line comes (an idle server does not wake), then collecting for one interval.
        m_wake.wait(lock, [this] { return m_stopping || !m_waiting.empty(); });
        m_wake.wait_for(lock, std::chrono::milliseconds(kFlushMilliseconds), [this] { return m_stopping; });
        flush(lock);
    }
}

void BufferedLogChannel::flush(std::unique_lock<std::mutex>& lock)
{
    if (m_waiting.empty())
        return;
    std::string lines;
    lines.swap(m_waiting);
    // Taken before the buffer's lock is let go, so a later batch cannot overtake this one.
    std::unique_lock<std::mutex> writing(m_writeMutex);
    lock.unlock();
    try {
        m_inner->log(Poco::Message(m_source, lines, Poco::Message::PRIO_INFORMATION));
    } catch (...) {
        // The wrapped channel decides what a failed write means (TolerantChannel counts it); a
        // line that cannot be written must not fail the request or the flushing thread.
    }
    writing.unlock();
    lock.lock();
}

void BufferedLogChannel::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::unique_lock<std::mutex> lock(m_mutex);
    flush(lock);
}

} // namespace citycode::server

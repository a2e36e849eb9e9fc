#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace citycode::server {

// Collects the lines logged to it and hands them to the wrapped channel together, as one
// message of lines joined by newlines, kFlushMilliseconds after the first line of a batch and
// whenever kFlushBytes are waiting: the access log writes one line per request, and a write (and a stream flush) per
// line cost a request more than building the line (nginx's access_log buffer= does the same).
// Lines keep their order. A crash loses at most the last interval's lines; close() and the
// destructor write what is waiting. Thread-safe.
class BufferedLogChannel : public Poco::Channel
{
public:
    static constexpr int kFlushMilliseconds = 100;
    static constexpr std::size_t kFlushBytes = 64 * 1024;

    explicit BufferedLogChannel(Poco::AutoPtr<Poco::Channel> inner);
    ~BufferedLogChannel() override;

    void open() override;
    void close() override;
    void log(const Poco::Message& message) override;
    void setProperty(const std::string& name, const std::string& value) override;
    std::string getProperty(const std::string& name) const override;

private:
    void run();
    void flush(std::unique_lock<std::mutex>& lock);
    void stop();

    Poco::AutoPtr<Poco::Channel> m_inner;
    std::mutex m_mutex;      // m_waiting, m_stopping
    std::mutex m_writeMutex; // keeps batches in order while one is written
    std::condition_variable m_wake;
    std::string m_waiting;
    std::string m_source; // the source of the messages, for the joined one
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace citycode::server

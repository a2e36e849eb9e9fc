// The access log goes through BufferedLogChannel: every line must reach the log, in the order each
// thread logged it, within a flush interval, and all of them by the time the server stops.
#include "app/BufferedLogChannel.h"

#include <Poco/Message.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

using citycode::server::BufferedLogChannel;

namespace {

// Keeps what reaches it: each message's text, split into its lines.
class Capture : public Poco::Channel
{
public:
    void log(const Poco::Message& message) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_messages;
        std::istringstream in(message.getText());
        for (std::string line; std::getline(in, line);)
            m_lines.push_back(line);
    }
    std::vector<std::string> lines()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_lines;
    }
    int messages()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_messages;
    }

private:
    std::mutex m_mutex;
    std::vector<std::string> m_lines;
    int m_messages = 0;
};

Poco::Message line(const std::string& text)
{
    return Poco::Message("citycode.access", text, Poco::Message::PRIO_INFORMATION);
}

} // namespace

TEST(TestBufferedLogChannel, EveryLineArrivesInEachThreadsOrderAndInFewWrites)
{
    Poco::AutoPtr<Capture> capture = new Capture;
    Poco::AutoPtr<BufferedLogChannel> channel = new BufferedLogChannel(capture);
    constexpr int kThreads = 4;
    constexpr int kLines = 2000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kLines; ++i)
                channel->log(line("{\"thread\":" + std::to_string(t) + ",\"line\":" + std::to_string(i) + "}"));
        });
    }
    for (auto& thread : threads)
        thread.join();
    channel->close();

    const std::vector<std::string> lines = capture->lines();
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(kThreads * kLines));
    std::map<int, int> next;
    for (const std::string& text : lines) {
        int thread = -1, number = -1;
        ASSERT_EQ(std::sscanf(text.c_str(), "{\"thread\":%d,\"line\":%d}", &thread, &number), 2) << text;
        EXPECT_EQ(number, next[thread]) << "thread " << thread << " out of order";
        next[thread] = number + 1;
    }
    // Batched: far fewer writes than lines.
    EXPECT_LT(capture->messages(), kThreads * kLines / 10);
}

TEST(TestBufferedLogChannel, AQuietLineIsWrittenWithinTheFlushInterval)
{
    Poco::AutoPtr<Capture> capture = new Capture;
    Poco::AutoPtr<BufferedLogChannel> channel = new BufferedLogChannel(capture);
    channel->log(line("one request"));
    const auto started = std::chrono::steady_clock::now();
    while (capture->lines().empty() && std::chrono::steady_clock::now() - started < std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto waited = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(capture->lines(), std::vector<std::string>{"one request"});
    EXPECT_LT(waited, std::chrono::milliseconds(BufferedLogChannel::kFlushMilliseconds * 10));
}

TEST(TestBufferedLogChannel, WhatWaitsIsWrittenWhenTheChannelGoes)
{
    Poco::AutoPtr<Capture> capture = new Capture;
    {
        Poco::AutoPtr<BufferedLogChannel> channel = new BufferedLogChannel(capture);
        channel->log(line("last words"));
    } // the destructor stops the flushing thread and writes what is left
    EXPECT_EQ(capture->lines(), std::vector<std::string>{"last words"});
}

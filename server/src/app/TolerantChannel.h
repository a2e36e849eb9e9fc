#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>

#include <atomic>
#include <string>

namespace citycode::server {

// Wraps a log file channel so that a message that cannot be written (a full disk, QUALITY.md
// "Faults and load") is dropped and counted instead of throwing into the request that logged it;
// the file is reopened on the next message, and once writing works again the number of dropped
// messages is reported first, as a warning to `notes` (the wrapped channel itself when null; the
// access log's JSON lines report to the server log). Thread-safe as far as the wrapped channel is.
class TolerantChannel : public Poco::Channel
{
public:
    // name: what the notes call the log ("server log", "access log").
    TolerantChannel(Poco::AutoPtr<Poco::Channel> inner, std::string name, Poco::AutoPtr<Poco::Channel> notes = nullptr)
        : m_inner(std::move(inner)), m_name(std::move(name)), m_notes(notes ? std::move(notes) : m_inner)
    {
    }

    void open() override;
    void close() override;
    void log(const Poco::Message& message) override;
    void setProperty(const std::string& name, const std::string& value) override;
    std::string getProperty(const std::string& name) const override;

    // Messages dropped and not yet reported in the file.
    long long dropped() const { return m_dropped.load(); }

private:
    Poco::AutoPtr<Poco::Channel> m_inner;
    std::string m_name;
    Poco::AutoPtr<Poco::Channel> m_notes;
    std::atomic<long long> m_dropped{0};
};

} // namespace citycode::server

#include "app/TolerantChannel.h"

#include <Poco/Exception.h>
#include <Poco/Message.h>

namespace citycode::server {

void TolerantChannel::open()
{
    try {
        m_inner->open();
    } catch (const Poco::Exception&) {
        // The next message tries again.
    }
}

void TolerantChannel::close()
{
    m_inner->close();
}

void TolerantChannel::log(const Poco::Message& message)
{
    try {
        const long long dropped = m_dropped.load();
        m_inner->log(message);
        if (dropped > 0) {
            m_dropped -= dropped;
            m_notes->log(Poco::Message("citycode",
                                       m_name + ": " + std::to_string(dropped) +
                                           " log message(s) dropped, the file could not be written",
                                       Poco::Message::PRIO_WARNING));
        }
    } catch (...) {
        ++m_dropped;
        // A stream that failed once stays failed: closed, the file is opened afresh next time.
        try {
            m_inner->close();
        } catch (...) {
        }
    }
}

void TolerantChannel::setProperty(const std::string& name, const std::string& value)
{
    m_inner->setProperty(name, value);
}

std::string TolerantChannel::getProperty(const std::string& name) const
{
    return m_inner->getProperty(name);
}

} // namespace citycode::server

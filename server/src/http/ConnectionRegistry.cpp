#include "http/ConnectionRegistry.h"

#include "http/ErrorMapper.h"
#include "http/HttpMetrics.h"
#include "http/RequestId.h"

#include <chrono>
#include <string>
#include <sys/socket.h>

namespace citycode::server {

namespace {

// How often the watchdog looks at the deadlines: the precision of server.header_timeout.
constexpr std::chrono::milliseconds kWatchInterval{100};

std::int64_t nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The 408 answer, written straight to the socket by the watchdog: the worker is blocked reading
// and will only see the connection end. Same envelope as ErrorMapper's, with a fresh request id.
std::string timeoutAnswer()
{
    const std::string requestId = nextRequestId();
    const std::string body = ErrorMapper::envelope("REQUEST_TIMEOUT", "the request took too long to arrive", requestId);
    return "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n"
           "Cache-Control: no-store\r\nX-Request-Id: " +
           requestId + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace

ConnectionRegistry::ConnectionRegistry(Settings settings, HttpMetrics& metrics, const TrustedProxies& proxies)
    : m_settings(settings), m_metrics(metrics), m_proxies(proxies)
{
    m_watchdog = std::thread([this] { watch(); });
}

ConnectionRegistry::~ConnectionRegistry()
{
    {
        std::lock_guard lock(m_watchMutex);
        m_watchEnd = true;
    }
    m_watchWake.notify_all();
    m_watchdog.join();
}

bool ConnectionRegistry::admit(int fd, const Poco::Net::IPAddress& peer)
{
    if (m_proxies.trusts(peer))
        return true;
    const std::string address = peer.toString();
    std::lock_guard lock(m_admissionMutex);
    int& open = m_perAddress[address];
    if (open >= m_settings.maxPerAddress) {
        if (open == 0)
            m_perAddress.erase(address);
        return false;
    }
    ++open;
    m_addressOf[fd] = address;
    return true;
}

void ConnectionRegistry::release(int fd)
{
    std::lock_guard lock(m_admissionMutex);
    const auto counted = m_addressOf.find(fd);
    if (counted == m_addressOf.end())
        return; // a trusted proxy, or released already
    const auto open = m_perAddress.find(counted->second);
    if (open != m_perAddress.end() && --open->second <= 0)
        m_perAddress.erase(open);
    m_addressOf.erase(counted);
}

void ConnectionRegistry::add(Slot& slot)
{
    std::lock_guard lock(m_slotsMutex);
    m_slots.insert(&slot);
}

void ConnectionRegistry::remove(Slot& slot)
{
    std::lock_guard lock(m_slotsMutex);
    m_slots.erase(&slot);
}

void ConnectionRegistry::armFirstRequest(Slot& slot)
{
    slot.keepAliveWait.store(false);
    arm(slot, m_settings.headerTimeout);
}

void ConnectionRegistry::armNextRequest(Slot& slot)
{
    slot.keepAliveWait.store(true);
    arm(slot, m_settings.keepAliveTimeout + m_settings.headerTimeout);
}

void ConnectionRegistry::armBody(Slot& slot, Poco::Timespan timeout)
{
    slot.keepAliveWait.store(false);
    arm(slot, timeout);
}

void ConnectionRegistry::armLinger(Slot& slot, Poco::Timespan timeout)
{
    slot.keepAliveWait.store(true); // nothing more is answered on a closing connection
    arm(slot, timeout);
}

std::string ConnectionRegistry::refusal(const std::string& code, const std::string& message)
{
    const std::string requestId = nextRequestId();
    const std::string body = ErrorMapper::envelope(code, message, requestId);
    const Poco::Net::HTTPResponse::HTTPStatus status = ErrorMapper::statusFor(code);
    return "HTTP/1.1 " + std::to_string(static_cast<int>(status)) + " " +
           Poco::Net::HTTPResponse::getReasonForStatus(status) +
           "\r\nConnection: close\r\nRetry-After: 1\r\n"
           "Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n"
           "X-Request-Id: " +
           requestId + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

void ConnectionRegistry::arm(Slot& slot, Poco::Timespan timeout)
{
    std::int64_t current = slot.deadline.load();
    if (current >= 0)
        slot.deadline.compare_exchange_strong(current, nowMicros() + timeout.totalMicroseconds());
}

bool ConnectionRegistry::disarm(Slot& slot)
{
    std::int64_t current = slot.deadline.load();
    while (current >= 0) {
        if (slot.deadline.compare_exchange_weak(current, 0))
            return true;
    }
    return false;
}

void ConnectionRegistry::stopAll()
{
    m_stopping.store(true);
    std::lock_guard lock(m_slotsMutex);
    for (Slot* slot : m_slots) {
        // A slot with a deadline waits for a request: nothing is lost by closing it. One without
        // is handling a request and will see stopping() after its answer.
        if (slot->deadline.load() > 0)
            ::shutdown(slot->fd, SHUT_RDWR);
    }
}

void ConnectionRegistry::watch()
{
    std::unique_lock wait(m_watchMutex);
    while (!m_watchWake.wait_for(wait, kWatchInterval, [this] { return m_watchEnd; })) {
        const std::int64_t now = nowMicros();
        std::lock_guard lock(m_slotsMutex);
        for (Slot* slot : m_slots) {
            std::int64_t deadline = slot->deadline.load();
            if (deadline > 0 && deadline <= now && slot->deadline.compare_exchange_strong(deadline, -1))
                expire(*slot);
        }
    }
}

void ConnectionRegistry::expire(Slot& slot)
{
    // An idle keep-alive connection is closed without a word, as every server does: a 408 written
    // there can cross a request the client is sending at that moment, which then reads the 408 as
    // its answer although it was never processed. A client that closes gets a clean end-of-file
    // and retries on a new connection. The first request of a connection gets the 408.
    if (slot.keepAliveWait.load()) {
        ::shutdown(slot.fd, SHUT_RDWR);
        return;
    }
    m_metrics.recordError(HttpMetrics::Error::HeaderTimeout);
    if (!m_settings.tls) {
        // Best effort and never blocking: the watchdog must not wait for a client that reads
        // nothing either.
        const std::string answer = timeoutAnswer();
        (void)::send(slot.fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    }
    // shutdown() wakes the worker's blocked poll()/recv() with end-of-file; the worker then
    // closes the socket. (Closing it here could hand the number to a new connection under it.)
    ::shutdown(slot.fd, SHUT_RDWR);
}

} // namespace citycode::server

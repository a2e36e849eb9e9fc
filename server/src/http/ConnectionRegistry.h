#pragma once

#include "http/TrustedProxies.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/Timespan.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace citycode::server {

class HttpMetrics;

// Keeps the live connections of the HTTP server in check, because Poco serves each connection
// with one worker thread for as long as it is open:
// - admission: at most server.max_connections_per_address open connections per client address,
//   decided when the connection is accepted, before it takes a worker or a queue place;
// - header deadline: a connection must deliver a complete request header within
//   server.header_timeout of opening, or of the previous answer plus the keep-alive time. The
//   socket's receive timeout alone would not do: it restarts with every byte, so a client that
//   trickles one byte every few seconds would hold its worker forever. A watchdog thread ends
//   late connections with 408 (RFC 9110 §15.5.9) and closes them;
// - stop: idle connections are closed at once, busy ones after their current answer.
// Thread-safe; the per-request calls (arm, disarm) are lock-free.
class ConnectionRegistry
{
public:
    struct Settings
    {
        int maxPerAddress = 32;
        Poco::Timespan headerTimeout{5, 0};
        Poco::Timespan keepAliveTimeout{10, 0};
        bool tls = false; // no plain-text 408 on a TLS connection
    };

    // One connection's entry, owned by the connection; registered while its worker runs it.
    struct Slot
    {
        int fd = -1;
        std::atomic<std::int64_t> deadline{0};  // steady-clock microseconds; 0: none; -1: expired
        std::atomic<bool> keepAliveWait{false}; // waiting for a request after the first one
    };

    ConnectionRegistry(Settings settings, HttpMetrics& metrics, const TrustedProxies& proxies);
    ~ConnectionRegistry();
    ConnectionRegistry(const ConnectionRegistry&) = delete;
    ConnectionRegistry& operator=(const ConnectionRegistry&) = delete;

    // Acceptor thread: counts a new connection from `peer` and says whether it may be served.
    // Reverse proxies in server.trusted_proxies carry many clients and are not limited.
    bool admit(int fd, const Poco::Net::IPAddress& peer);
    // Un-counts a connection admitted with `fd`, whether or not it was ever registered.
    void release(int fd);

    // Worker thread, around one connection.
    void add(Slot& slot);
    void remove(Slot& slot);
    // Starts the header deadline: for the first request at once, later after the keep-alive wait.
    void armFirstRequest(Slot& slot);
    void armNextRequest(Slot& slot);
    // EventHttpServer: after the header, the body must arrive within `timeout` (else 408); while a
    // closing connection drains what the client still sends, it is cut off silently after `timeout`.
    void armBody(Slot& slot, Poco::Timespan timeout);
    void armLinger(Slot& slot, Poco::Timespan timeout);
    // The header has arrived; false when the deadline had already ended the connection.
    bool disarm(Slot& slot);
    static bool expired(const Slot& slot) { return slot.deadline.load() < 0; }

    // Stops serving: closes idle connections now; busy ones end after their answer.
    void stopAll();
    bool stopping() const { return m_stopping.load(); }

    const Settings& settings() const { return m_settings; }

    // How long and how much a closing connection still reads and drops from a client that keeps
    // sending, so that the answer is not destroyed by a reset (like nginx's lingering_close).
    static constexpr int kLingerMilliseconds = 1000;
    static constexpr std::size_t kLingerBytes = 256 * 1024;

    // The whole answer written to a plain-HTTP connection refused at accept (429 or 503 with
    // Retry-After, RFC 9110 §10.2.3), so the client can tell "busy, retry later" from a failure.
    static std::string refusal(const std::string& code, const std::string& message);

private:
    void arm(Slot& slot, Poco::Timespan timeout);
    void watch();
    void expire(Slot& slot);

    Settings m_settings;
    HttpMetrics& m_metrics;
    const TrustedProxies& m_proxies;

    std::mutex m_admissionMutex;
    std::map<std::string, int> m_perAddress; // address -> open connections
    std::map<int, std::string> m_addressOf;  // fd -> counted address

    std::mutex m_slotsMutex; // also held while a slot's socket is shut, so its fd stays open
    std::set<Slot*> m_slots;
    std::atomic<bool> m_stopping{false};

    std::mutex m_watchMutex;
    std::condition_variable m_watchWake;
    bool m_watchEnd = false;
    std::thread m_watchdog;
};

} // namespace citycode::server

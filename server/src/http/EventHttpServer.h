#pragma once

#include "http/ConnectionRegistry.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/SharedPtr.h>
#include <Poco/Timespan.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace citycode::server {

class HttpMetrics;
class Router;

// The plain-HTTP server: a few event loops (epoll) read and write every connection without
// blocking, so a connection costs no thread while it is idle, sends slowly or waits for the
// group commit of its answer (Exchange::later). A request is served once its header and whole
// body are in memory (BufferedMessages): routes marked fast (Router::Route::fast) run on the
// loop itself, the others on a pool of worker threads that may block. Keeps the protections of
// the thread-per-connection HttpServer, which still serves TLS:
// - admission at accept: over server.max_connections_per_address from one address (429), or over
//   maxConnections in all (503), answered and closed before anything is read;
// - the header deadline (ConnectionRegistry's watchdog answers 408), and a deadline for the body;
// - 413 before an oversized body is read, 100 Continue only for a body within the limit;
// - keep-alive capped at server.max_keep_alive_requests and server.keep_alive_timeout;
// - an unparsable header answered with the JSON envelope (400, 414, 431), then a lingering close;
// - stop: idle connections closed at once, busy ones after their answer.
class EventHttpServer
{
public:
    struct Settings
    {
        int loops = 2;            // event loops (threads serving sockets)
        int workers = 64;         // threads for the routes that are not fast (server.max_threads)
        int maxConnections = 128; // open connections in all; more are refused with 503
        bool keepAlive = true;
        int maxKeepAliveRequests = 100;    // 0: unlimited
        Poco::Timespan bodyTimeout{10, 0}; // server.timeout: the body must arrive within this
        // Fast routes on the loops. Off where a "fast" route's reads go over the network
        // (PostgreSQL): then every request is served by a worker.
        bool fastRoutesOnLoops = true;
    };

    EventHttpServer(Poco::SharedPtr<Router> router, const Poco::Net::ServerSocket& socket, Settings settings,
                    ConnectionRegistry::Settings limits, HttpMetrics& metrics, const TrustedProxies& proxies);
    ~EventHttpServer();
    EventHttpServer(const EventHttpServer&) = delete;
    EventHttpServer& operator=(const EventHttpServer&) = delete;

    void start();

    // Stops accepting, closes idle connections, waits until every request in progress has been
    // answered (at most `grace`), then ends the loops and workers. Idempotent.
    void stop(Poco::Timespan grace = Poco::Timespan(30, 0));

    class Loop;
    class Connection;
    class Workers;

private:
    friend class Loop;
    friend class Connection;

    void connectionClosed();
    Loop& nextLoop();

    Poco::SharedPtr<Router> m_router;
    Poco::Net::ServerSocket m_socket;
    Settings m_settings;
    HttpMetrics& m_metrics;
    ConnectionRegistry m_registry;
    Poco::Net::HTTPServerParams::Ptr m_params;
    std::unique_ptr<Workers> m_workers;
    std::vector<std::unique_ptr<Loop>> m_loops;
    std::atomic<int> m_open{0};
    std::atomic<std::size_t> m_nextLoop{0};
    std::atomic<bool> m_stopping{false};
    bool m_started = false;
    bool m_stopped = false;
    std::mutex m_closedMutex;
    std::condition_variable m_closed;
};

} // namespace citycode::server

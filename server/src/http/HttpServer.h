#pragma once

#include "http/ConnectionRegistry.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/SharedPtr.h>

#include <memory>

namespace Poco {
class ThreadPool;
}

namespace citycode::server {

class HttpMetrics;
class Router;

// The HTTP server: Poco's TCPServer (one acceptor thread, a bounded queue, a bounded pool of
// workers, each serving one connection at a time) with the protections Poco's HTTPServer lacks,
// so that slow or half-sent requests from one address cannot starve the others:
// - connections over server.max_connections_per_address, or beyond a full queue, are refused at
//   accept, before they take a worker or a queue place, with 429 or 503 (plain HTTP) or a close;
// - every connection must complete each request header within the header deadline
//   (ConnectionRegistry), so a stalled client frees its worker after server.header_timeout;
// - keep-alive is capped by Poco's params (server.max_keep_alive_requests, keep_alive_timeout).
// With W workers and a limit of L per address (L < W), one address holds at most L workers and
// W - L stay for everybody else.
class HttpServer : public Poco::Net::TCPServer
{
public:
    HttpServer(Poco::SharedPtr<Router> router, Poco::ThreadPool& workers, const Poco::Net::ServerSocket& socket,
               Poco::Net::HTTPServerParams::Ptr params, ConnectionRegistry::Settings limits, HttpMetrics& metrics,
               const TrustedProxies& proxies);
    ~HttpServer() override;

    // Stops accepting, closes idle connections and lets each busy one finish its answer; the
    // caller then joins the worker pool.
    void stopAll();

private:
    HttpServer(std::shared_ptr<ConnectionRegistry> registry, Poco::SharedPtr<Router> router, Poco::ThreadPool& workers,
               const Poco::Net::ServerSocket& socket, Poco::Net::HTTPServerParams::Ptr params, HttpMetrics& metrics);

    std::shared_ptr<ConnectionRegistry> m_registry;
};

} // namespace citycode::server

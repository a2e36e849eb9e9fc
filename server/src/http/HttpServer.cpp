#include "http/HttpServer.h"

#include "http/ErrorMapper.h"
#include "http/HttpConnection.h"
#include "http/HttpMetrics.h"
#include "http/RequestId.h"
#include "http/Router.h"

#include <Poco/Exception.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <sys/socket.h>

namespace citycode::server {

namespace {

// Creates an HttpConnection for each accepted socket (in the worker thread that will run it).
class ConnectionFactory : public Poco::Net::TCPServerConnectionFactory
{
public:
    ConnectionFactory(std::shared_ptr<ConnectionRegistry> registry, Poco::SharedPtr<Router> router,
                      Poco::Net::HTTPServerParams::Ptr params, HttpMetrics& metrics)
        : m_registry(std::move(registry)), m_router(std::move(router)), m_params(std::move(params)), m_metrics(metrics)
    {
    }

    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new HttpConnection(socket, m_params, m_router, *m_registry, m_metrics);
    }

private:
    std::shared_ptr<ConnectionRegistry> m_registry;
    Poco::SharedPtr<Router> m_router;
    Poco::Net::HTTPServerParams::Ptr m_params;
    HttpMetrics& m_metrics;
};

// Decides in the acceptor thread whether a new connection is served. A refused plain-HTTP client
// gets a short answer before the close, so that it can tell "busy, retry later" (Retry-After,
// RFC 9110 §10.2.3) from a failure; a TLS client cannot be answered without a handshake, which
// is exactly the work being refused, so it just sees the connection closed.
class AdmissionFilter : public Poco::Net::TCPServerConnectionFilter
{
public:
    AdmissionFilter(ConnectionRegistry& registry, const Poco::Net::TCPServer& server, HttpMetrics& metrics)
        : m_registry(registry), m_server(server), m_metrics(metrics)
    {
    }

    bool accept(const Poco::Net::StreamSocket& socket) override
    {
        const int fd = static_cast<int>(socket.impl()->sockfd());
        // The dispatcher silently drops a connection when its queue is full; refusing it here
        // instead keeps the per-address count exact (a dropped connection would never be
        // released) and lets the client know. Only this thread adds to the queue, so the queue
        // cannot fill between this check and the dispatcher's.
        if (m_server.queuedConnections() >= m_server.params().getMaxQueued()) {
            m_metrics.recordRefusal(HttpMetrics::Refusal::QueueFull);
            refuse(fd, "SERVER_BUSY", "the server is busy; retry shortly");
            return false;
        }
        try {
            if (m_registry.admit(fd, socket.peerAddress().host()))
                return true;
        } catch (const Poco::Exception&) {
            return false; // the peer has gone already
        }
        m_metrics.recordRefusal(HttpMetrics::Refusal::AddressLimit);
        refuse(fd, "TOO_MANY_CONNECTIONS", "too many connections from this address; retry shortly");
        return false;
    }

private:
    void refuse(int fd, const std::string& code, const std::string& message) const
    {
        if (m_registry.settings().tls)
            return;
        const std::string answer = ConnectionRegistry::refusal(code, message);
        // Never blocks the acceptor: a fresh socket's send buffer takes a few hundred bytes.
        (void)::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        ::shutdown(fd, SHUT_WR);
    }

    ConnectionRegistry& m_registry;
    const Poco::Net::TCPServer& m_server;
    HttpMetrics& m_metrics;
};

} // namespace

HttpServer::HttpServer(Poco::SharedPtr<Router> router, Poco::ThreadPool& workers, const Poco::Net::ServerSocket& socket,
                       Poco::Net::HTTPServerParams::Ptr params, ConnectionRegistry::Settings limits,
                       HttpMetrics& metrics, const TrustedProxies& proxies)
    : HttpServer(std::make_shared<ConnectionRegistry>(limits, metrics, proxies), std::move(router), workers, socket,
                 std::move(params), metrics)
{
}

HttpServer::HttpServer(std::shared_ptr<ConnectionRegistry> registry, Poco::SharedPtr<Router> router,
                       Poco::ThreadPool& workers, const Poco::Net::ServerSocket& socket,
                       Poco::Net::HTTPServerParams::Ptr params, HttpMetrics& metrics)
    : Poco::Net::TCPServer(new ConnectionFactory(registry, std::move(router), params, metrics), workers, socket,
                           params),
      m_registry(std::move(registry))
{
    setConnectionFilter(new AdmissionFilter(*m_registry, *this, metrics));
}

HttpServer::~HttpServer()
{
    try {
        stopAll();
    } catch (...) {
        // a destructor must not throw; the connections end with the process anyway
    }
}

void HttpServer::stopAll()
{
    stop();
    m_registry->stopAll();
}

} // namespace citycode::server

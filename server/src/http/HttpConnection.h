#pragma once

#include "http/ConnectionRegistry.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/SharedPtr.h>

namespace Poco::Net {
class HTTPServerSession;
}

namespace citycode::server {

class HttpMetrics;
class Router;

// Serves the requests of one accepted connection, like Poco's HTTPServerConnection, plus what the
// hardened server needs around each request: the header deadline (ConnectionRegistry), 100
// Continue only for a body within server.max_body_bytes, a JSON answer with a request id for an
// unparsable request header (400, 414 or 431 instead of Poco's empty 400), and the end of the
// connection when the server stops. Runs in one worker thread.
class HttpConnection : public Poco::Net::TCPServerConnection
{
public:
    HttpConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                   Poco::SharedPtr<Router> router, ConnectionRegistry& registry, HttpMetrics& metrics);
    ~HttpConnection() override;

    void run() override;

private:
    void serveRequests(Poco::Net::HTTPServerSession& session);
    // Poco's HTTPServerSession::hasMoreRequests() for plain sockets, with one poll(2) instead of
    // Poco 1.11's SocketImpl::poll, which creates, fills and closes an epoll set on every call
    // (four system calls per request). Counts the keep-alive budget as Poco does.
    bool nextRequest(Poco::Net::HTTPServerSession& session, bool first, int& keepAliveLeft) const;
    // Answers a request whose header could not be parsed with the error `code`, and closes.
    void answerMalformed(Poco::Net::HTTPServerSession& session, const std::string& code);
    void lingeringClose();
    // Unregisters from the registry (slot and per-address count); idempotent.
    void leave();

    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::SharedPtr<Router> m_router;
    ConnectionRegistry& m_registry;
    HttpMetrics& m_metrics;
    ConnectionRegistry::Slot m_slot;
    bool m_left = false;
};

} // namespace citycode::server

#include "http/HttpConnection.h"

#include "http/ErrorMapper.h"
#include "http/HttpMetrics.h"
#include "http/RequestId.h"
#include "http/Router.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <memory>
#include <poll.h>
#include <sys/socket.h>

namespace citycode::server {

namespace {

// True when the request announces a body larger than the router accepts: then no 100 Continue
// invites the client to send it (RFC 9110 §10.1.1), and the router answers 413.
bool announcesTooLargeBody(const Poco::Net::HTTPServerRequest& request, std::size_t limit)
{
    try {
        return request.hasContentLength() && static_cast<Poco::UInt64>(request.getContentLength64()) > limit;
    } catch (const Poco::Exception&) {
        return true; // unparsable: the router answers 400; do not ask for the body either
    }
}

} // namespace

HttpConnection::HttpConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                               Poco::SharedPtr<Router> router, ConnectionRegistry& registry, HttpMetrics& metrics)
    : Poco::Net::TCPServerConnection(socket), m_params(std::move(params)), m_router(std::move(router)),
      m_registry(registry), m_metrics(metrics)
{
    m_slot.fd = static_cast<int>(this->socket().impl()->sockfd());
    m_metrics.connectionOpened();
}

HttpConnection::~HttpConnection()
{
    leave();
    m_metrics.connectionClosed();
}

void HttpConnection::leave()
{
    // Must run while the socket is still open: Poco's HTTPServerSession closes it when it is
    // destroyed, and from then on its descriptor number may belong to a new connection, whose
    // count and slot must not be touched.
    if (m_left)
        return;
    m_left = true;
    m_registry.remove(m_slot);
    m_registry.release(m_slot.fd);
}

void HttpConnection::run()
{
    m_registry.add(m_slot);
    m_registry.armFirstRequest(m_slot);
    try {
        Poco::Net::HTTPServerSession session(socket(), m_params);
        // Destroyed before the session, so leave() runs before the session closes the socket.
        const std::unique_ptr<HttpConnection, void (*)(HttpConnection*)> leaveFirst(
            this, [](HttpConnection* connection) { connection->leave(); });
        serveRequests(session);
    } catch (const Poco::Exception&) {
        // The client went away or the deadline closed the socket: nothing left to answer.
    }
    leave();
}

namespace {

// HTTPSession::buffered() is protected: the bytes read from the socket and not yet parsed (a
// pipelined request), which poll(2) cannot see.
struct SessionBuffer : Poco::Net::HTTPServerSession
{
    static int of(const Poco::Net::HTTPSession& session) { return (session.*(&SessionBuffer::buffered))(); }
};

} // namespace

bool HttpConnection::nextRequest(Poco::Net::HTTPServerSession& session, bool first, int& keepAliveLeft) const
{
    Poco::Timespan timeout;
    if (first) {
        --keepAliveLeft;
        timeout = session.getTimeout();
    } else if (keepAliveLeft != 0 && session.getKeepAlive()) {
        if (keepAliveLeft > 0)
            --keepAliveLeft;
        if (SessionBuffer::of(session) > 0)
            return true;
        timeout = m_params->getKeepAliveTimeout();
    } else {
        return false;
    }
    const auto milliseconds = std::clamp<Poco::Int64>(timeout.totalMilliseconds(), 0, 24 * 3600 * 1000);
    pollfd item{m_slot.fd, POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&item, 1, static_cast<int>(milliseconds));
    } while (ready < 0 && errno == EINTR);
    return ready > 0; // readable, or closed / failed: the read that follows tells which
}

void HttpConnection::serveRequests(Poco::Net::HTTPServerSession& session)
{
    bool bodyMayBeUnread = false;
    // TLS keeps Poco's own wait: decrypted bytes buffered inside OpenSSL are invisible to poll(2).
    const bool tls = m_registry.settings().tls;
    int keepAliveLeft = m_params->getMaxKeepAliveRequests();
    bool first = true;
    const auto mayKeepAlive = [&] { return tls ? session.canKeepAlive() : keepAliveLeft != 0; };
    while (!m_registry.stopping() && (tls ? session.hasMoreRequests() : nextRequest(session, first, keepAliveLeft))) {
        first = false;
        try {
            Poco::Net::HTTPServerResponseImpl response(session);
            Poco::Net::HTTPServerRequestImpl request(response, session, m_params.get()); // reads the header
            if (!m_registry.disarm(m_slot))
                return;
            response.setDate(Poco::Timestamp());
            response.setVersion(request.getVersion());
            response.setKeepAlive(m_params->getKeepAlive() && request.getKeepAlive() && mayKeepAlive() &&
                                  !m_registry.stopping());
            std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(m_router->createRequestHandler(request));
            if (request.getExpectContinue() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK &&
                !announcesTooLargeBody(request, m_router->maxBodyBytes()))
                response.sendContinue();
            bodyMayBeUnread = request.getChunkedTransferEncoding() || request.hasContentLength();
            handler->handleRequest(request, response);
            session.setKeepAlive(m_params->getKeepAlive() && response.getKeepAlive() && mayKeepAlive());
        } catch (const Poco::Net::NoMessageException&) {
            return; // the client closed between requests
        } catch (const Poco::Net::MessageException& e) {
            if (ConnectionRegistry::expired(m_slot))
                return; // the watchdog has answered 408
            answerMalformed(session, ErrorMapper::malformedHeaderCode(e.message()));
            return;
        } catch (const Poco::SyntaxException&) {
            answerMalformed(session, "BAD_REQUEST"); // a Content-Length that is not a number
            return;
        }
        if (!session.getKeepAlive()) {
            if (bodyMayBeUnread)
                lingeringClose();
            return;
        }
        m_registry.armNextRequest(m_slot);
    }
}

void HttpConnection::answerMalformed(Poco::Net::HTTPServerSession& session, const std::string& code)
{
    m_metrics.recordError(HttpMetrics::Error::MalformedRequest);
    const std::string requestId = nextRequestId();
    const std::string body = ErrorMapper::envelope(code, "malformed or oversized request header", requestId);
    Poco::Net::HTTPServerResponseImpl response(session);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setStatusAndReason(ErrorMapper::statusFor(code));
    response.setKeepAlive(false);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.set("Cache-Control", "no-store");
    response.set("X-Request-Id", requestId);
    // send(), not sendBuffer(): without a parsed request Poco's sendBuffer() leaves out the body.
    response.send() << body << std::flush;
    session.setKeepAlive(false);
    lingeringClose();
}

void HttpConnection::lingeringClose()
{
    // Closing a socket with unread input makes the kernel send a reset, which can destroy the
    // answer before the client has read it. So: end our side, then read and discard what the
    // client is still sending, for a bounded time and amount (like nginx's lingering_close).
    const int fd = m_slot.fd;
    ::shutdown(fd, SHUT_WR);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(ConnectionRegistry::kLingerMilliseconds);
    std::size_t discarded = 0;
    char buffer[8192];
    while (discarded < ConnectionRegistry::kLingerBytes) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd item{fd, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&item, 1, static_cast<int>(left.count())) <= 0)
            return;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n <= 0)
            return;
        discarded += static_cast<std::size_t>(n);
    }
}

} // namespace citycode::server

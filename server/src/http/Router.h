#pragma once

#include "http/Exchange.h"
#include "http/RouteAccess.h"
#include "http/TrustedProxies.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>
#include <string>
#include <vector>

namespace citycode::server {

class Authenticator;
class HttpMetrics;

// The route table: method + path pattern -> handler, and Poco's handler factory. Patterns are
// strict ("/api/platforms/{id}" matches "/api/platforms/7", not "/api/platforms/7/"); an unknown
// path is answered 404 and a known path with another method 405 with an Allow header (Poco itself
// would answer 501). Every request gets a random id (the X-Request-Id header, every log line),
// its exceptions go through ErrorMapper, and one JSON line per request goes to the access log
// (logger "citycode.access"): time, requestId, method, path, status, durationMs, remote (the
// client's address, Exchange::remoteAddress). Never the query or the body, which may hold
// personal data.
// Routes are added before the server starts; afterwards the table is read-only and shared by
// all worker threads.
//
// Each route has an access requirement (RouteAccess). For every non-public route the bearer token
// of "Authorization: Bearer <token>" (RFC 6750) is turned into a Principal by the Authenticator
// before the handler runs: no or a dead token -> 401 UNAUTHENTICATED, a pending password change ->
// 403 PASSWORD_CHANGE_REQUIRED (unless the route allows it), a missing permission -> 403 FORBIDDEN.
class Router : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    using Handler = std::function<void(Exchange&)>;

    // maxBodyBytes: the limit of Exchange::readBody().
    explicit Router(std::size_t maxBodyBytes);

    // A public route: no authentication. Returns the new route, e.g. to mark it fast.
    struct Route;
    Route& add(const std::string& method, const std::string& pattern, Handler handler);
    Route& add(const std::string& method, const std::string& pattern, RouteAccess access, Handler handler);

    // Who turns tokens into principals; must be set before a non-public route is served and
    // outlive the router. Without it every non-public route answers 401.
    void setAuthenticator(Authenticator* authenticator) { m_authenticator = authenticator; }
    Authenticator* authenticator() const { return m_authenticator; }

    // Which peers may name the client in X-Forwarded-For (server.trusted_proxies); by default none.
    void setTrustedProxies(TrustedProxies proxies) { m_trustedProxies = std::move(proxies); }
    const TrustedProxies& trustedProxies() const { return m_trustedProxies; }

    // Where each answered request is counted (GET /metrics); must outlive the router. Optional.
    // Call after the last add(): the metrics get one series per route.
    void setMetrics(HttpMetrics* metrics);
    HttpMetrics* metrics() const { return m_metrics; }

    // For Poco's thread-per-connection server (TLS, tests): handles the request in the calling
    // thread, waiting there for an answer given later (Exchange::later).
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

    // How a front (EventHttpServer, or the handler above) has a request served.
    struct Front
    {
        // Runs a task on the thread that serves the request's connection: where an answer given
        // later (Exchange::later) is sent. Required.
        std::function<void(std::function<void()>)> post;
        // Runs the rest of the request on a thread that may block, for a route not marked fast.
        // Empty: everything runs on the calling thread.
        std::function<void(std::function<void()>)> offload;
        // Called once, when the answer is in the response, on whichever thread finished it.
        std::function<void()> done;
    };

    // Serves one request whose header (and body, for a buffering front) has been read: request id,
    // routing, access, the handler, error mapping, the access log line and the metrics, then
    // front.done(). May return before the answer is complete (offloaded or deferred).
    void dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, Front front) const;

    struct Route
    {
        std::string method;
        std::vector<std::string> segments; // "{name}" segments match any one segment
        Handler handler;
        RouteAccess access;
        // Answers without blocking on the disk or the network, apart from local SQLite reads:
        // it defers its durable write (Exchange::later). An event-driven front on SQLite runs it
        // on its I/O thread instead of handing it to a worker.
        bool fast = false;
    };

    struct Match
    {
        const Route* route = nullptr;
        PathParams params;
        std::vector<std::string> allowedMethods; // when the path matched but not the method
    };

    // segments: the decoded path split at '/', without the leading empty one.
    Match match(const std::string& method, const std::vector<std::string>& segments) const;

    std::size_t maxBodyBytes() const { return m_maxBodyBytes; }

    // The route table, e.g. for a test that compares it with docs/openapi.yaml.
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
    std::size_t m_maxBodyBytes;
    Authenticator* m_authenticator = nullptr;
    TrustedProxies m_trustedProxies;
    HttpMetrics* m_metrics = nullptr;
};

} // namespace citycode::server

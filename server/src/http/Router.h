#pragma once

#include "http/Exchange.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>
#include <string>
#include <vector>

namespace citycode::server {

// The route table: method + path pattern -> handler, and Poco's handler factory. Patterns are
// strict ("/api/platforms/{id}" matches "/api/platforms/7", not "/api/platforms/7/"); an unknown
// path is answered 404 and a known path with another method 405 with an Allow header (Poco itself
// would answer 501). Every request gets a random id (the X-Request-Id header, every log line),
// its exceptions go through ErrorMapper, and one JSON line per request goes to the access log
// (logger "citycode.access"): time, requestId, method, path, status, durationMs, remote. Never
// the query or the body, which may hold personal data.
// Routes are added before the server starts; afterwards the table is read-only and shared by
// all worker threads.
class Router : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    using Handler = std::function<void(Exchange&)>;

    // maxBodyBytes: the limit of Exchange::readBody().
    explicit Router(std::size_t maxBodyBytes);

    void add(const std::string& method, const std::string& pattern, Handler handler);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

    struct Route
    {
        std::string method;
        std::vector<std::string> segments; // "{name}" segments match any one segment
        Handler handler;
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

private:
    std::vector<Route> m_routes;
    std::size_t m_maxBodyBytes;
};

} // namespace citycode::server

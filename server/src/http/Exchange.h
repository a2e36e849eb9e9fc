#pragma once

#include "services/Principal.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace citycode::server {

using PathParams = std::map<std::string, std::string>;

// One request and its response as a handler sees them: the request id, the decoded path and
// its parameters, a size-limited body reader and JSON answers. Created by the Router for each
// request; used by one thread.
class Exchange
{
public:
    Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, std::string requestId,
             std::string path, PathParams pathParams, std::size_t maxBodyBytes);

    Poco::Net::HTTPServerRequest& request() { return m_request; }
    Poco::Net::HTTPServerResponse& response() { return m_response; }
    const std::string& requestId() const { return m_requestId; }
    // The percent-decoded path without the query, e.g. "/health".
    const std::string& path() const { return m_path; }
    // The client's IP address ("203.0.113.7"): the TCP peer, or the address a trusted reverse proxy
    // names in X-Forwarded-For (server.trusted_proxies). Use this, never the raw header or peer.
    const std::string& remoteAddress() const { return m_remoteAddress; }
    void setRemoteAddress(std::string address) { m_remoteAddress = std::move(address); }
    // The value of a "{name}" segment of the matched route, or an empty string.
    std::string pathParam(const std::string& name) const;

    // Reads the whole request body, at most server.max_body_bytes (or `limit`) bytes. Throws
    // citycode::common::Error("PAYLOAD_TOO_LARGE") -> 413 when Content-Length announces more or
    // the (chunked) body turns out longer; the connection is then closed after the answer.
    std::string readBody();
    std::string readBody(std::size_t limit);

    // Sends `body` as the whole response with `status`. A body the handler did not read closes
    // the connection afterwards (it cannot be told apart from the next request otherwise).
    void sendJson(Poco::Net::HTTPResponse::HTTPStatus status, const Poco::JSON::Object& body);
    // The same for a body already written as JSON text.
    void sendJsonText(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& json);

    // Sends `body` as the whole response (e.g. a CSV export) with `status` and `contentType`.
    void sendText(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& contentType, const std::string& body);

    bool responseSent() const;

    // Answering later, for a handler that waits for work done elsewhere (the open API's group
    // commit) without holding a thread meanwhile. The handler calls later() and returns without
    // sending; whoever finishes the work calls the returned Resume exactly once, from any thread,
    // with a task. The task then runs on the thread that serves the connection, with the same
    // error mapping as the handler, and sends the answer; then the request is logged and counted.
    // A handler must not throw after later() (it would be answered at once and the task dropped).
    using Task = std::function<void(Exchange&)>;
    using Resume = std::function<void(Task)>;
    Resume later();
    bool deferred() const { return m_deferred; }
    // Set by the Router: how later() reaches the request's front.
    void setDeferrer(std::function<Resume()> deferrer) { m_deferrer = std::move(deferrer); }

    // The signed-in caller, set by the Router for every non-public route. Throws
    // citycode::common::Error("UNAUTHENTICATED") on a public route.
    const Principal& principal() const;
    void setPrincipal(Principal principal) { m_principal = std::move(principal); }

private:
    bool requestHasBody() const;
    [[noreturn]] void refuseLargeBody(std::size_t limit);

    Poco::Net::HTTPServerRequest& m_request;
    Poco::Net::HTTPServerResponse& m_response;
    std::string m_requestId;
    std::string m_path;
    PathParams m_pathParams;
    std::size_t m_maxBodyBytes;
    bool m_bodyConsumed = false;
    std::string m_remoteAddress;
    std::optional<Principal> m_principal;
    std::function<Resume()> m_deferrer;
    bool m_deferred = false;
};

} // namespace citycode::server

#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <cstddef>
#include <map>
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

    bool responseSent() const;

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
};

} // namespace citycode::server

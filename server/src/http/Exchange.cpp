#include "http/Exchange.h"

#include "citycode/common/Error.h"
#include "http/JsonText.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <algorithm>

namespace citycode::server {

namespace {

// How much of a refused body is still read and thrown away before answering 413. A client that
// is still sending when the server closes gets a TCP reset instead of the answer; reading a
// moderate excess lets ordinary clients see the 413, and the cap bounds the waste.
constexpr std::size_t kDiscardLimit = 64 * 1024;

} // namespace

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   std::string requestId, std::string path, PathParams pathParams, std::size_t maxBodyBytes)
    : m_request(request), m_response(response), m_requestId(std::move(requestId)), m_path(std::move(path)),
      m_pathParams(std::move(pathParams)), m_maxBodyBytes(maxBodyBytes)
{
}

std::string Exchange::pathParam(const std::string& name) const
{
    const auto it = m_pathParams.find(name);
    return it == m_pathParams.end() ? std::string() : it->second;
}

bool Exchange::requestHasBody() const
{
    return m_request.getChunkedTransferEncoding() ||
           (m_request.hasContentLength() && m_request.getContentLength64() > 0);
}

std::string Exchange::readBody()
{
    return readBody(m_maxBodyBytes);
}

std::string Exchange::readBody(std::size_t limit)
{
    // RFC 9112 §6.3: a request with neither Content-Length nor chunked encoding has no body.
    // (Poco would read such a body until the connection closes.)
    if (!requestHasBody()) {
        m_bodyConsumed = true;
        return {};
    }
    if (m_request.hasContentLength() && static_cast<Poco::UInt64>(m_request.getContentLength64()) > limit)
        refuseLargeBody(limit);
    std::string body;
    std::istream& in = m_request.stream();
    char buffer[8192];
    while (in) {
        const std::size_t want = std::min(sizeof buffer, limit + 1 - body.size());
        in.read(buffer, static_cast<std::streamsize>(want));
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > limit)
            refuseLargeBody(limit);
    }
    // The stream swallows the exceptions of a malformed chunk, a timeout or a reset (badbit), and
    // a connection closed early just ends it: either way the body is not what the client meant.
    if (in.bad() ||
        (m_request.hasContentLength() && body.size() != static_cast<std::size_t>(m_request.getContentLength64()))) {
        m_response.setKeepAlive(false);
        throw common::Error("BAD_REQUEST", "the request body is malformed or incomplete");
    }
    m_bodyConsumed = true;
    return body;
}

void Exchange::refuseLargeBody(std::size_t limit)
{
    std::istream& in = m_request.stream();
    in.ignore(static_cast<std::streamsize>(kDiscardLimit));
    m_bodyConsumed = in.eof();
    throw common::Error("PAYLOAD_TOO_LARGE", "the request body is larger than " + std::to_string(limit) + " bytes");
}

void Exchange::sendJson(Poco::Net::HTTPResponse::HTTPStatus status, const Poco::JSON::Object& body)
{
    sendJsonText(status, JsonText::of(body));
}

void Exchange::sendJsonText(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& payload)
{
    if (!m_bodyConsumed && requestHasBody())
        m_response.setKeepAlive(false);
    m_response.setStatusAndReason(status);
    m_response.setContentType("application/json; charset=utf-8");
    m_response.setContentLength64(static_cast<Poco::Int64>(payload.size()));
    // API answers are per user and per moment: never cached, never sniffed as HTML.
    m_response.set("Cache-Control", "no-store");
    m_response.set("X-Content-Type-Options", "nosniff");
    m_response.sendBuffer(payload.data(), payload.size());
}

void Exchange::sendText(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& contentType,
                        const std::string& body)
{
    if (!m_bodyConsumed && requestHasBody())
        m_response.setKeepAlive(false);
    m_response.setStatusAndReason(status);
    m_response.setContentType(contentType);
    m_response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    m_response.set("Cache-Control", "no-store");
    m_response.set("X-Content-Type-Options", "nosniff");
    m_response.sendBuffer(body.data(), body.size());
}

const Principal& Exchange::principal() const
{
    if (!m_principal)
        throw common::Error("UNAUTHENTICATED", "sign in first");
    return *m_principal;
}

Exchange::Resume Exchange::later()
{
    if (!m_deferrer || m_deferred)
        throw common::Error("INTERNAL_ERROR", "this request cannot be answered later");
    m_deferred = true;
    return m_deferrer();
}

bool Exchange::responseSent() const
{
    return m_response.sent();
}

} // namespace citycode::server

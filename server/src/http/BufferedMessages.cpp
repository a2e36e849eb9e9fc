#include "http/BufferedMessages.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

namespace citycode::server {

BufferedRequest::BufferedRequest(BufferedResponse& response, const Poco::Net::SocketAddress& client,
                                 const Poco::Net::SocketAddress& server, const Poco::Net::HTTPServerParams& params)
    : m_response(response), m_client(client), m_server(server), m_params(params)
{
}

void BufferedRequest::setBody(std::string body, bool malformed)
{
    m_body = std::move(body);
    m_malformed = malformed;
    m_stream.reset();
}

std::istream& BufferedRequest::stream()
{
    if (!m_stream) {
        m_stream = std::make_unique<Poco::MemoryInputStream>(m_body.data(), m_body.size());
        if (m_malformed)
            m_stream->setstate(std::ios::badbit);
    }
    return *m_stream;
}

Poco::Net::HTTPServerResponse& BufferedRequest::response() const
{
    return m_response;
}

BufferedResponse::Appender::int_type BufferedResponse::Appender::overflow(int_type c)
{
    if (!traits_type::eq_int_type(c, traits_type::eof()))
        m_target.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
}

std::streamsize BufferedResponse::Appender::xsputn(const char* data, std::streamsize count)
{
    m_target.append(data, static_cast<std::size_t>(count));
    return count;
}

bool BufferedResponse::headOnly() const
{
    return m_request && m_request->getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD;
}

void BufferedResponse::writeHead()
{
    if (m_sent)
        throw Poco::IllegalStateException("the response has been sent already");
    m_sent = true;
    // What HTTPResponse::write puts on a stream (status line, the fields in order, the empty line),
    // appended directly: a stream per answer cost more than the rest of writing it.
    m_wire.reserve(m_wire.size() + 256);
    m_wire += getVersion();
    m_wire += ' ';
    m_wire += std::to_string(static_cast<int>(getStatus()));
    m_wire += ' ';
    m_wire += getReason();
    m_wire += "\r\n";
    for (const auto& [name, value] : *this) {
        m_wire += name;
        m_wire += ": ";
        m_wire += value;
        m_wire += "\r\n";
    }
    m_wire += "\r\n";
}

std::ostream& BufferedResponse::send()
{
    writeHead();
    m_appender = std::make_unique<Appender>(m_wire);
    m_stream = std::make_unique<std::ostream>(m_appender.get());
    if (headOnly()) {
        m_stream->setstate(std::ios::badbit); // nothing after the header of an answer to HEAD
    }
    return *m_stream;
}

void BufferedResponse::sendFile(const std::string&, const std::string&)
{
    throw Poco::NotImplementedException("files are not served by this front");
}

void BufferedResponse::sendBuffer(const void* buffer, std::size_t length)
{
    setContentLength64(static_cast<Poco::Int64>(length));
    setChunkedTransferEncoding(false);
    writeHead();
    if (!headOnly())
        m_wire.append(static_cast<const char*>(buffer), length);
}

void BufferedResponse::redirect(const std::string& uri, HTTPStatus status)
{
    setContentLength(0);
    setChunkedTransferEncoding(false);
    setStatusAndReason(status);
    set("Location", uri);
    writeHead();
}

void BufferedResponse::requireAuthentication(const std::string& realm)
{
    setStatusAndReason(HTTP_UNAUTHORIZED);
    set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    setContentLength(0);
    writeHead();
}

} // namespace citycode::server

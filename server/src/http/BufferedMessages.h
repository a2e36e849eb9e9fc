#pragma once

#include <Poco/MemoryStream.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SocketAddress.h>

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace citycode::server {

class BufferedResponse;

// A request whose header and whole body were read by EventHttpServer before it is handled:
// Poco's request interface over memory, so the Router and every handler serve it unchanged.
// The body is at most the router's limit plus one byte (Exchange::readBody then answers 413).
class BufferedRequest : public Poco::Net::HTTPServerRequest
{
public:
    BufferedRequest(BufferedResponse& response, const Poco::Net::SocketAddress& client,
                    const Poco::Net::SocketAddress& server, const Poco::Net::HTTPServerParams& params);

    // The body as read; `malformed`: a chunked body that broke off or was badly framed, which
    // the body stream reports as a failed read (Exchange::readBody answers 400).
    void setBody(std::string body, bool malformed);

    std::istream& stream() override;
    const Poco::Net::SocketAddress& clientAddress() const override { return m_client; }
    const Poco::Net::SocketAddress& serverAddress() const override { return m_server; }
    const Poco::Net::HTTPServerParams& serverParams() const override { return m_params; }
    Poco::Net::HTTPServerResponse& response() const override;
    bool secure() const override { return false; }

private:
    BufferedResponse& m_response;
    Poco::Net::SocketAddress m_client;
    Poco::Net::SocketAddress m_server;
    const Poco::Net::HTTPServerParams& m_params;
    std::string m_body;
    bool m_malformed = false;
    std::unique_ptr<Poco::MemoryInputStream> m_stream; // made when first read
};

// The response to a BufferedRequest, written into memory (status line, header, body) for the
// front to send. No files, no streaming: every CityCode answer is one buffer.
class BufferedResponse : public Poco::Net::HTTPServerResponse
{
public:
    BufferedResponse() = default;

    void setRequest(const BufferedRequest* request) { m_request = request; }

    void sendContinue() override {} // the front has answered 100 Continue before reading the body
    std::ostream& send() override;
    void sendFile(const std::string& path, const std::string& mediaType) override;
    void sendBuffer(const void* buffer, std::size_t length) override;
    void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
    void requireAuthentication(const std::string& realm) override;
    bool sent() const override { return m_sent; }

    // What to write to the socket.
    std::string& wire() { return m_wire; }

private:
    // Appends what is written to the wire buffer.
    class Appender : public std::streambuf
    {
    public:
        explicit Appender(std::string& target) : m_target(target) {}

    protected:
        int_type overflow(int_type c) override;
        std::streamsize xsputn(const char* data, std::streamsize count) override;

    private:
        std::string& m_target;
    };

    void writeHead();
    bool headOnly() const;

    const BufferedRequest* m_request = nullptr;
    std::string m_wire;
    bool m_sent = false;
    std::unique_ptr<Appender> m_appender;
    std::unique_ptr<std::ostream> m_stream;
};

} // namespace citycode::server

#pragma once

// A small signing client of the open API for the server tests (docs/open-api.md): signs each
// request as an app (HMAC-SHA256 with the developer secret) or as a scanner terminal (its private
// key), and reads the {"Response": {"Data", "Error", "RequestId"}} envelope. sign() is separate
// from send() so that a test can tamper with a signed request (change the body, replay it, move
// the timestamp, claim another terminal).
#include "ServerProcess.h"
#include "citycode/common/Crypto.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>

namespace citycode::test {

class OpenApiClient
{
public:
    static OpenApiClient app(int port, std::string appCode, std::string secret);
    static OpenApiClient terminal(int port, std::string terminalCode, common::PrivateKey key);
    // A terminal signing with a session key (docs/open-api.md "Terminal sessions").
    static OpenApiClient session(int port, std::string terminalCode, std::string sessionId, common::Bytes key);
    // Opens a session with this terminal client's registered key (the X25519 exchange, unwrapping
    // the session key) and returns a client that signs with it. Throws std::runtime_error with
    // the server's answer when it refuses.
    OpenApiClient openSession() const;
    const std::string& sessionId() const { return m_sessionId; }

    // The signature headers of one request. timestamp: Unix seconds (default: now); nonce:
    // default a fresh random one.
    HeaderList sign(const std::string& path, const std::string& body, std::optional<std::int64_t> timestamp = {},
                    const std::string& nonce = {}) const;
    // Signs and sends POST path with a JSON body.
    HttpResponse post(const std::string& path, const Poco::JSON::Object& body) const;
    HttpResponse post(const std::string& path, const std::string& body) const;
    // Sends with the given headers (from sign(), possibly altered).
    HttpResponse send(const std::string& path, const std::string& body, const HeaderList& headers) const;

    const std::string& appCode() const { return m_id; }
    int port() const { return m_port; }

    static std::string json(const Poco::JSON::Object& object);
    static std::string freshNonce();
    // The "Response" object; throws std::runtime_error for a body that is not the envelope.
    static Poco::JSON::Object::Ptr response(const HttpResponse& answer);
    static Poco::JSON::Object::Ptr data(const HttpResponse& answer);
    // Error.Code: "0" for success.
    static std::string errorCode(const HttpResponse& answer);

private:
    OpenApiClient(int port, bool terminal, std::string id, std::string secret, std::optional<common::PrivateKey> key);

    int m_port;
    bool m_terminal;
    std::string m_id;
    std::string m_secret;
    std::optional<common::PrivateKey> m_key;
    std::string m_sessionId;    // terminal sessions only
    common::Bytes m_sessionKey; // terminal sessions only
};

} // namespace citycode::test

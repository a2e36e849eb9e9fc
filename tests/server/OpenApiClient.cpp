#include "OpenApiClient.h"

#include "citycode/common/Bytes.h"
#include "citycode/common/TerminalSession.h"

#include <Poco/JSON/Parser.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace citycode::test {

namespace {

// The canonical text of docs/open-api.md, written out here independently of the server's code.
std::string canonical(const char* scheme, const std::string& path, const std::string& caller,
                      const std::string& timestamp, const std::string& nonce, const std::string& body)
{
    return std::string(scheme) + "\nPOST\n" + path + "\n" + caller + "\n" + timestamp + "\n" + nonce + "\n" +
           common::toHex(common::sha256(common::toBytes(body)));
}

} // namespace

OpenApiClient::OpenApiClient(int port, bool terminal, std::string id, std::string secret,
                             std::optional<common::PrivateKey> key)
    : m_port(port), m_terminal(terminal), m_id(std::move(id)), m_secret(std::move(secret)), m_key(std::move(key))
{
}

OpenApiClient OpenApiClient::app(int port, std::string appCode, std::string secret)
{
    return OpenApiClient(port, false, std::move(appCode), std::move(secret), std::nullopt);
}

OpenApiClient OpenApiClient::terminal(int port, std::string terminalCode, common::PrivateKey key)
{
    return OpenApiClient(port, true, std::move(terminalCode), {}, std::move(key));
}

OpenApiClient OpenApiClient::session(int port, std::string terminalCode, std::string sessionId, common::Bytes key)
{
    OpenApiClient client(port, true, std::move(terminalCode), {}, std::nullopt);
    client.m_sessionId = std::move(sessionId);
    client.m_sessionKey = std::move(key);
    return client;
}

OpenApiClient OpenApiClient::openSession() const
{
    const common::EphemeralKey ephemeral = common::EphemeralKey::generate();
    Poco::JSON::Object body;
    body.set("ephemeralKey", common::toBase64(ephemeral.publicKey()));
    const HttpResponse answer = post("/api/v1/terminal/session", body);
    if (answer.status != 200 || errorCode(answer) != "0")
        throw std::runtime_error("the server refused the session: " + answer.body);
    const Poco::JSON::Object::Ptr granted = data(answer);
    const std::string sessionId = granted->getValue<std::string>("sessionId");
    const common::Bytes shared = ephemeral.agree(common::fromBase64(granted->getValue<std::string>("serverKey")));
    return session(
        m_port, m_id, sessionId,
        common::unwrapSessionKey(shared, sessionId, common::fromBase64(granted->getValue<std::string>("wrappedKey"))));
}

std::string OpenApiClient::freshNonce()
{
    return common::toHex(common::randomBytes(16));
}

HeaderList OpenApiClient::sign(const std::string& path, const std::string& body, std::optional<std::int64_t> timestamp,
                               const std::string& nonce) const
{
    const std::int64_t seconds =
        timestamp
            ? *timestamp
            : std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
    const std::string time = std::to_string(seconds);
    const std::string n = nonce.empty() ? freshNonce() : nonce;
    HeaderList headers{{"Content-Type", "application/json"}, {"X-CityCode-Timestamp", time}, {"X-CityCode-Nonce", n}};
    if (m_terminal && !m_sessionId.empty()) {
        const std::string text = canonical("CITYCODE-TERMINAL-SESSION-V1", path, m_id, time, n, body);
        headers.emplace_back("X-CityCode-Terminal", m_id);
        headers.emplace_back("X-CityCode-Session", m_sessionId);
        headers.emplace_back("X-CityCode-Signature", common::toHex(common::mac(common::CodeAlg::HmacSha256,
                                                                               m_sessionKey, common::toBytes(text))));
    } else if (m_terminal) {
        const std::string text = canonical("CITYCODE-TERMINAL-V1", path, m_id, time, n, body);
        headers.emplace_back("X-CityCode-Terminal", m_id);
        headers.emplace_back("X-CityCode-Key-Id", common::toHex(m_key->publicKey().keyId()));
        headers.emplace_back("X-CityCode-Signature", common::toBase64(m_key->sign(common::toBytes(text))));
    } else {
        const std::string text = canonical("CITYCODE-APP-V1", path, m_id, time, n, body);
        headers.emplace_back("X-CityCode-App", m_id);
        headers.emplace_back(
            "X-CityCode-Signature",
            common::toHex(common::mac(common::CodeAlg::HmacSha256, common::toBytes(m_secret), common::toBytes(text))));
    }
    return headers;
}

HttpResponse OpenApiClient::send(const std::string& path, const std::string& body, const HeaderList& headers) const
{
    return httpRequest(m_port, "POST", path, body, headers);
}

HttpResponse OpenApiClient::post(const std::string& path, const std::string& body) const
{
    return send(path, body, sign(path, body));
}

HttpResponse OpenApiClient::post(const std::string& path, const Poco::JSON::Object& body) const
{
    return post(path, json(body));
}

std::string OpenApiClient::json(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

Poco::JSON::Object::Ptr OpenApiClient::response(const HttpResponse& answer)
{
    Poco::JSON::Object::Ptr body;
    try {
        body = Poco::JSON::Parser().parse(answer.body).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) { // Poco::Exception too: not JSON, reported below
    }
    if (!body || !body->getObject("Response"))
        throw std::runtime_error("not an open API envelope (HTTP " + std::to_string(answer.status) +
                                 "): " + answer.body);
    return body->getObject("Response");
}

Poco::JSON::Object::Ptr OpenApiClient::data(const HttpResponse& answer)
{
    Poco::JSON::Object::Ptr data = response(answer)->getObject("Data");
    return data ? data : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
}

std::string OpenApiClient::errorCode(const HttpResponse& answer)
{
    return response(answer)->getObject("Error")->getValue<std::string>("Code");
}

} // namespace citycode::test

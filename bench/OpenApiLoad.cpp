// The load generator of bench/wrk.sh: prepares a running citycode-server for the open API
// figures (QUALITY.md "Figures": show and verify) through its admin API, then writes files of
// pre-signed requests that bench/openapi.lua replays with wrk, each request once. Nonces and
// codes are single-use, so every request must be distinct and validly signed: an app request
// carries the app's HMAC-SHA256, a terminal request the terminal's ECDSA P-256 signature (the
// fastest of the three terminal algorithms to verify), over the canonical text of
// docs/open-api.md, built by the server's own CallerAuthenticator::canonical. The codes that
// decode requests carry are real: issued by the server's show API before the files are written.
//
// Usage: citycode-bench-openapi-load PORT OUTDIR SHOWS CODES
//   (environment CITYCODE_ADMIN_PASSWORD: the server's initial administrator password)
// Writes OUTDIR/show.txt (SHOWS show requests), OUTDIR/show-png.txt (SHOWS show requests asking
// for the PNG, codeContentType byte_base64), OUTDIR/decode-terminal.txt,
// OUTDIR/decode-terminal-key.txt and OUTDIR/decode-app.txt (CODES decode requests each, with
// fresh codes, signed by the terminal with a session key — docs/open-api.md "Terminal sessions",
// the way a scanning terminal works all day —, by the terminal with its registered key on every
// request, and by the scanning app). One request a line: path, headers ("Name: value") and body, separated
// by tabs (none of them holds a tab or a line break).
#include "citycode/common/Bytes.h"
#include "citycode/common/Crypto.h"
#include "citycode/common/TerminalSession.h"
#include "services/CallerAuthenticator.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using citycode::server::CallerAuthenticator;
namespace common = citycode::common;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr char kAdmin[] = "admin";
constexpr char kPassword[] = "Bench-Password-2026!";
constexpr int kIssueThreads = 32;

struct Answer
{
    int status = 0;
    std::string body;
};

std::string json(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

Poco::JSON::Object::Ptr parse(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

Answer send(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
            const Headers& headers, const std::string& body)
{
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers)
        request.set(name, value);
    if (!body.empty() || method == "POST" || method == "PUT") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Answer answer;
    answer.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, answer.body);
    return answer;
}

// Signs open API requests as one app (HMAC-SHA256 with its secret) or one terminal (its key).
class Signer
{
public:
    static Signer app(std::string code, std::string secret)
    {
        Signer signer;
        signer.m_caller = std::move(code);
        signer.m_secret = std::move(secret);
        return signer;
    }
    static Signer terminal(std::string code, const common::PrivateKey& key)
    {
        Signer signer;
        signer.m_caller = std::move(code);
        signer.m_key = &key;
        signer.m_keyId = common::toHex(key.publicKey().keyId());
        return signer;
    }
    static Signer session(std::string code, std::string sessionId, common::Bytes key)
    {
        Signer signer;
        signer.m_caller = std::move(code);
        signer.m_sessionId = std::move(sessionId);
        signer.m_sessionKey = std::move(key);
        return signer;
    }

    Headers sign(const std::string& path, const std::string& body) const
    {
        const std::string timestamp = std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count());
        const std::string nonce = common::toHex(common::randomBytes(16));
        Headers headers{{"X-CityCode-Timestamp", timestamp}, {"X-CityCode-Nonce", nonce}};
        if (!m_sessionId.empty()) {
            const std::string text = CallerAuthenticator::canonical(CallerAuthenticator::kTerminalSessionScheme, "POST",
                                                                    path, m_caller, timestamp, nonce, body);
            headers.emplace_back("X-CityCode-Terminal", m_caller);
            headers.emplace_back("X-CityCode-Session", m_sessionId);
            headers.emplace_back(
                "X-CityCode-Signature",
                common::toHex(common::mac(common::CodeAlg::HmacSha256, m_sessionKey, common::toBytes(text))));
        } else if (m_key) {
            const std::string text = CallerAuthenticator::canonical(CallerAuthenticator::kTerminalScheme, "POST", path,
                                                                    m_caller, timestamp, nonce, body);
            headers.emplace_back("X-CityCode-Terminal", m_caller);
            headers.emplace_back("X-CityCode-Key-Id", m_keyId);
            headers.emplace_back("X-CityCode-Signature", common::toBase64(m_key->sign(common::toBytes(text))));
        } else {
            const std::string text = CallerAuthenticator::canonical(CallerAuthenticator::kAppScheme, "POST", path,
                                                                    m_caller, timestamp, nonce, body);
            headers.emplace_back("X-CityCode-App", m_caller);
            headers.emplace_back("X-CityCode-Signature",
                                 common::toHex(common::mac(common::CodeAlg::HmacSha256, common::toBytes(m_secret),
                                                           common::toBytes(text))));
        }
        return headers;
    }

private:
    std::string m_caller;
    std::string m_secret;
    const common::PrivateKey* m_key = nullptr;
    std::string m_keyId;
    std::string m_sessionId;
    common::Bytes m_sessionKey;
};

// Opens a terminal session with the terminal's registered key (docs/open-api.md).
Signer openSession(int port, const Signer& terminal, const std::string& terminalCode)
{
    const common::EphemeralKey ephemeral = common::EphemeralKey::generate();
    Poco::JSON::Object input;
    input.set("ephemeralKey", common::toBase64(ephemeral.publicKey()));
    const std::string path = "/api/v1/terminal/session";
    const std::string body = json(input);
    Poco::Net::HTTPClientSession http("127.0.0.1", static_cast<Poco::UInt16>(port));
    const Answer answer = send(http, "POST", path, terminal.sign(path, body), body);
    if (answer.status != 200)
        throw std::runtime_error("the terminal session was refused: " + answer.body);
    const auto data = parse(answer.body)->getObject("Response")->getObject("Data");
    const std::string sessionId = data->getValue<std::string>("sessionId");
    const common::Bytes shared = ephemeral.agree(common::fromBase64(data->getValue<std::string>("serverKey")));
    return Signer::session(
        terminalCode, sessionId,
        common::unwrapSessionKey(shared, sessionId, common::fromBase64(data->getValue<std::string>("wrappedKey"))));
}

// The admin API of one server, signed in as the first administrator.
class Admin
{
public:
    explicit Admin(int port) : m_session("127.0.0.1", static_cast<Poco::UInt16>(port))
    {
        const char* initial = std::getenv("CITYCODE_ADMIN_PASSWORD");
        if (!initial || !*initial)
            throw std::runtime_error("set CITYCODE_ADMIN_PASSWORD to the server's initial administrator password");
        Poco::JSON::Object login;
        login.set("username", kAdmin);
        login.set("password", initial);
        Answer answer = send(m_session, "POST", "/admin/v1/auth/login", {}, json(login));
        if (answer.status != 200)
            throw std::runtime_error("admin login failed: " + answer.body);
        m_token = parse(answer.body)->getValue<std::string>("token");
        Poco::JSON::Object change;
        change.set("oldPassword", initial);
        change.set("newPassword", kPassword);
        call("POST", "/admin/v1/auth/password", json(change), 200);
    }

    Poco::JSON::Object::Ptr call(const std::string& method, const std::string& path, const std::string& body,
                                 int expected)
    {
        const Answer answer = send(m_session, method, path, {{"Authorization", "Bearer " + m_token}}, body);
        if (answer.status != expected)
            throw std::runtime_error(method + " " + path + " answered " + std::to_string(answer.status) + ": " +
                                     answer.body);
        return answer.body.empty() ? nullptr : parse(answer.body);
    }

private:
    Poco::Net::HTTPClientSession m_session;
    std::string m_token;
};

struct Fixtures
{
    std::string appCode;
    std::string appSecret;
    std::string ruleId;
    std::string userId;
    std::string terminalCode = "BENCH-GATE-1";
};

// 002 §7-9 through the admin API: app, spec, rule (published, pushed, linked), permissions, a
// terminal with a P-256 key generated here, and one user opened through the open API.
Fixtures prepare(int port, const common::PrivateKey& terminalKey)
{
    Admin admin(port);
    Fixtures fixtures;
    Poco::JSON::Object app;
    app.set("name", "Bench app");
    app.set("organisation", "Bench organisation");
    app.set("developerName", "Bench developer");
    const auto created = admin.call("POST", "/admin/v1/apps", json(app), 201);
    const Poco::Int64 appId = created->getObject("app")->getValue<Poco::Int64>("id");
    const Poco::Int64 platformId = created->getObject("app")->getValue<Poco::Int64>("platformId");
    fixtures.appCode = created->getObject("app")->getValue<std::string>("appCode");
    fixtures.appSecret = created->getValue<std::string>("appSecret");

    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
    for (const char* name : {"name", "certNo"}) {
        Poco::JSON::Object::Ptr field = new Poco::JSON::Object;
        field->set("name", name);
        field->set("type", "string");
        field->set("length", 64);
        fields->add(field);
    }
    Poco::JSON::Object spec;
    spec.set("name", "Bench spec");
    spec.set("fields", fields);
    const Poco::Int64 specId = admin.call("POST", "/admin/v1/code-specs", json(spec), 201)->getValue<Poco::Int64>("id");

    Poco::JSON::Object::Ptr basic = new Poco::JSON::Object;
    basic->set("name", "Bench personal code");
    basic->set("form", "dynamic");
    basic->set("codeType", "personal");
    basic->set("platformId", platformId);
    Poco::JSON::Object::Ptr function = new Poco::JSON::Object;
    function->set("validitySeconds", 3600); // the codes issued before the decode run stay valid
    Poco::JSON::Object::Ptr specStep = new Poco::JSON::Object;
    specStep->set("specId", specId);
    Poco::JSON::Object rule;
    rule.set("basic", basic);
    rule.set("function", function);
    rule.set("spec", specStep);
    const Poco::Int64 ruleId = admin.call("POST", "/admin/v1/code-rules", json(rule), 201)->getValue<Poco::Int64>("id");
    fixtures.ruleId = std::to_string(ruleId);
    admin.call("POST", "/admin/v1/code-rules/" + fixtures.ruleId + "/publish", "", 200);
    admin.call("POST", "/admin/v1/code-rules/" + fixtures.ruleId + "/push", "", 200);
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    ids->add(ruleId);
    Poco::JSON::Object link;
    link.set("ruleIds", ids);
    admin.call("POST", "/admin/v1/apps/" + std::to_string(appId) + "/code-rules", json(link), 200);
    Poco::JSON::Object permissions;
    permissions.set("generate", true);
    permissions.set("scan", true);
    admin.call("PUT", "/admin/v1/apps/" + std::to_string(appId) + "/permissions", json(permissions), 200);

    Poco::JSON::Object terminal;
    terminal.set("terminalCode", fixtures.terminalCode);
    terminal.set("name", "Bench gate");
    terminal.set("location", "Bench hall");
    terminal.set("publicKeyPem", terminalKey.publicKey().toPem());
    terminal.set("platformId", platformId);
    admin.call("POST", "/admin/v1/terminals", json(terminal), 201);

    // One user (a made-up person with a valid GB 11643 check character), opened by the app.
    Poco::JSON::Object ext;
    ext.set("name", "张三丰");
    ext.set("certNo", "11010119900307803X");
    ext.set("mobile", "13800000001");
    Poco::JSON::Object open;
    open.set("cityCodeAppId", fixtures.appCode);
    open.set("codeDefId", fixtures.ruleId);
    open.set("userExt", common::toBase64(common::toBytes(json(ext))));
    const std::string path = "/api/openPersonalCode";
    const std::string body = json(open);
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    const Answer answer =
        send(session, "POST", path, Signer::app(fixtures.appCode, fixtures.appSecret).sign(path, body), body);
    if (answer.status != 200)
        throw std::runtime_error("open answered " + std::to_string(answer.status) + ": " + answer.body);
    fixtures.userId = parse(answer.body)->getObject("Response")->getObject("Data")->getValue<std::string>("userId");
    return fixtures;
}

std::string showBody(const Fixtures& fixtures, bool png)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("cityCodeAppId", fixtures.appCode);
    body.set("codeDefId", fixtures.ruleId);
    body.set("userId", fixtures.userId);
    body.set("collectInfo", "26.0745,119.2965");
    if (png)
        body.set("codeContentType", "byte_base64");
    return json(body);
}

std::string decodeBody(const std::string& codeContent, std::size_t n)
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("acceptOrgId", "BENCH-ORG");
    body.set("acceptOrgName", "Bench hall");
    body.set("terminalNo", "BENCH-GATE-1");
    body.set("codeContent", codeContent);
    body.set("bizExtInfo", "bench-" + std::to_string(n));
    return json(body);
}

void writeLine(std::ostream& out, const std::string& path, const Headers& headers, const std::string& body)
{
    out << path;
    for (const auto& [name, value] : headers)
        out << '\t' << name << ": " << value;
    out << '\t' << body << '\n';
}

void writeRequests(const std::string& file, const std::string& path, std::size_t count,
                   const std::function<std::string(std::size_t)>& body, const Signer& signer)
{
    std::ofstream out(file);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string text = body(i);
        writeLine(out, path, signer.sign(path, text), text);
    }
    if (!out)
        throw std::runtime_error("cannot write " + file);
}

// Issues `count` personal codes through the show API with kIssueThreads keep-alive connections.
std::vector<std::string> issueCodes(int port, const Fixtures& fixtures, std::size_t count)
{
    const Signer app = Signer::app(fixtures.appCode, fixtures.appSecret);
    const std::string path = "/api/showPersonalCode";
    const std::string body = showBody(fixtures, false);
    std::vector<std::string> codes(count);
    std::atomic<std::size_t> next{0};
    std::mutex failureMutex;
    std::string failure;
    std::vector<std::thread> threads;
    for (int t = 0; t < kIssueThreads; ++t) {
        threads.emplace_back([&] {
            try {
                Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
                for (std::size_t i = next++; i < count; i = next++) {
                    const Answer answer = send(session, "POST", path, app.sign(path, body), body);
                    if (answer.status != 200)
                        throw std::runtime_error("show answered " + std::to_string(answer.status) + ": " + answer.body);
                    codes[i] = parse(answer.body)
                                   ->getObject("Response")
                                   ->getObject("Data")
                                   ->getValue<std::string>("codeContent");
                }
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(failureMutex);
                failure = e.what();
                next = count;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    if (!failure.empty())
        throw std::runtime_error("issuing codes: " + failure);
    return codes;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::cerr << "usage: citycode-bench-openapi-load PORT OUTDIR SHOWS CODES\n";
        return 2;
    }
    try {
        const int port = std::stoi(argv[1]);
        const std::string dir = argv[2];
        const std::size_t shows = std::stoul(argv[3]);
        const std::size_t codeCount = std::stoul(argv[4]);
        const common::PrivateKey terminalKey = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
        const Fixtures fixtures = prepare(port, terminalKey);
        std::cerr << "fixtures: app " << fixtures.appCode << ", rule " << fixtures.ruleId << ", user "
                  << fixtures.userId << ", terminal " << fixtures.terminalCode << " (ECDSA P-256)\n";

        const auto start = std::chrono::steady_clock::now();
        const std::vector<std::string> codes = issueCodes(port, fixtures, 3 * codeCount);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "issued " << codes.size() << " codes in " << seconds << " s\n";

        const Signer app = Signer::app(fixtures.appCode, fixtures.appSecret);
        const Signer terminal = Signer::terminal(fixtures.terminalCode, terminalKey);
        const Signer session = openSession(port, terminal, fixtures.terminalCode);
        writeRequests(
            dir + "/show.txt", "/api/showPersonalCode", shows, [&](std::size_t) { return showBody(fixtures, false); },
            app);
        writeRequests(
            dir + "/show-png.txt", "/api/showPersonalCode", shows,
            [&](std::size_t) { return showBody(fixtures, true); }, app);
        writeRequests(
            dir + "/decode-terminal.txt", "/identity/decodeIdentityCode", codeCount,
            [&](std::size_t i) { return decodeBody(codes[i], i); }, session);
        writeRequests(
            dir + "/decode-terminal-key.txt", "/identity/decodeIdentityCode", codeCount,
            [&](std::size_t i) { return decodeBody(codes[2 * codeCount + i], i); }, terminal);
        writeRequests(
            dir + "/decode-app.txt", "/identity/decodeIdentityCode", codeCount,
            [&](std::size_t i) { return decodeBody(codes[codeCount + i], i); }, app);
        std::cerr << "wrote " << shows << " show, " << shows << " show-png and 3 x " << codeCount
                  << " decode requests to " << dir << "\n";
    } catch (const std::exception& e) {
        std::cerr << "citycode-bench-openapi-load: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

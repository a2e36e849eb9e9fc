// Optional TLS (issue 3): with server.tls_cert and server.tls_key the real citycode-server speaks
// HTTPS only, TLS 1.2 or newer; a missing, unreadable, corrupt or mismatched key or certificate
// stops it at start with a clear message (QUALITY.md). Certificates are made by the openssl
// command, the client is Poco's HTTPSClientSession verifying the server against that certificate.
#include "Process.h"
#include "ServerProcess.h"
#include "TempDir.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace citycode::test;

namespace {

class TestTls : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!haveProgram("openssl"))
            GTEST_SKIP() << "openssl not installed";
        makeCertificate(m_dir.file("cert.pem"), m_dir.file("key.pem"));
    }

    // A self-signed P-256 certificate for 127.0.0.1 (subjectAltName, RFC 6125 §6.2.1).
    static void makeCertificate(const std::string& cert, const std::string& key)
    {
        const ProcessResult made = runProcess(
            {"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
             key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        ASSERT_EQ(made.exitCode, 0) << made.err;
    }

    std::vector<std::string> tlsArgs(const std::string& cert, const std::string& key) const
    {
        return {"--set", "server.tls_cert=" + cert, "--set", "server.tls_key=" + key};
    }

    // GET /health over HTTPS, trusting only our certificate; status and body.
    std::pair<int, std::string> httpsGet(int port, Poco::Net::Context::Ptr context = nullptr)
    {
        if (!context)
            context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", m_dir.file("cert.pem"),
                                             Poco::Net::Context::VERIFY_STRICT);
        Poco::Net::HTTPSClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port), context);
        session.setTimeout(Poco::Timespan(5, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/health", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        return {static_cast<int>(response.getStatus()), body};
    }

    // Starts a TLS server on a free port and waits until it answers over HTTPS.
    std::unique_ptr<ServerProcess> startTlsServer()
    {
        m_port = freeLoopbackPort();
        ServerOptions options;
        options.dataDir = m_dir.file("data");
        options.listen = "127.0.0.1:" + std::to_string(m_port);
        options.args = tlsArgs(m_dir.file("cert.pem"), m_dir.file("key.pem"));
        auto server = std::make_unique<ServerProcess>(options);
        server->launch();
        for (int i = 0; i < 200; ++i) {
            if (!server->running())
                break;
            try {
                if (httpsGet(m_port).first == 200)
                    return server;
            } catch (const Poco::Exception&) {
                // not listening yet
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ADD_FAILURE() << "the TLS server did not come up\n" << server->errors();
        return server;
    }

    // Starts a server expected to refuse to start; its exit code and stderr.
    std::pair<int, std::string> failingStart(std::vector<std::string> args)
    {
        ServerProcess server(m_dir.file("data"), std::move(args));
        server.launch();
        const int code = server.waitForExit(10000);
        return {code, server.errors()};
    }

    TempDir m_dir;
    int m_port = 0;
};

} // namespace

TEST_F(TestTls, ServesHealthOverHttps)
{
    const auto server = startTlsServer();
    const auto [status, body] = httpsGet(m_port);
    EXPECT_EQ(status, 200);
    EXPECT_NE(body.find("\"status\":\"ok\""), std::string::npos) << body;
    EXPECT_NE(server->output().find("https://127.0.0.1:" + std::to_string(m_port)), std::string::npos)
        << server->output();
}

TEST_F(TestTls, OpensslClientNegotiatesTls12AndTls13)
{
    const auto server = startTlsServer();
    for (const char* version : {"-tls1_2", "-tls1_3"}) {
        SCOPED_TRACE(version);
        const ProcessResult result =
            runProcess({"openssl", "s_client", "-connect", "127.0.0.1:" + std::to_string(m_port), version, "-CAfile",
                        m_dir.file("cert.pem"), "-verify_return_error", "-quiet"},
                       "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        EXPECT_NE(result.out.find("HTTP/1.1 200"), std::string::npos) << result.out << result.err;
    }
}

TEST_F(TestTls, RefusesTls11)
{
    const auto server = startTlsServer();
    // SECLEVEL=0 lets this OpenSSL client offer TLS 1.1 at all; the server must still refuse.
    const ProcessResult result = runProcess({"openssl", "s_client", "-connect", "127.0.0.1:" + std::to_string(m_port),
                                             "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-quiet"},
                                            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(result.out.find("HTTP/1.1 200"), std::string::npos) << result.out;
    EXPECT_NE(result.exitCode, 0);
}

TEST_F(TestTls, PlainHttpIsNotServedOnTheTlsPort)
{
    const auto server = startTlsServer();
    std::string answer;
    try {
        answer = httpExchangeRaw(m_port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    } catch (const std::runtime_error&) {
        // a reset is fine too
    }
    EXPECT_EQ(answer.find("200"), std::string::npos);
}

TEST_F(TestTls, MissingOrBrokenFilesStopTheServerWithAClearMessage)
{
    writeFile(m_dir.file("corrupt.pem"), "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    makeCertificate(m_dir.file("other-cert.pem"), m_dir.file("other-key.pem"));
    const std::string cert = m_dir.file("cert.pem");
    const struct
    {
        const char* name;
        std::vector<std::string> args;
        std::string mention;
    } cases[] = {
        {"missing key", tlsArgs(cert, m_dir.file("no-such-key.pem")), "no-such-key.pem"},
        {"missing certificate", tlsArgs(m_dir.file("no-such-cert.pem"), m_dir.file("key.pem")), "no-such-cert.pem"},
        {"corrupt key", tlsArgs(cert, m_dir.file("corrupt.pem")), "corrupt.pem"},
        {"key of another certificate", tlsArgs(cert, m_dir.file("other-key.pem")), "other-key.pem"},
        {"certificate without key", {"--set", "server.tls_cert=" + cert}, "server.tls_key"},
    };
    for (const auto& test : cases) {
        SCOPED_TRACE(test.name);
        const auto [code, errors] = failingStart(test.args);
        EXPECT_EQ(code, 78) << errors;
        EXPECT_NE(errors.find(test.mention), std::string::npos) << errors;
    }
}

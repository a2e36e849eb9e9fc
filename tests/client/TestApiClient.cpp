#include "api/ApiClient.h"
#include "support/CannedHttpServer.h"
#include "support/LoopbackPort.h"
#include "support/ServerProcess.h"

#include <QSslSocket>
#include <QTest>

namespace citycode::test {

using citycode::client::ApiClient;
using citycode::client::ApiError;
using Kind = citycode::client::ApiError::Kind;

// Everything one checkHealth() call reported.
struct HealthOutcome
{
    bool finished = false;
    bool ok = false;
    QString version;
    QString databaseState;
    QString errorMessage;
    ApiError error;
};

// ApiClient: health checks against the real server, and the decoding of every way a request
// can fail, with the faults a real server cannot produce injected by a canned server.
class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void serverUrlFromUserInput_data();
    void serverUrlFromUserInput();
    void healthOfRealServer();
    void errorEnvelopeOfRealServer();
    void healthGoesBelowBasePath();
    void failures_data();
    void failures();
    void unhealthyServerIsNotOk();
    void refusedConnection();
    void unknownHost();
    void tlsToPlainServer();

private:
    static HealthOutcome checkHealth(ApiClient& api);
};

HealthOutcome TestApiClient::checkHealth(ApiClient& api)
{
    HealthOutcome outcome;
    QMetaObject::Connection failed =
        connect(&api, &ApiClient::requestFailed, &api, [&outcome](const ApiError& error) { outcome.error = error; });
    QMetaObject::Connection checked =
        connect(&api, &ApiClient::healthChecked, &api,
                [&outcome](bool ok, const QString& version, const QString& databaseState, const QString& errorMessage) {
                    outcome = {true, ok, version, databaseState, errorMessage, outcome.error};
                });
    api.checkHealth();
    // The client's own timeout bounds every request; the margin only absorbs scheduling.
    outcome.finished = QTest::qWaitFor([&outcome]() { return outcome.finished; }, api.timeout() + 5000);
    disconnect(failed);
    disconnect(checked);
    return outcome;
}

void TestApiClient::serverUrlFromUserInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("address without scheme gets http") << "127.0.0.1:8080"
                                                      << "http://127.0.0.1:8080";
    QTest::newRow("host name with port") << "localhost:8080"
                                         << "http://localhost:8080";
    QTest::newRow("https with path keeps the path") << "https://codes.example.org/api/"
                                                    << "https://codes.example.org/api";
    QTest::newRow("surrounding spaces are ignored") << "  http://10.0.0.5:8080/  "
                                                    << "http://10.0.0.5:8080";
    QTest::newRow("IPv6 address") << "http://[::1]:8080"
                                  << "http://[::1]:8080";
    QTest::newRow("empty is no address") << ""
                                         << "";
    QTest::newRow("ftp is not a server address") << "ftp://files.example.org"
                                                 << "";
    QTest::newRow("scheme without host") << "http://"
                                         << "";
    QTest::newRow("query is refused") << "http://127.0.0.1:8080/?debug=1"
                                      << "";
    QTest::newRow("user name is refused") << "http://admin@127.0.0.1:8080"
                                          << "";
}

void TestApiClient::serverUrlFromUserInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    const QUrl url = ApiClient::serverUrlFromUserInput(input);
    if (expected.isEmpty()) {
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
    } else {
        QCOMPARE(url.toString(), expected);
    }
}

void TestApiClient::healthOfRealServer()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    ServerProcess server(program);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    ApiClient api;
    api.setBaseUrl(server.url());
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.version, QStringLiteral(CITYCODE_VERSION));
    QCOMPARE(outcome.databaseState, QStringLiteral("ok"));
    QVERIFY(outcome.errorMessage.isEmpty());
    QVERIFY(!outcome.error.isError());
}

void TestApiClient::errorEnvelopeOfRealServer()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    ServerProcess server(program);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    // Below an unknown path prefix, /health is an unknown route: the server's 404 envelope.
    ApiClient api;
    api.setBaseUrl(QUrl(server.url().toString() + QStringLiteral("/no-such-prefix")));
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Kind::HttpError);
    QCOMPARE(outcome.error.httpStatus, 404);
    QVERIFY2(!outcome.error.code.isEmpty(), "the server's error code");
    QVERIFY2(!outcome.error.requestId.isEmpty(), "the request id, for support");
    QVERIFY2(outcome.errorMessage.contains(outcome.error.requestId), qPrintable(outcome.errorMessage));
}

void TestApiClient::healthGoesBelowBasePath()
{
    CannedHttpServer canned;
    QVERIFY(canned.listen());
    canned.setReply(CannedHttpServer::httpResponse(200, "OK", "application/json",
                                                   R"({"status":"ok","version":"9.9.9","database":{"state":"ok"}})"));

    ApiClient api;
    api.setBaseUrl(ApiClient::serverUrlFromUserInput(canned.url().toString() + QStringLiteral("/citycode/")));
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.version, QStringLiteral("9.9.9"));
    QVERIFY2(canned.lastRequestHead().startsWith("GET /citycode/health HTTP/1.1\r\n"), canned.lastRequestHead());
    QVERIFY2(canned.lastRequestHead().contains("\r\nAccept: application/json"), canned.lastRequestHead());
}

void TestApiClient::failures_data()
{
    QTest::addColumn<CannedHttpServer::Behaviour>("behaviour");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("messagePart");

    using B = CannedHttpServer::Behaviour;
    QTest::newRow("answer that is not JSON")
        << B::AnswerRequest << CannedHttpServer::httpResponse(200, "OK", "text/html", "<html>It works!</html>")
        << Kind::NotJson << 200 << QString() << QString() << "did not answer with JSON";
    QTest::newRow("JSON that is not a health document")
        << B::AnswerRequest << CannedHttpServer::httpResponse(200, "OK", "application/json", R"({"hello":"world"})")
        << Kind::UnexpectedAnswer << 200 << QString() << QString() << "not as a CityCode server does";
    QTest::newRow("HTTP 500 with the error envelope")
        << B::AnswerRequest
        << CannedHttpServer::httpResponse(
               500, "Internal Server Error", "application/json",
               R"({"error":{"code":"INTERNAL_ERROR","message":"Unexpected failure"},"requestId":"req-123"})",
               {{"X-Request-Id", "req-123"}})
        << Kind::HttpError << 500 << "INTERNAL_ERROR"
        << "req-123"
        << "Server error (HTTP 500, INTERNAL_ERROR): Unexpected failure (request id req-123)";
    QTest::newRow("HTTP 503 with the request id only in the header")
        << B::AnswerRequest
        << CannedHttpServer::httpResponse(503, "Service Unavailable", "", "", {{"X-Request-Id", "hdr-456"}})
        << Kind::HttpError << 503 << QString() << "hdr-456"
        << "answered HTTP 503 (request id hdr-456)";
    QTest::newRow("HTTP 502 page from a proxy")
        << B::AnswerRequest
        << CannedHttpServer::httpResponse(502, "Bad Gateway", "text/html", "<html>502 Bad Gateway</html>")
        << Kind::HttpError << 502 << QString() << QString() << "answered HTTP 502";
    QTest::newRow("connection closed without an answer")
        << B::CloseWithoutAnswer << QByteArray() << Kind::ConnectionClosed << 0 << QString() << QString()
        << "closed the connection without answering";
    QTest::newRow("no answer within the timeout")
        << B::Silent << QByteArray() << Kind::Timeout << 0 << QString() << QString() << "did not answer within 1 ";
}

void TestApiClient::failures()
{
    QFETCH(CannedHttpServer::Behaviour, behaviour);
    QFETCH(QByteArray, reply);
    QFETCH(Kind, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, code);
    QFETCH(QString, requestId);
    QFETCH(QString, messagePart);

    CannedHttpServer canned;
    QVERIFY(canned.listen());
    canned.setBehaviour(behaviour);
    canned.setReply(reply);

    ApiClient api;
    api.setBaseUrl(canned.url());
    api.setTimeout(700);
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, kind);
    QCOMPARE(outcome.error.httpStatus, httpStatus);
    QCOMPARE(outcome.error.code, code);
    QCOMPARE(outcome.error.requestId, requestId);
    QCOMPARE(outcome.error.serverUrl, canned.url());
    QCOMPARE(outcome.errorMessage, outcome.error.toString());
    QVERIFY2(outcome.errorMessage.contains(messagePart), qPrintable(outcome.errorMessage));
}

void TestApiClient::unhealthyServerIsNotOk()
{
    CannedHttpServer canned;
    QVERIFY(canned.listen());
    canned.setReply(CannedHttpServer::httpResponse(
        503, "Service Unavailable", "application/json",
        R"({"status":"error","version":"0.1.0","database":{"backend":"postgresql","state":"error"}})"));

    ApiClient api;
    api.setBaseUrl(canned.url());
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.version, QStringLiteral("0.1.0"));
    QCOMPARE(outcome.databaseState, QStringLiteral("error"));
    QCOMPARE(
        outcome.errorMessage,
        QStringLiteral("The server at %1 reports status \"error\" (database \"error\")").arg(canned.url().toString()));
    QVERIFY2(!outcome.error.isError(), "a health answer, not a failed request");
}

void TestApiClient::refusedConnection()
{
    const quint16 port = unusedLoopbackPort();
    QVERIFY(port != 0);
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.kind, Kind::ConnectionRefused);
    QCOMPARE(outcome.errorMessage,
             QStringLiteral("Cannot reach the server at http://127.0.0.1:%1: connection refused").arg(port));
}

void TestApiClient::unknownHost()
{
    // RFC 6761 §6.4: names under .invalid never resolve.
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://citycode.invalid:8080")));
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, Kind::HostNotFound);
    QVERIFY2(outcome.errorMessage.contains(QStringLiteral("host not found")), qPrintable(outcome.errorMessage));
}

void TestApiClient::tlsToPlainServer()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("Qt has no TLS backend here");
    }
    // A plain HTTP server behind an https:// address: the TLS handshake cannot succeed.
    CannedHttpServer canned;
    QVERIFY(canned.listen());
    canned.setBehaviour(CannedHttpServer::Behaviour::AnswerOnConnect);
    canned.setReply(CannedHttpServer::httpResponse(400, "Bad Request", "text/plain", "plain HTTP only"));

    QUrl url = canned.url();
    url.setScheme(QStringLiteral("https"));
    ApiClient api;
    api.setBaseUrl(url);
    const HealthOutcome outcome = checkHealth(api);

    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, Kind::TlsError);
    QVERIFY2(outcome.errorMessage.startsWith(QStringLiteral("Secure (TLS) connection to https://127.0.0.1:")),
             qPrintable(outcome.errorMessage));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestApiClient)
#include "TestApiClient.moc"

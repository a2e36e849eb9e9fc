#pragma once

#include "api/ApiError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;
class QNetworkRequest;

namespace citycode::client {

// What a finished request produced: the decoded JSON object (also present with most error
// answers), the error (kind None on success), the raw body and the Retry-After seconds (0: none).
struct ApiReply
{
    QJsonObject json;
    ApiError error;
    QByteArray raw;
    int retryAfterSeconds = 0;
};

// The console's one connection to the CityCode server: owns the QNetworkAccessManager, the
// base address and the session token; sends requests asynchronously and decodes JSON answers
// and failures (the server's error envelope). Every screen talks to the server through it.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 5000;
    using Callback = std::function<void(const ApiReply&)>;

    explicit ApiClient(QObject* parent = nullptr);

    // Turns what a user types ("10.0.0.5:8080", "https://codes.example.org/api/") into a base
    // address: http:// is assumed when no scheme is given, a trailing slash is dropped.
    // Returns an invalid QUrl unless the result is an http(s) address with a host and nothing
    // after the path.
    static QUrl serverUrlFromUserInput(const QString& text);

    void setBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }

    // How long a request may go without receiving any bytes before it fails as a timeout.
    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }

    // The bearer token sent with every request; empty: not signed in.
    void setSessionToken(const QString& token);
    QString sessionToken() const { return m_token; }

    // Requests that have been sent and not yet answered.
    int pendingRequests() const { return m_pending; }

    // GET {base}/health; answers with healthChecked() and, on failure, requestFailed().
    void checkHealth();

    // Sends `method` to {base}{path}?{query} with `body` as JSON (unless undefined). `callback`
    // runs on the UI thread when the answer arrives, unless `context` was destroyed first.
    void request(const QString& method, const QString& path, const QUrlQuery& query, const QJsonValue& body,
                 QObject* context, Callback callback);
    void get(const QString& path, const QUrlQuery& query, QObject* context, Callback callback);
    void post(const QString& path, const QJsonValue& body, QObject* context, Callback callback);
    void put(const QString& path, const QJsonValue& body, QObject* context, Callback callback);
    void del(const QString& path, QObject* context, Callback callback);

signals:
    void baseUrlChanged(const QUrl& url);
    void healthChecked(bool ok, const QString& version, const QString& databaseState, const QString& errorMessage);
    void requestFailed(const citycode::client::ApiError& error);
    void requestSucceeded();
    // True while at least one request is on its way.
    void busyChanged(bool busy);
    // A signed-in request was answered 401: the session ended (idle or absolute timeout, logout
    // elsewhere, disabled account). The token has been cleared.
    void sessionExpired();

private:
    static constexpr int HttpRequestTimeout = 408;

    QUrl endpoint(const QString& path, const QUrlQuery& query) const;
    ApiReply decode(QNetworkReply* reply, const QUrl& serverUrl) const;
    // Sends one request; `done` gets its decoded answer (after at most one retry of a 408).
    void send(const QNetworkRequest& request, const QByteArray& verb, const QByteArray& payload, const QUrl& serverUrl,
              bool mayRetry, const std::function<void(const ApiReply&)>& done);
    void handleHealth(const ApiReply& reply);
    void finishOne(const ApiReply& reply, bool signedIn, bool reportsOutcome);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_pending = 0;
};

} // namespace citycode::client

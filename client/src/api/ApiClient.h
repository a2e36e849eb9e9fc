#pragma once

#include "api/ApiError.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace citycode::client {

// The console's one connection to the CityCode server: owns the QNetworkAccessManager and the
// base address, sends requests asynchronously and decodes JSON answers and failures into
// typed signals. Every screen talks to the server through this class.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 5000;

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

    // GET {base}/health; answers with healthChecked() and, on failure, requestFailed().
    void checkHealth();

signals:
    void baseUrlChanged(const QUrl& url);
    void healthChecked(bool ok, const QString& version, const QString& databaseState, const QString& errorMessage);
    void requestFailed(const citycode::client::ApiError& error);

private:
    // What a finished request produced: the decoded JSON object (also present with some error
    // answers) and the error, whose kind is None on success.
    struct Reply
    {
        QJsonObject json;
        ApiError error;
    };
    using ReplyHandler = std::function<void(const Reply&)>;

    void get(const QString& path, ReplyHandler handler);
    QUrl endpoint(const QString& path) const;
    Reply decode(QNetworkReply* reply, const QUrl& serverUrl) const;
    void handleHealth(const Reply& reply);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace citycode::client

#include "api/ApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>
#include <utility>

namespace citycode::client {

namespace {

constexpr int MillisecondsPerSecond = 1000;

ApiError::Kind transportErrorKind(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::Kind::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
        return ApiError::Kind::HostNotFound;
    // QNetworkRequest::setTransferTimeout() aborts the reply, which reports OperationCanceledError;
    // the console never cancels a request itself, so both mean "no answer in time".
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return ApiError::Kind::Timeout;
    case QNetworkReply::RemoteHostClosedError:
        return ApiError::Kind::ConnectionClosed;
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::Kind::TlsError;
    default:
        return ApiError::Kind::NetworkError;
    }
}

} // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent) {}

QUrl ApiClient::serverUrlFromUserInput(const QString& text)
{
    QString address = text.trimmed();
    if (address.isEmpty()) {
        return {};
    }
    if (!address.contains(QLatin1String("://"))) {
        address.prepend(QLatin1String("http://"));
    }
    QUrl url(address, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
        return {};
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path);
    return url;
}

void ApiClient::setBaseUrl(const QUrl& url)
{
    if (url != m_baseUrl) {
        m_baseUrl = url;
        emit baseUrlChanged(url);
    }
}

void ApiClient::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

void ApiClient::setSessionToken(const QString& token)
{
    m_token = token;
}

void ApiClient::checkHealth()
{
    get(QStringLiteral("/health"), {}, this, [this](const ApiReply& reply) { handleHealth(reply); });
}

void ApiClient::handleHealth(const ApiReply& reply)
{
    // A server whose database is down still answers its health document, possibly with 503:
    // that is a health result to show, not a failed request.
    const QJsonObject& json = reply.json;
    const bool isHealthDocument =
        json.value(QLatin1String("status")).isString() && json.value(QLatin1String("version")).isString();
    if (reply.error.isError() && !(reply.error.kind == ApiError::Kind::HttpError && isHealthDocument)) {
        emit requestFailed(reply.error);
        emit healthChecked(false, {}, {}, reply.error.toString());
        return;
    }
    if (!isHealthDocument) {
        ApiError error;
        error.kind = ApiError::Kind::UnexpectedAnswer;
        error.serverUrl = reply.error.serverUrl;
        error.httpStatus = reply.error.httpStatus;
        emit requestFailed(error);
        emit healthChecked(false, {}, {}, error.toString());
        return;
    }

    const QString status = json.value(QLatin1String("status")).toString();
    const QString version = json.value(QLatin1String("version")).toString();
    const QString databaseState =
        json.value(QLatin1String("database")).toObject().value(QLatin1String("state")).toString();
    if (status == QLatin1String("ok")) {
        emit healthChecked(true, version, databaseState, {});
        return;
    }
    emit healthChecked(false, version, databaseState,
                       tr("The server at %1 reports status \"%2\" (database \"%3\")")
                           .arg(reply.error.serverUrl.toDisplayString(), status, databaseState));
}

void ApiClient::get(const QString& path, const QUrlQuery& query, QObject* context, Callback callback)
{
    request(QStringLiteral("GET"), path, query, QJsonValue(QJsonValue::Undefined), context, std::move(callback));
}

void ApiClient::post(const QString& path, const QJsonValue& body, QObject* context, Callback callback)
{
    request(QStringLiteral("POST"), path, {}, body, context, std::move(callback));
}

void ApiClient::put(const QString& path, const QJsonValue& body, QObject* context, Callback callback)
{
    request(QStringLiteral("PUT"), path, {}, body, context, std::move(callback));
}

void ApiClient::del(const QString& path, QObject* context, Callback callback)
{
    request(QStringLiteral("DELETE"), path, {}, QJsonValue(QJsonValue::Undefined), context, std::move(callback));
}

void ApiClient::request(const QString& method, const QString& path, const QUrlQuery& query, const QJsonValue& body,
                        QObject* context, Callback callback)
{
    QNetworkRequest request(endpoint(path, query));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("citycode-admin/" CITYCODE_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    const bool signedIn = !m_token.isEmpty();
    // The health check reports its own outcome (a 503 health document is an answer, not a failure).
    const bool reportsOutcome = path != QLatin1String("/health");
    if (signedIn) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    QByteArray payload;
    if (!body.isUndefined()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    if (++m_pending == 1) {
        emit busyChanged(true);
    }
    const QUrl serverUrl = m_baseUrl;
    // The busy count and the session check never depend on the caller still existing, the
    // callback does.
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    send(request, method.toLatin1(), payload, serverUrl, true,
         [this, signedIn, reportsOutcome, guard, hasContext, callback = std::move(callback)](const ApiReply& reply) {
             finishOne(reply, signedIn, reportsOutcome);
             if (callback && (!hasContext || guard)) {
                 callback(reply);
             }
         });
}

void ApiClient::send(const QNetworkRequest& request, const QByteArray& verb, const QByteArray& payload,
                     const QUrl& serverUrl, bool mayRetry, const std::function<void(const ApiReply&)>& done)
{
    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, verb, payload, serverUrl, mayRetry, done]() {
        reply->deleteLater();
        // A server may end a keep-alive connection that stayed idle with an unsolicited 408 and
        // "Connection: close" (citycode-server does, after server.keep_alive_timeout plus
        // server.header_timeout). A request sent on that connection just then reads the 408 as
        // its answer although the server never read it: it is sent once more, on a new connection.
        if (mayRetry && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == HttpRequestTimeout) {
            send(request, verb, payload, serverUrl, false, done);
            return;
        }
        done(decode(reply, serverUrl));
    });
}

void ApiClient::finishOne(const ApiReply& reply, bool signedIn, bool reportsOutcome)
{
    if (--m_pending == 0) {
        emit busyChanged(false);
    }
    if (!reportsOutcome) {
        return;
    }
    if (!reply.error.isError()) {
        emit requestSucceeded();
        return;
    }
    emit requestFailed(reply.error);
    if (signedIn && reply.error.httpStatus == 401 && !m_token.isEmpty()) {
        m_token.clear();
        emit sessionExpired();
    }
}

QUrl ApiClient::endpoint(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_baseUrl;
    url.setPath(url.path() + path);
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url;
}

ApiReply ApiClient::decode(QNetworkReply* reply, const QUrl& serverUrl) const
{
    ApiReply result;
    ApiError& error = result.error;
    error.serverUrl = serverUrl;
    error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (error.httpStatus == 0) {
        if (reply->error() == QNetworkReply::NoError) {
            error.kind = ApiError::Kind::UnexpectedAnswer;
            return result;
        }
        error.kind = transportErrorKind(reply->error());
        error.message = reply->errorString();
        error.timeoutSeconds = (m_timeoutMs + MillisecondsPerSecond - 1) / MillisecondsPerSecond;
        return result;
    }

    result.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    result.raw = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.raw, &parseError);
    result.json = document.object();
    const bool isSuccess = error.httpStatus >= 200 && error.httpStatus < 300;
    if (isSuccess) {
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            error.kind = ApiError::Kind::NotJson;
        }
        return result;
    }

    // The server's error envelope: {"error":{"code":"...","message":"..."},"requestId":"..."},
    // with the request id repeated in X-Request-Id (proxies in front may answer without either).
    error.kind = ApiError::Kind::HttpError;
    const QJsonObject envelope = result.json.value(QLatin1String("error")).toObject();
    error.code = envelope.value(QLatin1String("code")).toString();
    error.message = envelope.value(QLatin1String("message")).toString();
    error.requestId = result.json.value(QLatin1String("requestId")).toString();
    if (error.requestId.isEmpty()) {
        error.requestId = envelope.value(QLatin1String("requestId")).toString();
    }
    if (error.requestId.isEmpty()) {
        error.requestId = QString::fromUtf8(reply->rawHeader("X-Request-Id"));
    }
    return result;
}

} // namespace citycode::client

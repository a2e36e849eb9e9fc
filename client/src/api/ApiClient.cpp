#include "api/ApiClient.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QNetworkRequest>

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

void ApiClient::checkHealth()
{
    get(QStringLiteral("/health"), [this](const Reply& reply) { handleHealth(reply); });
}

void ApiClient::handleHealth(const Reply& reply)
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

void ApiClient::get(const QString& path, ReplyHandler handler)
{
    QNetworkRequest request(endpoint(path));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("citycode-admin/" CITYCODE_VERSION));
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply* reply = m_network.get(request);
    const QUrl serverUrl = m_baseUrl;
    connect(reply, &QNetworkReply::finished, this, [this, reply, serverUrl, handler = std::move(handler)]() {
        reply->deleteLater();
        handler(decode(reply, serverUrl));
    });
}

QUrl ApiClient::endpoint(const QString& path) const
{
    QUrl url = m_baseUrl;
    url.setPath(url.path() + path);
    return url;
}

ApiClient::Reply ApiClient::decode(QNetworkReply* reply, const QUrl& serverUrl) const
{
    Reply result;
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

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &parseError);
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
        error.requestId = QString::fromUtf8(reply->rawHeader("X-Request-Id"));
    }
    return result;
}

} // namespace citycode::client

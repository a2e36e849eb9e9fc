#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace citycode::client {

// Why a request to the CityCode server failed, in terms a user can act on: the transport
// failure (refused, unknown host, timeout, TLS) or the server's own error envelope
// {"error":{"code","message"},"requestId"} with its HTTP status.
class ApiError
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(citycode::client::ApiError)

public:
    enum class Kind
    {
        None,
        ConnectionRefused,
        HostNotFound,
        Timeout,
        ConnectionClosed,
        TlsError,
        NotJson,
        UnexpectedAnswer,
        HttpError,
        NetworkError,
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    QUrl serverUrl;         // the base address the request went to, shown to the user
    int httpStatus = 0;     // 0 when no HTTP answer arrived
    QString code;           // the server's stable error code, e.g. "NOT_FOUND"
    QString message;        // the server's message, or the transport's detail
    QString requestId;      // from the envelope or the X-Request-Id header, for support
    int timeoutSeconds = 0; // for Kind::Timeout

    bool isError() const { return kind != Kind::None; }

    // One translated sentence for status labels and message boxes.
    QString toString() const;
};

} // namespace citycode::client

Q_DECLARE_METATYPE(citycode::client::ApiError)

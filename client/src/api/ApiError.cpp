#include "api/ApiError.h"

namespace citycode::client {

QString ApiError::toString() const
{
    const QString server = serverUrl.toDisplayString();
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::ConnectionRefused:
        return tr("Cannot reach the server at %1: connection refused").arg(server);
    case Kind::HostNotFound:
        return tr("Cannot reach the server at %1: host not found").arg(server);
    case Kind::Timeout:
        return tr("The server at %1 did not answer within %n second(s)", nullptr, timeoutSeconds).arg(server);
    case Kind::ConnectionClosed:
        return tr("The server at %1 closed the connection without answering").arg(server);
    case Kind::TlsError:
        return tr("Secure (TLS) connection to %1 failed: %2").arg(server, message);
    case Kind::NotJson:
        return tr("The server at %1 did not answer with JSON; is it a CityCode server?").arg(server);
    case Kind::UnexpectedAnswer:
        return tr("The server at %1 answered, but not as a CityCode server does").arg(server);
    case Kind::HttpError:
        if (!code.isEmpty()) {
            if (!requestId.isEmpty()) {
                return tr("Server error (HTTP %1, %2): %3 (request id %4)")
                    .arg(QString::number(httpStatus), code, message, requestId);
            }
            return tr("Server error (HTTP %1, %2): %3").arg(QString::number(httpStatus), code, message);
        }
        if (!requestId.isEmpty()) {
            return tr("The server at %1 answered HTTP %2 (request id %3)")
                .arg(server, QString::number(httpStatus), requestId);
        }
        return tr("The server at %1 answered HTTP %2").arg(server, QString::number(httpStatus));
    case Kind::NetworkError:
        return tr("Cannot reach the server at %1: %2").arg(server, message);
    }
    return {};
}

} // namespace citycode::client

#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

namespace citycode::test {

// A loopback TCP server that answers every connection with one fixed, hand-written reply, or
// misbehaves on purpose. It produces the faults a real CityCode server cannot be made to
// produce (HTML from a proxy, a dropped connection, silence) to test how the console copes.
class CannedHttpServer : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour
    {
        AnswerRequest,      // reads the request head, then sends the reply and closes
        AnswerOnConnect,    // sends the reply as soon as a client connects, before reading
        CloseWithoutAnswer, // reads the request head, then closes the connection
        Silent,             // accepts the connection and never answers
    };

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit CannedHttpServer(QObject* parent = nullptr);

    // Listens on 127.0.0.1 on a port of the system's choice.
    bool listen();
    QUrl url() const;

    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }
    void setReply(const QByteArray& reply) { m_reply = reply; }
    // The request line and headers of the last request received.
    QByteArray lastRequestHead() const { return m_lastRequestHead; }

    // A complete HTTP/1.1 response with Content-Length and "Connection: close".
    static QByteArray httpResponse(int status, const QByteArray& reason, const QByteArray& contentType,
                                   const QByteArray& body, const Headers& extraHeaders = {});

private:
    void onNewConnection();

    QTcpServer m_server;
    Behaviour m_behaviour = Behaviour::AnswerRequest;
    QByteArray m_reply;
    QByteArray m_lastRequestHead;
};

} // namespace citycode::test

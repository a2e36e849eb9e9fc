#include "CannedHttpServer.h"

#include <QTcpSocket>

namespace citycode::test {

CannedHttpServer::CannedHttpServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CannedHttpServer::onNewConnection);
}

bool CannedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl CannedHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QByteArray CannedHttpServer::httpResponse(int status, const QByteArray& reason, const QByteArray& contentType,
                                          const QByteArray& body, const Headers& extraHeaders)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    if (!contentType.isEmpty()) {
        response += "Content-Type: " + contentType + "\r\n";
    }
    for (const auto& [name, value] : extraHeaders) {
        response += name + ": " + value + "\r\n";
    }
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    return response;
}

void CannedHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_behaviour == Behaviour::AnswerOnConnect) {
            socket->write(m_reply);
            socket->disconnectFromHost();
            continue;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() {
            QByteArray head = socket->property("head").toByteArray() + socket->readAll();
            socket->setProperty("head", head);
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            m_lastRequestHead = head.left(end);
            switch (m_behaviour) {
            case Behaviour::AnswerRequest:
                socket->write(m_reply);
                socket->disconnectFromHost();
                break;
            case Behaviour::CloseWithoutAnswer:
                socket->disconnectFromHost();
                break;
            case Behaviour::Silent:
            case Behaviour::AnswerOnConnect:
                break;
            }
        });
    }
}

} // namespace citycode::test

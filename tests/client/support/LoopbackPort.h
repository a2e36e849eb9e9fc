#pragma once

#include <QHostAddress>
#include <QTcpServer>

namespace citycode::test {

// A loopback TCP port nobody listens on: bound once to let the system pick it, then released.
// Connecting to it is refused, which is how an absent server looks.
inline quint16 unusedLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace citycode::test

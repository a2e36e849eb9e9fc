#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace citycode::test {

// The citycode-server to test against: $CITYCODE_SERVER_BIN when set (an installed or separately
// built server), else the one this build made (the compile definition CITYCODE_SERVER_BIN of
// tests declared NEEDS_SERVER); empty when there is neither.
inline QString serverProgram()
{
    const QString fromEnvironment = qEnvironmentVariable("CITYCODE_SERVER_BIN");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
#ifdef CITYCODE_SERVER_BIN
    return QStringLiteral(CITYCODE_SERVER_BIN);
#else
    return {};
#endif
}

// A real citycode-server on a free loopback port with a fresh data directory, for console tests
// against the real thing. Stopped (and its data removed) when the object goes away.
class ServerProcess
{
public:
    explicit ServerProcess(QString program);
    ~ServerProcess();

    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Command-line arguments after --data-dir and --listen, e.g. {"--set", "auth.captcha=disabled"}.
    void setExtraArguments(const QStringList& arguments) { m_extraArguments = arguments; }
    // An environment variable for the server, e.g. CITYCODE_ADMIN_PASSWORD.
    void setEnvironmentVariable(const QString& name, const QString& value);

    // Starts the server and waits until GET /health answers. On failure `error` says why and
    // includes what the server printed.
    bool start(QString* error);
    void stop();
    QUrl url() const;
    // The server's --data-dir (its SQLite database is citycode.db there).
    QString dataDirectory() const { return m_dataDir.path(); }

private:
    QString m_program;
    QTemporaryDir m_dataDir;
    QProcess m_process;
    quint16 m_port = 0;
    QStringList m_extraArguments;
};

} // namespace citycode::test

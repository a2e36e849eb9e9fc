#include "ServerProcess.h"

#include "LoopbackPort.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <utility>

namespace citycode::test {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int ProbeIntervalMs = 100;
constexpr int StopTimeoutMs = 5000;

} // namespace

ServerProcess::ServerProcess(QString program) : m_program(std::move(program))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProcess::~ServerProcess()
{
    stop();
}

void ServerProcess::setEnvironmentVariable(const QString& name, const QString& value)
{
    QProcessEnvironment environment = m_process.processEnvironment();
    if (environment.isEmpty()) {
        environment = QProcessEnvironment::systemEnvironment();
    }
    environment.insert(name, value);
    m_process.setProcessEnvironment(environment);
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool ServerProcess::start(QString* error)
{
    m_port = unusedLoopbackPort();
    if (!m_dataDir.isValid() || m_port == 0) {
        *error = QStringLiteral("no temporary directory or free port");
        return false;
    }
    // A cheap PBKDF2 cost: console tests sign in and change passwords many times (the default
    // cost is covered by the server's TestPasswords).
    m_process.start(m_program, QStringList{QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--set"),
                                           QStringLiteral("auth.password_iterations=2000")} +
                                   m_extraArguments);
    if (!m_process.waitForStarted()) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_program, m_process.errorString());
        return false;
    }

    // Ready means answering HTTP, not merely running: probe /health until it answers 200.
    QNetworkAccessManager network;
    QNetworkRequest probe(QUrl(url().toString() + QStringLiteral("/health")));
    probe.setTransferTimeout(ProbeIntervalMs * 10);
    QNetworkReply* reply = nullptr;
    bool ready = false;
    QElapsedTimer sinceLastProbe;
    const bool finished = QTest::qWaitFor(
        [&]() {
            if (m_process.state() != QProcess::Running) {
                return true;
            }
            if (reply != nullptr && reply->isFinished()) {
                ready = reply->error() == QNetworkReply::NoError;
                reply->deleteLater();
                reply = nullptr;
            }
            if (!ready && reply == nullptr &&
                (!sinceLastProbe.isValid() || sinceLastProbe.hasExpired(ProbeIntervalMs))) {
                reply = network.get(probe);
                sinceLastProbe.start();
            }
            return ready;
        },
        StartTimeoutMs);
    delete reply;
    if (!finished || !ready) {
        *error = QStringLiteral("citycode-server did not become ready on port %1; it printed:\n%2")
                     .arg(m_port)
                     .arg(QString::fromLocal8Bit(m_process.readAll()));
        stop();
        return false;
    }
    return true;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    m_process.terminate();
    if (!m_process.waitForFinished(StopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
}

} // namespace citycode::test

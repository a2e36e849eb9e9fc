#pragma once

#include "api/ApiClient.h"
#include "support/ServerProcess.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <memory>

namespace citycode::client {
class ListPage;
class MainWindow;
} // namespace citycode::client

namespace citycode::test {

// How callApi() treats an answer that is an error: Quiet for calls whose failure the test
// checks itself, Warn to print the method, path and error (why a setup step went wrong).
enum class ApiErrors
{
    Quiet,
    Warn,
};

// The longest callApi() waits; beyond the ApiClient's own transfer timeout (and its one retry),
// so it only ends a wait for an answer that never comes.
constexpr int ApiCallTimeoutMs = 30000;

// Sends one request through `api` and runs the event loop until it is answered, for the arrange
// and check steps of console tests. `body` is sent as JSON unless undefined. Without an answer
// within ApiCallTimeoutMs it warns and returns an empty reply.
client::ApiReply callApi(client::ApiClient& api, const QString& method, const QString& path,
                         const QJsonValue& body = QJsonValue::Undefined, const QUrlQuery& query = {},
                         ApiErrors errors = ApiErrors::Quiet);

// POSTs `body` to `path` for a test's set-up and returns the id the server answers; 0 (with a
// warning naming the call) when it is refused.
qint64 createdId(client::ApiClient& api, const QString& path, const QJsonObject& body);

// Shows the list page of menu `permission` in `window` and waits until its first page has
// loaded; null when the menu has no such page (with a warning) or it does not load in time.
client::ListPage* openListPage(client::MainWindow& window, const QString& permission, int timeoutMs = 10000);

// Signs `username` in on `api` (the server's base URL already set) and keeps the token in it;
// a one-time `password` is then replaced by `newPassword` when that is given. Returns what
// GET /admin/v1/auth/me answers (for Session::update()), or an empty object on failure with the
// failed step in `error`; without `error` the failure is printed as a warning.
QJsonObject signIn(client::ApiClient& api, const QString& username, const QString& password,
                   const QString& newPassword = {}, QString* error = nullptr);

// Starts serverProgram() on loopback without captcha; its built-in admin's one-time password is
// `initialPassword` (CITYCODE_ADMIN_PASSWORD). `extraArguments` follow "--set auth.captcha=disabled".
// Null, with `error` saying why, when it does not start. Inline: the server's path is a compile
// definition of each test (NEEDS_SERVER), not of this library.
inline std::unique_ptr<ServerProcess> startServer(const QString& initialPassword, QString* error,
                                                  const QStringList& extraArguments = {})
{
    auto server = std::make_unique<ServerProcess>(serverProgram());
    server->setExtraArguments(QStringList{QStringLiteral("--set"), QStringLiteral("auth.captcha=disabled")} +
                              extraArguments);
    server->setEnvironmentVariable(QStringLiteral("CITYCODE_ADMIN_PASSWORD"), initialPassword);
    if (!server->start(error)) {
        return nullptr;
    }
    return server;
}

} // namespace citycode::test

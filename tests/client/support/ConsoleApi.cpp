#include "support/ConsoleApi.h"

#include "screens/main/MainWindow.h"
#include "widgets/ListPage.h"

#include <QObject>
#include <QTest>

namespace citycode::test {

using client::ApiClient;
using client::ApiReply;

qint64 createdId(ApiClient& api, const QString& path, const QJsonObject& body)
{
    return callApi(api, QStringLiteral("POST"), path, body, {}, ApiErrors::Warn)
        .json.value(QLatin1String("id"))
        .toInteger();
}

client::ListPage* openListPage(client::MainWindow& window, const QString& permission, int timeoutMs)
{
    if (!window.showPage(permission)) {
        qWarning("no page for %s", qPrintable(permission));
        return nullptr;
    }
    auto* page = qobject_cast<client::ListPage*>(window.page(permission));
    if (page == nullptr || !QTest::qWaitFor([page]() { return !page->isLoading(); }, timeoutMs)) {
        return nullptr;
    }
    return page;
}

ApiReply callApi(ApiClient& api, const QString& method, const QString& path, const QJsonValue& body,
                 const QUrlQuery& query, ApiErrors errors)
{
    ApiReply answer;
    bool done = false;
    // Dies with this call: an answer after the timeout no longer writes to `answer`.
    QObject context;
    api.request(method, path, query, body, &context, [&](const ApiReply& reply) {
        answer = reply;
        done = true;
    });
    if (!QTest::qWaitFor([&]() { return done; }, ApiCallTimeoutMs)) {
        qWarning("no answer to %s %s", qPrintable(method), qPrintable(path));
    } else if (errors == ApiErrors::Warn && answer.error.isError()) {
        qWarning("%s %s: %s", qPrintable(method), qPrintable(path), qPrintable(answer.error.toString()));
    }
    return answer;
}

QJsonObject signIn(ApiClient& api, const QString& username, const QString& password, const QString& newPassword,
                   QString* error)
{
    const auto failed = [error](const QString& step, const ApiReply& reply) {
        const QString message = step + QStringLiteral(": ") + reply.error.toString();
        if (error != nullptr) {
            *error = message;
        } else {
            qWarning("%s", qPrintable(message));
        }
        return QJsonObject();
    };
    const ApiReply login =
        callApi(api, QStringLiteral("POST"), QStringLiteral("/admin/v1/auth/login"),
                QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    if (login.error.isError()) {
        return failed(QStringLiteral("login"), login);
    }
    api.setSessionToken(login.json.value(QLatin1String("token")).toString());
    if (!newPassword.isEmpty()) {
        const ApiReply changed = callApi(
            api, QStringLiteral("POST"), QStringLiteral("/admin/v1/auth/password"),
            QJsonObject{{QStringLiteral("oldPassword"), password}, {QStringLiteral("newPassword"), newPassword}});
        if (changed.error.isError()) {
            return failed(QStringLiteral("password change"), changed);
        }
    }
    const ApiReply me = callApi(api, QStringLiteral("GET"), QStringLiteral("/admin/v1/auth/me"));
    if (me.error.isError()) {
        return failed(QStringLiteral("auth/me"), me);
    }
    return me.json;
}

} // namespace citycode::test

#include "screens/operators/OperatorsPage.h"

#include "api/ApiClient.h"
#include "models/OperatorModel.h"
#include "screens/operators/OperatorDialog.h"
#include "widgets/FilterBar.h"
#include "widgets/SecretDialog.h"

#include <QJsonArray>

namespace citycode::client {

namespace {

const QString OperatorsPath = QStringLiteral("/admin/v1/operators");

} // namespace

OperatorsPage::OperatorsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Operators"), OperatorsPath, new OperatorModel, parent)
{
    setObjectName(QStringLiteral("operatorsPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("username"), tr("User name:"));
    filters->addText(QStringLiteral("displayName"), tr("Display name:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addEnabledStatus();

    addAction(QStringLiteral("newButton"), tr("&New operator…"), QStringLiteral("system:operator:add"), Needs::Nothing,
              [this]() { openDialog(QJsonObject()); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("system:operator:edit"), Needs::One,
              [this]() { openDialog(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(
        QStringLiteral("enableButton"), tr("E&nable"), QStringLiteral("system:operator:edit"), Needs::Some,
        [this]() { runOnSelection(QStringLiteral("POST"), OperatorsPath + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), QStringLiteral("system:operator:edit"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("POST"), OperatorsPath + QStringLiteral("/%1/disable"),
                                 tr("Disable the selected operators? Their sessions end at once."), {});
              });
    addAction(QStringLiteral("resetPasswordButton"), tr("&Reset password…"), QStringLiteral("system:operator:reset"),
              Needs::One, [this]() { resetPassword(); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("system:operator:delete"), Needs::Some,
              [this]() {
                  runBatch(OperatorsPath + QStringLiteral("/batch-delete"),
                           tr("Delete the %n selected operator(s)? This cannot be undone.", nullptr,
                              static_cast<int>(selectedRecords().size())),
                           tr("Operators deleted."));
              });
}

void OperatorsPage::openDialog(const QJsonObject& account)
{
    const qint64 id = account.value(QLatin1String("id")).toInteger();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
    // The roles to choose from, then (when editing) the operator's current roles.
    api()->get(QStringLiteral("/admin/v1/roles"), query, this, [this, account, id](const ApiReply& rolesReply) {
        if (rolesReply.error.isError()) {
            showError(rolesReply.error);
            return;
        }
        QVector<QPair<qint64, QString>> roles;
        for (const QJsonValue& item : rolesReply.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject role = item.toObject();
            roles.append({role.value(QLatin1String("id")).toInteger(), role.value(QLatin1String("name")).toString()});
        }
        const auto open = [this, roles, id](const QJsonObject& detail) {
            auto* dialog = new OperatorDialog(detail, roles, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setSubmit([this, dialog, id](const QJsonObject& /*values*/) {
                const QJsonObject body = dialog->request();
                const auto answered = [this, dialog, id](const ApiReply& reply) {
                    if (reply.error.isError()) {
                        dialog->showError(reply.error.toString());
                        return;
                    }
                    dialog->succeed();
                    reload();
                    if (id != 0) {
                        showMessage(tr("Operator saved."));
                        return;
                    }
                    const QString username = reply.json.value(QLatin1String("operator"))
                                                 .toObject()
                                                 .value(QLatin1String("username"))
                                                 .toString();
                    showMessage(tr("Operator %1 created.").arg(username));
                    auto* secret = new SecretDialog(
                        tr("One-time password of %1").arg(username),
                        tr("Give this password to the operator; it must be changed at the first sign-in. It is "
                           "shown only now."),
                        {{tr("User name:"), username},
                         {tr("One-time password:"), reply.json.value(QLatin1String("oneTimePassword")).toString()}},
                        this);
                    secret->setAttribute(Qt::WA_DeleteOnClose);
                    secret->open();
                };
                if (id == 0) {
                    api()->post(OperatorsPath, body, dialog, answered);
                } else {
                    api()->put(OperatorsPath + QStringLiteral("/%1").arg(id), body, dialog, answered);
                }
            });
            dialog->open();
        };
        if (id == 0) {
            open(QJsonObject());
            return;
        }
        api()->get(OperatorsPath + QStringLiteral("/%1").arg(id), {}, this, [this, open](const ApiReply& reply) {
            if (reply.error.isError()) {
                showError(reply.error);
                return;
            }
            open(reply.json);
        });
    });
}

void OperatorsPage::resetPassword()
{
    const QJsonObject account = selectedRecord();
    const QString username = account.value(QLatin1String("username")).toString();
    if (!confirm(tr("Reset the password of %1? The current password stops working.").arg(username))) {
        return;
    }
    api()->post(OperatorsPath +
                    QStringLiteral("/%1/reset-password").arg(account.value(QLatin1String("id")).toInteger()),
                QJsonObject(), this, [this, username](const ApiReply& reply) {
                    if (reply.error.isError()) {
                        showError(reply.error);
                        return;
                    }
                    reload();
                    auto* secret = new SecretDialog(
                        tr("One-time password of %1").arg(username),
                        tr("Give this password to the operator; it must be changed at the next sign-in. It is "
                           "shown only now."),
                        {{tr("User name:"), username},
                         {tr("One-time password:"), reply.json.value(QLatin1String("oneTimePassword")).toString()}},
                        this);
                    secret->setAttribute(Qt::WA_DeleteOnClose);
                    secret->open();
                });
}

} // namespace citycode::client

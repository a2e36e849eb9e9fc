#include "screens/roles/RolesPage.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/RoleModel.h"
#include "screens/roles/RoleDialog.h"
#include "widgets/FilterBar.h"

namespace citycode::client {

namespace {

const QString RolesPath = QStringLiteral("/admin/v1/roles");

} // namespace

RolesPage::RolesPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Roles"), RolesPath, new RoleModel, parent)
{
    setObjectName(QStringLiteral("rolesPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("code"), tr("Code:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addEnabledStatus();

    addAction(QStringLiteral("newButton"), tr("&New role…"), QStringLiteral("system:role:add"), Needs::Nothing,
              [this]() { openDialog(QJsonObject()); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("system:role:edit"), Needs::One,
              [this]() { openDialog(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("system:role:delete"), Needs::Some,
              [this]() {
                  runBatch(RolesPath + QStringLiteral("/batch-delete"),
                           tr("Delete the %n selected role(s)? This cannot be undone.", nullptr,
                              static_cast<int>(selectedRecords().size())),
                           tr("Roles deleted."));
              });
}

void RolesPage::openDialog(const QJsonObject& role)
{
    // The whole menu tree needs system:menu:list (main platform); otherwise the navigation the
    // operator holds is what they can grant.
    const auto withMenus = [this](const QJsonObject& detail) {
        if (session() != nullptr && session()->can(QStringLiteral("system:menu:list"))) {
            api()->get(QStringLiteral("/admin/v1/menus"), {}, this, [this, detail](const ApiReply& reply) {
                if (reply.error.isError()) {
                    showError(reply.error);
                    return;
                }
                openWithMenus(detail, reply.json.value(QLatin1String("items")).toArray());
            });
        } else {
            openWithMenus(detail, session() != nullptr ? session()->menus() : QJsonArray());
        }
    };
    if (role.isEmpty()) {
        withMenus(QJsonObject());
        return;
    }
    api()->get(RolesPath + QStringLiteral("/%1").arg(role.value(QLatin1String("id")).toInteger()), {}, this,
               [this, withMenus](const ApiReply& reply) {
                   if (reply.error.isError()) {
                       showError(reply.error);
                       return;
                   }
                   withMenus(reply.json);
               });
}

void RolesPage::openWithMenus(const QJsonObject& role, const QJsonArray& menus)
{
    const qint64 id = role.value(QLatin1String("id")).toInteger();
    auto* dialog = new RoleDialog(role, menus, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this, dialog, id](const QJsonObject& /*values*/) {
        const auto answered = [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            showMessage(tr("Role saved."));
        };
        if (id == 0) {
            api()->post(RolesPath, dialog->request(), dialog, answered);
        } else {
            api()->put(RolesPath + QStringLiteral("/%1").arg(id), dialog->request(), dialog, answered);
        }
    });
    dialog->open();
}

} // namespace citycode::client

#include "screens/permissions/AppPermissionsPage.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/AppPermissionModel.h"
#include "widgets/FilterBar.h"

#include <memory>

namespace citycode::client {

namespace {

const QString AppsPath = QStringLiteral("/admin/v1/apps");

} // namespace

AppPermissionsPage::AppPermissionsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("App permissions"), AppsPath, new AppPermissionModel, parent)
{
    setObjectName(QStringLiteral("appPermissionsPage"));
    m_permissions = static_cast<AppPermissionModel*>(model());
    filterBar()->addText(QStringLiteral("name"), tr("App name:"));
    connect(this, &ListPage::loaded, this, [this](bool ok) {
        if (ok) {
            loadPermissions();
        }
    });
    const bool mayEdit = session() != nullptr && session()->can(QStringLiteral("code:permission:edit"));
    connect(m_permissions, &AppPermissionModel::permissionToggled, this,
            [this, mayEdit](qint64 appId, const QString& permission, bool on) {
                if (mayEdit) {
                    setPermission(appId, permission, on);
                } else {
                    showMessage(tr("You may look at the permissions but not change them."));
                }
            });
}

void AppPermissionsPage::loadPermissions()
{
    // One request per app of the page (at most 100); a newer page drops older answers.
    const quint64 serial = ++m_serial;
    auto remaining = std::make_shared<int>(m_permissions->rowCount());
    if (*remaining == 0) {
        emit permissionsLoaded();
        return;
    }
    for (int row = 0; row < m_permissions->rowCount(); ++row) {
        const qint64 appId = m_permissions->idAt(row);
        api()->get(AppsPath + QStringLiteral("/%1/permissions").arg(appId), {}, this,
                   [this, serial, remaining, appId](const ApiReply& reply) {
                       if (serial != m_serial) {
                           return;
                       }
                       if (reply.error.isError()) {
                           showError(reply.error);
                       } else {
                           m_permissions->setPermissions(appId, reply.json.value(QLatin1String("generate")).toBool(),
                                                         reply.json.value(QLatin1String("scan")).toBool());
                       }
                       if (--*remaining == 0) {
                           emit permissionsLoaded();
                       }
                   });
    }
}

void AppPermissionsPage::setPermission(qint64 appId, const QString& permission, bool on)
{
    api()->put(AppsPath + QStringLiteral("/%1/permissions").arg(appId), QJsonObject{{permission, on}}, this,
               [this, appId](const ApiReply& reply) {
                   if (reply.error.isError()) {
                       showError(reply.error);
                       emit permissionSaved(false);
                       return;
                   }
                   m_permissions->setPermissions(appId, reply.json.value(QLatin1String("generate")).toBool(),
                                                 reply.json.value(QLatin1String("scan")).toBool());
                   showMessage(tr("Permissions of app %1 saved; they hold from its next request.").arg(appId));
                   emit permissionSaved(true);
               });
}

} // namespace citycode::client

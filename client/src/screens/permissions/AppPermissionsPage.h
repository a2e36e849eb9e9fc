#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

class AppPermissionModel;

// The apps with their generate and scan permissions (000 §2.2.5) as two check boxes per row;
// a click asks the server (PUT /apps/{id}/permissions) and the box shows what it answered.
// The change holds from the app's next request.
class AppPermissionsPage : public ListPage
{
    Q_OBJECT

public:
    explicit AppPermissionsPage(const PageContext& context, QWidget* parent = nullptr);

    AppPermissionModel* permissionModel() const { return m_permissions; }
    // Switches one permission as a click on its box would.
    void setPermission(qint64 appId, const QString& permission, bool on);

signals:
    // The permissions of every listed app have arrived.
    void permissionsLoaded();
    // The server answered a change (ok false: refused, the box is unchanged).
    void permissionSaved(bool ok);

private:
    void loadPermissions();

    AppPermissionModel* m_permissions = nullptr;
    quint64 m_serial = 0;
};

} // namespace citycode::client

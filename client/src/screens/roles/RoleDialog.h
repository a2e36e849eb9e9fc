#pragma once

#include "widgets/FormDialog.h"

#include <QJsonArray>

class QTreeWidget;
class QTreeWidgetItem;

namespace citycode::client {

// Create or edit a role: name, code, description and its permissions as a tree of menus and
// buttons with check boxes (checking a menu checks what is below it).
class RoleDialog : public FormDialog
{
    Q_OBJECT

public:
    // `menus` is the menu tree (children nested); the role's menuIds are checked.
    RoleDialog(const QJsonObject& role, const QJsonArray& menus, QWidget* parent = nullptr);

    // The form's values plus menuIds: every checked node and the parents of partly checked ones,
    // so that a granted button keeps the screen it sits on.
    QJsonObject request() const;

private:
    void addMenus(QTreeWidgetItem* parent, const QJsonArray& menus, const QSet<qint64>& checked);

    QTreeWidget* m_permissionsTreeWidget = nullptr;
};

} // namespace citycode::client

#pragma once

#include "widgets/ListPage.h"

#include <QJsonArray>

namespace citycode::client {

// Role management (001 §4.12.1): roles of the caller's platform with their function permissions,
// chosen in a tree of menus and buttons; built-in roles cannot be changed.
class RolesPage : public ListPage
{
    Q_OBJECT

public:
    explicit RolesPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void openDialog(const QJsonObject& role);
    void openWithMenus(const QJsonObject& role, const QJsonArray& menus);
};

} // namespace citycode::client

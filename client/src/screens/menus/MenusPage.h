#pragma once

#include "widgets/Page.h"

#include <QJsonArray>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace citycode::client {

class ApiError;
class StatusLabel;

// Menus and buttons (001 §4.12.3 菜单管理): the permission tree that roles grant and the
// navigation follows, shown as a tree with create, edit and delete (main platform only).
class MenusPage : public Page
{
    Q_OBJECT

public:
    MenusPage(const PageContext& context, QWidget* parent = nullptr);

    void reload() override;

    QTreeWidget* treeWidget() const { return m_treeWidget; }
    bool isLoading() const { return m_loading; }

signals:
    // The tree arrived (or failed: ok false).
    void loaded(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fill(const QJsonArray& items);
    void addItems(QTreeWidgetItem* parent, const QJsonArray& items);
    void updateButtons();
    QJsonObject selectedMenu() const;
    void openDialog(const QJsonObject& menu, qint64 parentId);
    void removeSelected();
    void showError(const ApiError& error);

    QJsonArray m_items;
    bool m_loading = false;
    QTreeWidget* m_treeWidget = nullptr;
    QPushButton* m_newButton = nullptr;
    QPushButton* m_newChildButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_refreshButton = nullptr;
    StatusLabel* m_statusLabel = nullptr;
    QLabel* m_titleLabel = nullptr;
};

} // namespace citycode::client

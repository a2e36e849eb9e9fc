#include "screens/roles/RoleDialog.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QSet>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace citycode::client {

namespace {

constexpr int NameLength = 100;
constexpr int CodeLength = 64;
constexpr int DescriptionLength = 500;
constexpr int TreeHeight = 280;
constexpr int MenuIdRole = Qt::UserRole + 1;

} // namespace

RoleDialog::RoleDialog(const QJsonObject& role, const QJsonArray& menus, QWidget* parent)
    : FormDialog(role.isEmpty() ? tr("New role") : tr("Edit role"), parent)
{
    setObjectName(QStringLiteral("roleDialog"));
    addLine(QStringLiteral("name"), tr("&Name:"), role.value(QLatin1String("name")).toString(), true, NameLength);
    addLine(QStringLiteral("code"), tr("&Code:"), role.value(QLatin1String("code")).toString(), true, CodeLength,
            QRegularExpression(QStringLiteral("^[A-Za-z0-9_.:-]+$")), tr("letters, digits and _ . : - only"));
    addText(QStringLiteral("description"), tr("&Description:"), role.value(QLatin1String("description")).toString(),
            DescriptionLength);

    QSet<qint64> checked;
    for (const QJsonValue& id : role.value(QLatin1String("menuIds")).toArray()) {
        checked.insert(id.toInteger());
    }
    m_permissionsTreeWidget = new QTreeWidget(this);
    m_permissionsTreeWidget->setObjectName(QStringLiteral("permissionsTreeWidget"));
    m_permissionsTreeWidget->setHeaderLabels({tr("Permission"), tr("Key")});
    m_permissionsTreeWidget->setMinimumHeight(TreeHeight);
    addMenus(nullptr, menus, checked);
    m_permissionsTreeWidget->expandAll();
    m_permissionsTreeWidget->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    if (auto* form = findChild<QFormLayout*>()) {
        form->addRow(tr("&Permissions:"), m_permissionsTreeWidget);
    }
}

void RoleDialog::addMenus(QTreeWidgetItem* parent, const QJsonArray& menus, const QSet<qint64>& checked)
{
    for (const QJsonValue& value : menus) {
        const QJsonObject menu = value.toObject();
        auto* item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_permissionsTreeWidget);
        const qint64 id = menu.value(QLatin1String("id")).toInteger();
        item->setText(0, menu.value(QLatin1String("name")).toString());
        item->setText(1, menu.value(QLatin1String("permission")).toString());
        item->setData(0, MenuIdRole, id);
        const QJsonArray children = menu.value(QLatin1String("children")).toArray();
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable |
                       (children.isEmpty() ? Qt::NoItemFlags : Qt::ItemIsAutoTristate));
        if (children.isEmpty()) {
            item->setCheckState(0, checked.contains(id) ? Qt::Checked : Qt::Unchecked);
        } else {
            // A parent's state follows its children (auto tristate); a parent held alone still shows.
            item->setCheckState(0, Qt::Unchecked);
            addMenus(item, children, checked);
            if (checked.contains(id) && item->checkState(0) == Qt::Unchecked) {
                item->setData(0, Qt::CheckStateRole, Qt::PartiallyChecked);
            }
        }
    }
}

QJsonObject RoleDialog::request() const
{
    QJsonObject body = values();
    QJsonArray ids;
    for (QTreeWidgetItemIterator it(m_permissionsTreeWidget); *it != nullptr; ++it) {
        if ((*it)->checkState(0) != Qt::Unchecked) {
            ids.append((*it)->data(0, MenuIdRole).toLongLong());
        }
    }
    body.insert(QStringLiteral("menuIds"), ids);
    return body;
}

} // namespace citycode::client

#include "screens/operators/OperatorDialog.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QSet>

namespace citycode::client {

namespace {

constexpr int UsernameLength = 64;
constexpr int DisplayNameLength = 100;
constexpr int RolesListHeight = 120;

} // namespace

OperatorDialog::OperatorDialog(const QJsonObject& account, const QVector<QPair<qint64, QString>>& roles,
                               QWidget* parent)
    : FormDialog(account.isEmpty() ? tr("New operator") : tr("Edit operator"), parent)
{
    setObjectName(QStringLiteral("operatorDialog"));
    if (account.isEmpty()) {
        addLine(QStringLiteral("username"), tr("&User name:"), QString(), true, UsernameLength,
                QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]{3,32}$")),
                tr("3 to 32 letters, digits, dots, underscores or hyphens"));
    } else {
        addInfo(tr("User name:"), account.value(QLatin1String("username")).toString());
    }
    addLine(QStringLiteral("displayName"), tr("&Display name:"), account.value(QLatin1String("displayName")).toString(),
            true, DisplayNameLength);

    QSet<qint64> held;
    for (const QJsonValue& role : account.value(QLatin1String("roles")).toArray()) {
        held.insert(role.toObject().value(QLatin1String("id")).toInteger());
    }
    m_rolesListWidget = new QListWidget(this);
    m_rolesListWidget->setObjectName(QStringLiteral("rolesListWidget"));
    m_rolesListWidget->setMinimumHeight(RolesListHeight);
    for (const auto& [id, name] : roles) {
        auto* item = new QListWidgetItem(name, m_rolesListWidget);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(held.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    if (auto* form = findChild<QFormLayout*>()) {
        form->addRow(tr("&Roles:"), m_rolesListWidget);
    }
}

QJsonObject OperatorDialog::request() const
{
    QJsonObject body = values();
    QJsonArray ids;
    for (int row = 0; row < m_rolesListWidget->count(); ++row) {
        const QListWidgetItem* item = m_rolesListWidget->item(row);
        if (item->checkState() == Qt::Checked) {
            ids.append(item->data(Qt::UserRole).toLongLong());
        }
    }
    body.insert(QStringLiteral("roleIds"), ids);
    return body;
}

} // namespace citycode::client

#pragma once

#include "widgets/FormDialog.h"

class QListWidget;

namespace citycode::client {

// Create or edit an operator: user name (on creation), display name and roles, picked from
// the roles of the caller's platform.
class OperatorDialog : public FormDialog
{
    Q_OBJECT

public:
    // `roles` are (id, name) pairs; the operator's current role ids come with `account`.
    OperatorDialog(const QJsonObject& account, const QVector<QPair<qint64, QString>>& roles, QWidget* parent = nullptr);

    // The form's values plus roleIds.
    QJsonObject request() const;

private:
    QListWidget* m_rolesListWidget = nullptr;
};

} // namespace citycode::client

#pragma once

#include <QDialog>
#include <QPair>
#include <QVector>

namespace citycode::client {

// Shows values the server reveals only once (an AppSecret, a one-time password) with a copy
// button each and a warning that they cannot be shown again.
class SecretDialog : public QDialog
{
    Q_OBJECT

public:
    // Rows of (label, value); the value is selectable and copyable.
    SecretDialog(const QString& title, const QString& explanation, const QVector<QPair<QString, QString>>& rows,
                 QWidget* parent = nullptr);
};

} // namespace citycode::client

#pragma once

#include "widgets/Page.h"

class QLabel;
class QPushButton;

namespace citycode::client {

class StatusLabel;

// My account: who is signed in, on which platform and with what scope; changing the own
// password (001 §4.12).
class AccountPage : public Page
{
    Q_OBJECT

public:
    explicit AccountPage(const PageContext& context, QWidget* parent = nullptr);

    void reload() override;

private:
    void changePassword();

    QLabel* m_usernameLabel = nullptr;
    QLabel* m_displayNameLabel = nullptr;
    QLabel* m_platformLabel = nullptr;
    QLabel* m_scopeLabel = nullptr;
    QPushButton* m_changePasswordButton = nullptr;
    StatusLabel* m_statusLabel = nullptr;
};

} // namespace citycode::client

#pragma once

#include "widgets/FormDialog.h"

namespace citycode::client {

class ApiClient;

// Changes the signed-in operator's password (POST /admin/v1/auth/password): the current one,
// the new one twice. The server's policy is checked before sending so that most mistakes are
// named at once; the server checks again (PASSWORD_POLICY, PASSWORD_WRONG).
class ChangePasswordDialog : public FormDialog
{
    Q_OBJECT

public:
    // `forced`: the first sign-in with a one-time password; the text says why.
    ChangePasswordDialog(ApiClient* api, const QString& username, bool forced, QWidget* parent = nullptr);

    // The policy of AuthService::checkPolicy: empty when `password` satisfies it.
    static QString policyProblem(const QString& username, const QString& password);

signals:
    void passwordChanged();

private:
    ApiClient* m_api;
};

} // namespace citycode::client

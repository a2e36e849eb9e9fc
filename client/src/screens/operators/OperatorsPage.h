#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Operator management (001 §4.12.1): create (with a one-time password shown once), edit name
// and roles, enable/disable, reset password, delete one or several.
class OperatorsPage : public ListPage
{
    Q_OBJECT

public:
    explicit OperatorsPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void openDialog(const QJsonObject& account);
    void resetPassword();
};

} // namespace citycode::client

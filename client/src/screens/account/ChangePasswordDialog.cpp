#include "screens/account/ChangePasswordDialog.h"

#include "api/ApiClient.h"

#include <QLineEdit>

namespace citycode::client {

namespace {

constexpr int MinimumLength = 10;
constexpr int MaximumLength = 128;
constexpr int RequiredClasses = 3;

} // namespace

ChangePasswordDialog::ChangePasswordDialog(ApiClient* api, const QString& username, bool forced, QWidget* parent)
    : FormDialog(tr("Change password"), parent), m_api(api)
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    if (forced) {
        addInfo(QString(), tr("You signed in with a one-time password. Choose your own password to continue."));
    }
    addInfo(tr("User name:"), username);
    QLineEdit* current =
        addLine(QStringLiteral("oldPassword"), tr("&Current password:"), QString(), true, MaximumLength);
    QLineEdit* fresh = addLine(QStringLiteral("newPassword"), tr("&New password:"), QString(), true, MaximumLength);
    QLineEdit* repeat =
        addLine(QStringLiteral("repeatPassword"), tr("&Repeat new password:"), QString(), true, MaximumLength);
    for (QLineEdit* edit : {current, fresh, repeat}) {
        edit->setEchoMode(QLineEdit::Password);
    }
    fresh->setToolTip(tr("At least 10 characters with three of: upper-case letters, lower-case letters, digits, "
                         "other characters; not containing the user name."));
    addCheck([username, current, fresh, repeat]() {
        const QString problem = policyProblem(username, fresh->text());
        if (!problem.isEmpty()) {
            return problem;
        }
        if (fresh->text() == current->text()) {
            return tr("The new password must differ from the current one.");
        }
        if (fresh->text() != repeat->text()) {
            return tr("The two new passwords differ.");
        }
        return QString();
    });
    setSubmit([this, current, fresh](const QJsonObject& /*values*/) {
        // Passwords are sent as typed, never trimmed.
        const QJsonObject body{{QStringLiteral("oldPassword"), current->text()},
                               {QStringLiteral("newPassword"), fresh->text()}};
        m_api->post(QStringLiteral("/admin/v1/auth/password"), body, this, [this](const ApiReply& reply) {
            if (!reply.error.isError()) {
                emit passwordChanged();
                succeed();
                return;
            }
            if (reply.error.code == QLatin1String("PASSWORD_WRONG")) {
                showError(tr("The current password is wrong."));
            } else if (reply.error.code == QLatin1String("PASSWORD_POLICY")) {
                showError(tr("The server refused the new password: %1").arg(reply.error.message));
            } else {
                showError(reply.error.toString());
            }
        });
    });
}

QString ChangePasswordDialog::policyProblem(const QString& username, const QString& password)
{
    if (password.size() < MinimumLength) {
        return tr("The password needs at least %n character(s).", nullptr, MinimumLength);
    }
    if (password.size() > MaximumLength) {
        return tr("The password may have at most %n character(s).", nullptr, MaximumLength);
    }
    bool upper = false;
    bool lower = false;
    bool digit = false;
    bool other = false;
    // The server counts bytes of ASCII classes; any non-ASCII character counts as "other" there too.
    for (const QChar c : password) {
        const ushort u = c.unicode();
        upper = upper || (u >= 'A' && u <= 'Z');
        lower = lower || (u >= 'a' && u <= 'z');
        digit = digit || (u >= '0' && u <= '9');
        other = other || !((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'));
    }
    if (int(upper) + int(lower) + int(digit) + int(other) < RequiredClasses) {
        return tr("The password needs at least three of: upper-case letters, lower-case letters, digits, other "
                  "characters.");
    }
    if (!username.isEmpty() && password.contains(username, Qt::CaseInsensitive)) {
        return tr("The password must not contain the user name.");
    }
    return {};
}

} // namespace citycode::client

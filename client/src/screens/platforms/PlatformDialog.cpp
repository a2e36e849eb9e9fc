#include "screens/platforms/PlatformDialog.h"

#include <QLineEdit>

namespace citycode::client {

namespace {

// The server's rules (PlatformService): name up to 100 characters, an http(s) service address,
// an administrator user name of 3-32 letters, digits, dot, underscore or hyphen.
constexpr int NameLength = 100;
constexpr int AddressLength = 500;
constexpr int UsernameLength = 32;

} // namespace

PlatformDialog::PlatformDialog(const QJsonObject& platform, QWidget* parent)
    : FormDialog(platform.isEmpty() ? tr("New sub-platform") : tr("Edit platform"), parent)
{
    setObjectName(QStringLiteral("platformDialog"));
    const bool creating = platform.isEmpty();
    addLine(QStringLiteral("name"), tr("&Name:"), platform.value(QLatin1String("name")).toString(), true, NameLength);
    QLineEdit* address = addLine(QStringLiteral("serviceAddress"), tr("&Service address:"),
                                 platform.value(QLatin1String("serviceAddress")).toString(), false, AddressLength,
                                 QRegularExpression(QStringLiteral("^https?://[^\\s/]+(/\\S*)?$")),
                                 tr("enter an http:// or https:// address"));
    address->setPlaceholderText(QStringLiteral("https://"));
    if (creating) {
        QLineEdit* username = addLine(QStringLiteral("adminUsername"), tr("&Administrator user name:"), QString(), true,
                                      UsernameLength, QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]{3,32}$")),
                                      tr("3 to 32 letters, digits, dots, underscores or hyphens"));
        username->setToolTip(tr("The sub-platform's administrator is created with it and receives a one-time "
                                "password that must be changed at the first sign-in."));
    }
}

} // namespace citycode::client

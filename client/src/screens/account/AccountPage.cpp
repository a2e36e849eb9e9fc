#include "screens/account/AccountPage.h"

#include "app/Session.h"
#include "screens/account/ChangePasswordDialog.h"
#include "widgets/StatusLabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr double PageTitleScale = 1.3;

} // namespace

AccountPage::AccountPage(const PageContext& context, QWidget* parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("accountPage"));
    auto* titleLabel = new QLabel(tr("My account"), this);
    titleLabel->setObjectName(QStringLiteral("pageTitleLabel"));
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * PageTitleScale);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);

    m_usernameLabel = new QLabel(this);
    m_usernameLabel->setObjectName(QStringLiteral("usernameValueLabel"));
    m_displayNameLabel = new QLabel(this);
    m_platformLabel = new QLabel(this);
    m_platformLabel->setObjectName(QStringLiteral("platformValueLabel"));
    m_scopeLabel = new QLabel(this);
    auto* form = new QFormLayout;
    form->addRow(tr("User name:"), m_usernameLabel);
    form->addRow(tr("Display name:"), m_displayNameLabel);
    form->addRow(tr("Platform:"), m_platformLabel);
    form->addRow(tr("Scope:"), m_scopeLabel);

    m_changePasswordButton = new QPushButton(tr("&Change password…"), this);
    m_changePasswordButton->setObjectName(QStringLiteral("changePasswordButton"));
    connect(m_changePasswordButton, &QPushButton::clicked, this, &AccountPage::changePassword);
    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("accountStatusLabel"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_changePasswordButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(titleLabel);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
}

void AccountPage::reload()
{
    if (session() == nullptr) {
        return;
    }
    m_usernameLabel->setText(session()->username());
    m_displayNameLabel->setText(session()->displayName());
    m_platformLabel->setText(session()->platformName());
    m_scopeLabel->setText(session()->isMainPlatform() ? tr("All platforms (main platform)")
                                                      : tr("This sub-platform only"));
}

void AccountPage::changePassword()
{
    auto* dialog =
        new ChangePasswordDialog(api(), session() != nullptr ? session()->username() : QString(), false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangePasswordDialog::passwordChanged, this, [this]() {
        m_statusLabel->showStatus(StatusLabel::Tone::Success,
                                  tr("Password changed. Your other sessions were signed out."));
    });
    dialog->open();
}

} // namespace citycode::client

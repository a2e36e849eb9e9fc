#include "screens/settings/SettingsPage.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "widgets/StatusLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr double PageTitleScale = 1.3;
constexpr int Day = 86400;
constexpr int MaximumFormWidth = 760;

} // namespace

const QString SettingsPage::Path = QStringLiteral("/admin/v1/settings");

SettingsPage::SettingsPage(const PageContext& context, QWidget* parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto* title = new QLabel(tr("System settings"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * PageTitleScale);
    font.setBold(true);
    title->setFont(font);

    // The bounds are the server's (SettingsService); it checks them again.
    m_refreshSpinBox = new QSpinBox(this);
    m_refreshSpinBox->setObjectName(QStringLiteral("refreshSecondsSpinBox"));
    m_refreshSpinBox->setRange(10, 3600);
    m_refreshSpinBox->setSuffix(tr(" s"));
    m_addressLineEdit = new QLineEdit(this);
    m_addressLineEdit->setObjectName(QStringLiteral("dataReceivingAddressLineEdit"));
    m_addressLineEdit->setPlaceholderText(QStringLiteral("https://"));
    m_signingAlgComboBox = new QComboBox(this);
    m_signingAlgComboBox->setObjectName(QStringLiteral("signingAlgComboBox"));
    m_signingAlgComboBox->addItem(tr("SM2 with SM3"), QStringLiteral("SM2-SM3"));
    m_signingAlgComboBox->addItem(tr("ECDSA P-256"), QStringLiteral("ECDSA-P256"));
    m_overlapSpinBox = new QSpinBox(this);
    m_overlapSpinBox->setObjectName(QStringLiteral("keyOverlapSecondsSpinBox"));
    m_overlapSpinBox->setRange(0, 90 * Day);
    m_overlapSpinBox->setSuffix(tr(" s"));
    m_rotationSpinBox = new QSpinBox(this);
    m_rotationSpinBox->setObjectName(QStringLiteral("keyRotationDaysSpinBox"));
    m_rotationSpinBox->setRange(0, 3650);
    m_rotationSpinBox->setSuffix(tr(" days"));
    m_rotationSpinBox->setSpecialValueText(tr("never"));
    m_trustListSpinBox = new QSpinBox(this);
    m_trustListSpinBox->setObjectName(QStringLiteral("trustListValiditySecondsSpinBox"));
    m_trustListSpinBox->setRange(600, 90 * Day);
    m_trustListSpinBox->setSuffix(tr(" s"));

    auto* form = new QFormLayout;
    form->addRow(tr("Default code &refresh interval:"), m_refreshSpinBox);
    form->addRow(tr("&Data receiving address:"), m_addressLineEdit);
    form->addRow(tr("&Signing algorithm of new keys:"), m_signingAlgComboBox);
    form->addRow(tr("Key &overlap after rotation:"), m_overlapSpinBox);
    form->addRow(tr("Rotate keys &every:"), m_rotationSpinBox);
    form->addRow(tr("&Trust list valid for:"), m_trustListSpinBox);

    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_revertButton = new QPushButton(tr("Re&vert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    const bool mayEdit = session() != nullptr && session()->can(QStringLiteral("system:setting:edit"));
    m_saveButton->setVisible(mayEdit);
    m_revertButton->setVisible(mayEdit);
    connect(m_saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_revertButton, &QPushButton::clicked, this, &SettingsPage::showSettings);
    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("settingsStatusLabel"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch(1);
    // A form of short values reads better at a bounded width than across a wide window.
    auto* formWidget = new QWidget(this);
    formWidget->setLayout(form);
    formWidget->setMaximumWidth(MaximumFormWidth);
    form->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(formWidget);
    layout->addLayout(buttons);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
}

void SettingsPage::reload()
{
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Loading…"));
    api()->get(Path, {}, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            emit loaded(false);
            return;
        }
        m_settings = reply.json;
        showSettings();
        m_statusLabel->clearStatus();
        emit loaded(true);
    });
}

void SettingsPage::showSettings()
{
    m_refreshSpinBox->setValue(m_settings.value(QLatin1String("refreshSeconds")).toInt());
    m_addressLineEdit->setText(m_settings.value(QLatin1String("dataReceivingAddress")).toString());
    m_signingAlgComboBox->setCurrentIndex(
        qMax(0, m_signingAlgComboBox->findData(m_settings.value(QLatin1String("signingAlg")).toString())));
    m_overlapSpinBox->setValue(m_settings.value(QLatin1String("keyOverlapSeconds")).toInt());
    m_rotationSpinBox->setValue(m_settings.value(QLatin1String("keyRotationDays")).toInt());
    m_trustListSpinBox->setValue(m_settings.value(QLatin1String("trustListValiditySeconds")).toInt());
}

QJsonObject SettingsPage::changes() const
{
    const QJsonObject now{{QStringLiteral("refreshSeconds"), m_refreshSpinBox->value()},
                          {QStringLiteral("dataReceivingAddress"), m_addressLineEdit->text().trimmed()},
                          {QStringLiteral("signingAlg"), m_signingAlgComboBox->currentData().toString()},
                          {QStringLiteral("keyOverlapSeconds"), m_overlapSpinBox->value()},
                          {QStringLiteral("keyRotationDays"), m_rotationSpinBox->value()},
                          {QStringLiteral("trustListValiditySeconds"), m_trustListSpinBox->value()}};
    QJsonObject changed;
    for (auto it = now.constBegin(); it != now.constEnd(); ++it) {
        if (m_settings.value(it.key()) != it.value()) {
            changed.insert(it.key(), it.value());
        }
    }
    return changed;
}

bool SettingsPage::save()
{
    const QString address = m_addressLineEdit->text().trimmed();
    const QUrl url(address, QUrl::StrictMode);
    if (!address.isEmpty() && (!url.isValid() || url.host().isEmpty() ||
                               (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))) {
        m_statusLabel->showStatus(StatusLabel::Tone::Error,
                                  tr("The data receiving address must be an http or https address."));
        m_addressLineEdit->setFocus();
        return false;
    }
    const QJsonObject body = changes();
    if (body.isEmpty()) {
        m_statusLabel->showStatus(StatusLabel::Tone::Success, tr("Nothing changed."));
        return true;
    }
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Saving…"));
    api()->put(Path, body, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            emit saved(false);
            return;
        }
        m_settings = reply.json;
        showSettings();
        m_statusLabel->showStatus(StatusLabel::Tone::Success, tr("Settings saved."));
        emit saved(true);
    });
    return true;
}

} // namespace citycode::client

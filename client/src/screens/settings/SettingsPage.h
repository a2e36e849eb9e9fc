#pragma once

#include "widgets/Page.h"

#include <QJsonObject>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace citycode::client {

class StatusLabel;

// System settings (002 §5.2.5, main platform only): the default refresh interval of dynamic
// codes, the data receiving address, the signing algorithm of new keys, key overlap and
// rotation, and how long a trust list is valid. Saves only what changed.
class SettingsPage : public Page
{
    Q_OBJECT

public:
    static const QString Path;

    explicit SettingsPage(const PageContext& context, QWidget* parent = nullptr);

    void reload() override;
    // Sends the changed settings; false (with the reason shown) when a value is refused locally.
    bool save();
    QJsonObject settings() const { return m_settings; }

signals:
    void loaded(bool ok);
    void saved(bool ok);

private:
    QJsonObject changes() const;
    void showSettings();

    QJsonObject m_settings;
    QSpinBox* m_refreshSpinBox = nullptr;
    QLineEdit* m_addressLineEdit = nullptr;
    QComboBox* m_signingAlgComboBox = nullptr;
    QSpinBox* m_overlapSpinBox = nullptr;
    QSpinBox* m_rotationSpinBox = nullptr;
    QSpinBox* m_trustListSpinBox = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_revertButton = nullptr;
    StatusLabel* m_statusLabel = nullptr;
};

} // namespace citycode::client

#pragma once

#include "widgets/FormDialog.h"

namespace citycode::client {

// Create or edit a platform: name and service address; on creation also the user name of the
// sub-platform's administrator (001 §4.4.3).
class PlatformDialog : public FormDialog
{
    Q_OBJECT

public:
    // An empty `platform` creates a sub-platform.
    explicit PlatformDialog(const QJsonObject& platform, QWidget* parent = nullptr);
};

} // namespace citycode::client

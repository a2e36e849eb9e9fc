#pragma once

#include "widgets/FormDialog.h"

namespace citycode::client {

// Create or edit an app: name, organisation, industry, description; on creation also the name
// of its developer (001 §4.3.3: exactly one developer per app).
class AppDialog : public FormDialog
{
    Q_OBJECT

public:
    // An empty `app` creates one; `industries` are (id, name) choices.
    AppDialog(const QJsonObject& app, const QVector<QPair<QVariant, QString>>& industries, QWidget* parent = nullptr);
};

} // namespace citycode::client

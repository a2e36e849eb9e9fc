#pragma once

#include "widgets/FormDialog.h"

namespace citycode::client {

// Saving the designer's look as a new server code style (000 §2.2.3): its name, the code type it
// is for, the platform (main platform only) and whether it becomes the type's active style now.
class NewCodeStyleDialog : public FormDialog
{
    Q_OBJECT

public:
    static constexpr int MaxNameLength = 100; // CodeStyleService

    // `platforms` are (id, name) choices, empty for an operator of one platform (the server then
    // takes the operator's own); `codeType` and `name` fill the fields in.
    NewCodeStyleDialog(const QVector<QPair<QVariant, QString>>& platforms, const QString& codeType, const QString& name,
                       QWidget* parent = nullptr);

    // name, codeType, active and, when chosen, platformId: what POST /code-styles adds to the look.
    QJsonObject body() const;
};

} // namespace citycode::client

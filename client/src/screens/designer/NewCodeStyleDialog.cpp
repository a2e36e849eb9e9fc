#include "screens/designer/NewCodeStyleDialog.h"

#include "models/CodeEngineText.h"

namespace citycode::client {

NewCodeStyleDialog::NewCodeStyleDialog(const QVector<QPair<QVariant, QString>>& platforms, const QString& codeType,
                                       const QString& name, QWidget* parent)
    : FormDialog(tr("New code style"), parent)
{
    setObjectName(QStringLiteral("newCodeStyleDialog"));
    addLine(QStringLiteral("name"), tr("&Name:"), name, true, MaxNameLength);
    QVector<QPair<QVariant, QString>> types;
    for (const QString& type : CodeEngineText::codeTypes()) {
        types.append({type, CodeEngineText::codeType(type)});
    }
    addChoice(QStringLiteral("codeType"), tr("Code &type:"), types,
              CodeEngineText::codeTypes().contains(codeType) ? QVariant(codeType) : types.first().first);
    if (!platforms.isEmpty()) {
        addChoice(QStringLiteral("platformId"), tr("&Platform:"), platforms, platforms.first().first);
    }
    // 000 §2.2.3: one active style per platform and code type; activating retires the previous one.
    addFlag(QStringLiteral("active"), tr("&Activate now (retires the type's active style)"), false);
}

QJsonObject NewCodeStyleDialog::body() const
{
    QJsonObject object = values();
    if (object.contains(QLatin1String("platformId"))) {
        object.insert(QStringLiteral("platformId"), object.value(QLatin1String("platformId")).toInteger());
    }
    return object;
}

} // namespace citycode::client

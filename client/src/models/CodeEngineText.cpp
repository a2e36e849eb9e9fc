#include "models/CodeEngineText.h"

#include <QPair>

namespace citycode::client {

QStringList CodeEngineText::codeTypes()
{
    return {QStringLiteral("personal"), QStringLiteral("enterprise"), QStringLiteral("payment"),
            QStringLiteral("health"), QStringLiteral("object")};
}

QString CodeEngineText::codeType(const QString& type)
{
    if (type == QLatin1String("personal")) {
        return tr("Personal code");
    }
    if (type == QLatin1String("enterprise")) {
        return tr("Enterprise code");
    }
    if (type == QLatin1String("payment")) {
        return tr("Payment code");
    }
    if (type == QLatin1String("health")) {
        return tr("Health code");
    }
    if (type == QLatin1String("object")) {
        return tr("Object code");
    }
    return type;
}

QString CodeEngineText::form(const QString& form)
{
    if (form == QLatin1String("dynamic")) {
        return tr("Dynamic");
    }
    if (form == QLatin1String("static")) {
        return tr("Static");
    }
    return form;
}

QString CodeEngineText::publishState(const QString& state)
{
    if (state == QLatin1String("pending")) {
        return tr("Not published");
    }
    if (state == QLatin1String("published")) {
        return tr("Published");
    }
    return state;
}

QStringList CodeEngineText::fieldTypes()
{
    return {QStringLiteral("string"), QStringLiteral("number"),   QStringLiteral("integer"),
            QStringLiteral("date"),   QStringLiteral("datetime"), QStringLiteral("boolean")};
}

QString CodeEngineText::fieldType(const QString& type)
{
    if (type == QLatin1String("string")) {
        return tr("Text");
    }
    if (type == QLatin1String("number")) {
        return tr("Number");
    }
    if (type == QLatin1String("integer")) {
        return tr("Integer");
    }
    if (type == QLatin1String("date")) {
        return tr("Date");
    }
    if (type == QLatin1String("datetime")) {
        return tr("Date and time");
    }
    if (type == QLatin1String("boolean")) {
        return tr("Yes/no");
    }
    return type;
}

QStringList CodeEngineText::staticStates()
{
    return {QStringLiteral("registered"), QStringLiteral("applied"),  QStringLiteral("enabled"),
            QStringLiteral("disabled"),   QStringLiteral("lost"),     QStringLiteral("replaced"),
            QStringLiteral("recycled"),   QStringLiteral("cancelled")};
}

QString CodeEngineText::staticState(const QString& state)
{
    if (state == QLatin1String("registered")) {
        return tr("Registered");
    }
    if (state == QLatin1String("applied")) {
        return tr("Applied");
    }
    if (state == QLatin1String("enabled")) {
        return tr("In use");
    }
    if (state == QLatin1String("disabled")) {
        return tr("Disabled");
    }
    if (state == QLatin1String("lost")) {
        return tr("Lost");
    }
    if (state == QLatin1String("replaced")) {
        return tr("Replaced");
    }
    if (state == QLatin1String("recycled")) {
        return tr("Recycled");
    }
    if (state == QLatin1String("cancelled")) {
        return tr("Cancelled");
    }
    return state;
}

QStringList CodeEngineText::staticOperations()
{
    return {QStringLiteral("apply"),       QStringLiteral("enable"), QStringLiteral("disable"),
            QStringLiteral("report-lost"), QStringLiteral("change"), QStringLiteral("recycle"),
            QStringLiteral("replace"),     QStringLiteral("cancel")};
}

QString CodeEngineText::staticOperation(const QString& operation)
{
    if (operation == QLatin1String("register")) {
        return tr("Register");
    }
    if (operation == QLatin1String("apply")) {
        return tr("Apply");
    }
    if (operation == QLatin1String("enable")) {
        return tr("Enable");
    }
    if (operation == QLatin1String("disable")) {
        return tr("Disable");
    }
    if (operation == QLatin1String("report-lost")) {
        return tr("Report lost");
    }
    if (operation == QLatin1String("change")) {
        return tr("Change information");
    }
    if (operation == QLatin1String("recycle")) {
        return tr("Recycle");
    }
    if (operation == QLatin1String("replace")) {
        return tr("Replace");
    }
    if (operation == QLatin1String("cancel")) {
        return tr("Cancel code");
    }
    return operation;
}

QString CodeEngineText::subjectType(const QString& type)
{
    if (type == QLatin1String("person")) {
        return tr("Person");
    }
    if (type == QLatin1String("enterprise")) {
        return tr("Enterprise");
    }
    if (type == QLatin1String("object")) {
        return tr("Object");
    }
    if (type == QLatin1String("place")) {
        return tr("Place");
    }
    if (type == QLatin1String("device")) {
        return tr("Device");
    }
    if (type == QLatin1String("other")) {
        return tr("Other");
    }
    return type;
}

QStringList CodeEngineText::codeSubjectTypes()
{
    return {QStringLiteral("enterprise"), QStringLiteral("place"), QStringLiteral("object"), QStringLiteral("device"),
            QStringLiteral("other")};
}

QString CodeEngineText::keyPurpose(const QString& purpose)
{
    if (purpose == QLatin1String("sign")) {
        return tr("Signing");
    }
    if (purpose == QLatin1String("mac")) {
        return tr("MAC");
    }
    if (purpose == QLatin1String("anchor")) {
        return tr("Trust-list anchor");
    }
    return purpose;
}

QString CodeEngineText::keyStatus(const QString& status)
{
    if (status == QLatin1String("current")) {
        return tr("Current");
    }
    if (status == QLatin1String("retired")) {
        return tr("Retired");
    }
    return status;
}

QVector<QPair<QString, QString>> CodeEngineText::choices(const QStringList& values, QString (*text)(const QString&))
{
    QVector<QPair<QString, QString>> items;
    for (const QString& value : values) {
        items.append({value, text(value)});
    }
    return items;
}

} // namespace citycode::client

#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace citycode::client {

// How the console writes the server's raw values: statuses and kinds in words, UTC timestamps
// in local time, numbers and booleans plainly. Shared by tables, details and exports.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(citycode::client::DisplayText)

public:
    static QString value(const QJsonValue& value);
    // "enabled" -> "Enabled"; other states (pending, approved...) likewise; unknown ones as given.
    static QString status(const QString& status);
    // "main" / "sub" platform kinds.
    static QString platformKind(const QString& kind);
    // An ISO 8601 UTC timestamp of the server as local "yyyy-MM-dd HH:mm:ss"; empty stays empty.
    static QString time(const QString& isoUtc);
    static QString yesNo(bool value);
};

} // namespace citycode::client

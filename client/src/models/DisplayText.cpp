#include "models/DisplayText.h"

#include <QDateTime>

namespace citycode::client {

QString DisplayText::value(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return yesNo(value.toBool());
    case QJsonValue::Double:
        if (value.toDouble() == static_cast<double>(value.toInteger())) {
            return QString::number(value.toInteger());
        }
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

QString DisplayText::status(const QString& status)
{
    if (status == QLatin1String("enabled")) {
        return tr("Enabled");
    }
    if (status == QLatin1String("disabled")) {
        return tr("Disabled");
    }
    if (status == QLatin1String("pending")) {
        return tr("Pending");
    }
    if (status == QLatin1String("approved")) {
        return tr("Approved");
    }
    if (status == QLatin1String("rejected")) {
        return tr("Rejected");
    }
    if (status == QLatin1String("ok") || status == QLatin1String("success")) {
        return tr("Succeeded");
    }
    if (status == QLatin1String("failed") || status == QLatin1String("failure")) {
        return tr("Failed");
    }
    return status;
}

QString DisplayText::platformKind(const QString& kind)
{
    if (kind == QLatin1String("main")) {
        return tr("Main platform");
    }
    if (kind == QLatin1String("sub")) {
        return tr("Sub-platform");
    }
    return kind;
}

QString DisplayText::time(const QString& isoUtc)
{
    if (isoUtc.isEmpty()) {
        return {};
    }
    QDateTime moment = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    if (!moment.isValid()) {
        moment = QDateTime::fromString(isoUtc, Qt::ISODate);
    }
    if (!moment.isValid()) {
        return isoUtc;
    }
    return moment.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString DisplayText::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

} // namespace citycode::client

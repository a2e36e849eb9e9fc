#include "app/Session.h"

namespace citycode::client {

void Session::update(const QJsonObject& profile)
{
    const QJsonObject account = profile.value(QLatin1String("operator")).toObject();
    m_operatorId = account.value(QLatin1String("id")).toInteger();
    m_username = account.value(QLatin1String("username")).toString();
    m_displayName = account.value(QLatin1String("displayName")).toString();
    m_platformId = account.value(QLatin1String("platformId")).toInteger();
    m_platformName = account.value(QLatin1String("platformName")).toString();
    m_mainPlatform = account.value(QLatin1String("mainPlatform")).toBool();
    m_initialAdmin = account.value(QLatin1String("initialAdmin")).toBool();
    m_mustChangePassword = profile.value(QLatin1String("mustChangePassword")).toBool();
    m_permissions.clear();
    for (const QJsonValue& key : profile.value(QLatin1String("permissions")).toArray()) {
        m_permissions.insert(key.toString());
    }
    m_menus = profile.value(QLatin1String("menus")).toArray();
}

void Session::clear()
{
    *this = Session();
}

} // namespace citycode::client

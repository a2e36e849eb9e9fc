#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace citycode::client {

// Who is signed in, as GET /admin/v1/auth/me (or the login answer) describes it: the operator,
// their platform, the permission keys they hold and the navigation menus those allow. Pages
// ask it which actions to offer; the server checks every request again regardless.
class Session
{
public:
    // Reads the answer of /auth/login or /auth/me; the token is kept only by the ApiClient.
    void update(const QJsonObject& profile);
    void clear();

    bool isSignedIn() const { return m_operatorId != 0; }
    qint64 operatorId() const { return m_operatorId; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    qint64 platformId() const { return m_platformId; }
    QString platformName() const { return m_platformName; }
    bool isMainPlatform() const { return m_mainPlatform; }
    bool isInitialAdmin() const { return m_initialAdmin; }
    bool mustChangePassword() const { return m_mustChangePassword; }
    void setMustChangePassword(bool value) { m_mustChangePassword = value; }

    // Whether the operator holds a permission key (screens and buttons alike).
    bool can(const QString& permission) const { return m_permissions.contains(permission); }
    // The navigation tree: enabled menus of type "menu" the operator holds, children nested.
    QJsonArray menus() const { return m_menus; }

private:
    qint64 m_operatorId = 0;
    QString m_username;
    QString m_displayName;
    qint64 m_platformId = 0;
    QString m_platformName;
    bool m_mainPlatform = false;
    bool m_initialAdmin = false;
    bool m_mustChangePassword = false;
    QSet<QString> m_permissions;
    QJsonArray m_menus;
};

} // namespace citycode::client

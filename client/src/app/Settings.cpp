#include "app/Settings.h"

#include <QCoreApplication>
#include <QDir>

namespace citycode::client {

namespace {

const QString ServerUrlKey = QStringLiteral("server/url");
const QString UsernameKey = QStringLiteral("login/username");
const QString LanguageKey = QStringLiteral("ui/language");
const QString MainWindowGeometryKey = QStringLiteral("mainWindow/geometry");
const QString MainWindowStateKey = QStringLiteral("mainWindow/splitter");
const QString LastPageKey = QStringLiteral("mainWindow/lastPage");
const QString ReferenceStaleKey = QStringLiteral("cache/referenceStaleSeconds");
constexpr int DefaultReferenceStaleSeconds = 10 * 60;

QString settingsFile()
{
    const QString directory = qEnvironmentVariable(Settings::DirectoryVariable);
    if (directory.isEmpty()) {
        return {};
    }
    return QDir(directory).filePath(QCoreApplication::applicationName() + QLatin1String(".ini"));
}

} // namespace

QUrl Settings::defaultServerUrl()
{
    return QUrl(QStringLiteral("http://127.0.0.1:8080"));
}

// QSettings() without arguments is the native per-user store named after the organization and
// application, as set in Application.
Settings::Settings()
{
    const QString file = settingsFile();
    m_settings =
        file.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

QUrl Settings::serverUrl() const
{
    const QUrl url(m_settings->value(ServerUrlKey).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServerUrl();
}

void Settings::setServerUrl(const QUrl& url)
{
    m_settings->setValue(ServerUrlKey, url.toString());
}

QString Settings::username() const
{
    return m_settings->value(UsernameKey).toString();
}

void Settings::setUsername(const QString& username)
{
    m_settings->setValue(UsernameKey, username);
}

QString Settings::language() const
{
    return m_settings->value(LanguageKey).toString();
}

void Settings::setLanguage(const QString& language)
{
    m_settings->setValue(LanguageKey, language);
}

QByteArray Settings::mainWindowGeometry() const
{
    return m_settings->value(MainWindowGeometryKey).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(MainWindowGeometryKey, geometry);
}

QByteArray Settings::mainWindowState() const
{
    return m_settings->value(MainWindowStateKey).toByteArray();
}

void Settings::setMainWindowState(const QByteArray& state)
{
    m_settings->setValue(MainWindowStateKey, state);
}

int Settings::referenceStaleSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value(ReferenceStaleKey).toInt(&ok);
    return ok && seconds >= 0 ? seconds : DefaultReferenceStaleSeconds;
}

QString Settings::lastPage() const
{
    return m_settings->value(LastPageKey).toString();
}

void Settings::setLastPage(const QString& permission)
{
    m_settings->setValue(LastPageKey, permission);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace citycode::client

#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QUrl>

#include <memory>

namespace citycode::client {

// Typed access to the console's saved preferences (server address, language, window layout).
// Stored where QSettings keeps the user's settings, or in CITYCODE_SETTINGS_DIR when that
// environment variable is set, so tests and portable installs never touch the real ones.
class Settings
{
public:
    static constexpr const char* DirectoryVariable = "CITYCODE_SETTINGS_DIR";
    static QUrl defaultServerUrl();

    Settings();

    QUrl serverUrl() const;
    void setServerUrl(const QUrl& url);

    QString username() const;
    void setUsername(const QString& username);

    // A language code such as "zh_CN"; empty means "follow the system".
    QString language() const;
    void setLanguage(const QString& language);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray& geometry);

    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray& state);

    // The permission key of the page shown when the main window was closed.
    QString lastPage() const;
    void setLastPage(const QString& permission);

    // How old cached regions, industries and dictionaries may get before they are fetched again
    // (cache/referenceStaleSeconds; 10 minutes unless set).
    int referenceStaleSeconds() const;

    // Writes pending changes to storage now instead of when the object is destroyed.
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace citycode::client

#pragma once

#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/LocalStore.h"
#include "app/ReferenceCache.h"
#include "app/Session.h"

#include <QApplication>
#include <QElapsedTimer>

#include <memory>

class QCommandLineParser;

namespace citycode::client {

class LoginDialog;
class MainWindow;

// The running console: its identity (name, version, where settings live), its language, its
// command line (--server, --lang) and its first screen. Owns the one ApiClient and the local state.
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int& argc, char** argv);

    ~Application() override;

    // Reads the command line, shows the sign-in dialog and runs the event loop; returns the
    // process exit code.
    int run();

private:
    struct Options
    {
        QString language;
        QString server;
        QString screenshotFile;
        bool startupProbe = false;
    };

    Options readCommandLine(QCommandLineParser& parser, bool processStrictly);
    void saveScreenshotWhenChecked(LoginDialog* dialog, const QString& file);
    // For bench/console-startup.sh: once the sign-in dialog has been painted, prints the time
    // since the application object was created and exits.
    void exitWhenPainted(LoginDialog* dialog);
    void reportError(const QString& message);
    // The sign-in dialog; on success the main window replaces it.
    LoginDialog* showLogin();
    void openMainWindow(const QJsonObject& profile);
    void signOut();

    QElapsedTimer m_startClock;
    LanguageManager m_languages;
    ApiClient m_api;
    Session m_session;
    // Recent searches and cached reference lists (opened in run(); the console works without).
    LocalStore m_localStore;
    ReferenceCache m_referenceData{&m_api, &m_session, &m_localStore};
    std::unique_ptr<MainWindow> m_mainWindow;
};

} // namespace citycode::client

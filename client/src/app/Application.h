#pragma once

#include "api/ApiClient.h"
#include "app/LanguageManager.h"

#include <QApplication>

class QCommandLineParser;

namespace citycode::client {

class LoginDialog;

// The running console: its identity (name, version, where settings live), its language, its
// command line (--server, --lang) and its first screen. Owns the one ApiClient.
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int& argc, char** argv);

    // Reads the command line, shows the sign-in dialog and runs the event loop; returns the
    // process exit code.
    int run();

private:
    struct Options
    {
        QString language;
        QString server;
        QString screenshotFile;
    };

    Options readCommandLine(QCommandLineParser& parser, bool processStrictly);
    void saveScreenshotWhenChecked(LoginDialog* dialog, const QString& file);
    void reportError(const QString& message);

    LanguageManager m_languages;
    ApiClient m_api;
};

} // namespace citycode::client

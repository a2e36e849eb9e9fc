#include "app/Application.h"

#include "app/Settings.h"
#include "screens/login/LoginDialog.h"

#include <QCommandLineParser>
#include <QLayout>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace citycode::client {

namespace {

// A screenshot waits for the connection check, which gives up after the ApiClient timeout.
constexpr int ScreenshotGraceMs = 3000;

} // namespace

Application::Application(int& argc, char** argv) : QApplication(argc, argv)
{
    // These name the per-user settings store (QSettings) and appear in --version.
    setOrganizationName(QStringLiteral("CityCode"));
    setApplicationName(QStringLiteral("citycode-admin"));
    setApplicationVersion(QStringLiteral(CITYCODE_VERSION));
}

Application::Options Application::readCommandLine(QCommandLineParser& parser, bool processStrictly)
{
    parser.setApplicationDescription(tr("CityCode admin console: manages the codes of a CityCode server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"), tr("Connect to the server at <url> instead of the saved address."), tr("url"));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        tr("Use <language> for this session: %1.").arg(LanguageManager::availableLanguages().join(QLatin1String(", "))),
        tr("language"));
    // For documentation and release checks: saves the sign-in dialog as a PNG once its connection
    // check has finished, then exits.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), tr("Save a screenshot to <file> and exit."),
                                        tr("file"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({serverOption, languageOption, screenshotOption});

    if (processStrictly) {
        parser.process(*this);
    } else {
        parser.parse(arguments());
    }
    return {parser.value(languageOption), parser.value(serverOption), parser.value(screenshotOption)};
}

int Application::run()
{
    Settings settings;

    // The language comes first so that --help and every later message are already translated:
    // a lenient first pass reads --lang, the strict second one reports errors in that language.
    QCommandLineParser languageParser;
    const Options early = readCommandLine(languageParser, false);
    const QString requestedLanguage = early.language.isEmpty() ? settings.language() : early.language;
    m_languages.setLanguage(LanguageManager::resolve(requestedLanguage, QLocale::system()));

    QCommandLineParser parser;
    const Options options = readCommandLine(parser, true);
    if (!options.language.isEmpty() && LanguageManager::match(options.language).isEmpty()) {
        reportError(tr("No translation for \"%1\"; using %2.")
                        .arg(options.language, LanguageManager::nativeName(m_languages.language())));
    }

    QUrl serverUrl = settings.serverUrl();
    if (!options.server.isEmpty()) {
        serverUrl = ApiClient::serverUrlFromUserInput(options.server);
        if (!serverUrl.isValid()) {
            reportError(tr("\"%1\" is not a server address; expected something like %2.")
                            .arg(options.server, Settings::defaultServerUrl().toDisplayString()));
            return EXIT_FAILURE;
        }
    }
    m_api.setBaseUrl(serverUrl);

    LoginDialog dialog(&m_api, &m_languages);
    // Signing in needs the server's authentication API, which is not there yet: say so rather
    // than pretend a session was opened.
    connect(&dialog, &LoginDialog::signInRequested, &dialog, [&dialog](const QUrl& url) {
        QMessageBox::information(&dialog, tr("Sign in"),
                                 tr("The server at %1 is reachable. Signing in becomes available with the "
                                    "server's authentication; no session was opened.")
                                     .arg(url.toDisplayString()));
    });
    if (!options.screenshotFile.isEmpty()) {
        saveScreenshotWhenChecked(&dialog, options.screenshotFile);
    }
    dialog.show();
    return exec();
}

void Application::saveScreenshotWhenChecked(LoginDialog* dialog, const QString& file)
{
    const auto save = [this, dialog, file]() {
        dialog->layout()->activate();
        const bool saved = dialog->grab().save(file, "PNG");
        if (!saved) {
            reportError(tr("Cannot write the screenshot to %1").arg(file));
        }
        exit(saved ? EXIT_SUCCESS : EXIT_FAILURE);
    };
    connect(dialog, &LoginDialog::connectionChecked, this, save, Qt::QueuedConnection);
    QTimer::singleShot(m_api.timeout() + ScreenshotGraceMs, this, save);
}

void Application::reportError(const QString& message)
{
    // A Windows GUI executable has no console to print to.
#ifdef Q_OS_WIN
    QMessageBox::warning(nullptr, applicationName(), message);
#else
    std::fprintf(stderr, "%s\n", qPrintable(message));
#endif
}

} // namespace citycode::client

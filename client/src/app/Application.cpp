#include "app/Application.h"

#include "app/Settings.h"
#include "screens/login/LoginDialog.h"
#include "screens/main/MainWindow.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
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
    m_startClock.start();
    // These name the per-user settings store (QSettings) and appear in --version.
    setOrganizationName(QStringLiteral("CityCode"));
    setApplicationName(QStringLiteral("citycode-admin"));
    setApplicationVersion(QStringLiteral(CITYCODE_VERSION));
}

Application::~Application() = default;

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
    // For the start-up benchmark (bench/console-startup.sh): exits once the sign-in dialog is painted.
    QCommandLineOption probeOption(QStringLiteral("startup-probe"));
    probeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({serverOption, languageOption, screenshotOption, probeOption});

    if (processStrictly) {
        parser.process(*this);
    } else {
        parser.parse(arguments());
    }
    return {parser.value(languageOption), parser.value(serverOption), parser.value(screenshotOption),
            parser.isSet(probeOption)};
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
    QString storeError;
    if (!m_localStore.open(LocalStore::defaultPath(), &storeError)) {
        // Not fatal: the console then keeps no recent searches and caches nothing.
        qWarning("%s", qPrintable(storeError));
    }
    m_referenceData.setStaleAfter(Settings().referenceStaleSeconds());

    LoginDialog* dialog = showLogin();
    if (!options.screenshotFile.isEmpty()) {
        saveScreenshotWhenChecked(dialog, options.screenshotFile);
    }
    if (options.startupProbe) {
        exitWhenPainted(dialog);
    }
    return exec();
}

LoginDialog* Application::showLogin()
{
    auto* dialog = new LoginDialog(&m_api, &m_languages);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoginDialog::signedIn, this, &Application::openMainWindow);
    dialog->show();
    return dialog;
}

void Application::openMainWindow(const QJsonObject& profile)
{
    m_session.update(profile);
    m_mainWindow = std::make_unique<MainWindow>(&m_api, &m_session, &m_languages, &m_localStore, &m_referenceData);
    connect(m_mainWindow.get(), &MainWindow::signOutRequested, this, &Application::signOut, Qt::QueuedConnection);
    m_mainWindow->show();
}

void Application::signOut()
{
    m_api.post(QStringLiteral("/admin/v1/auth/logout"), QJsonObject(), nullptr, {});
    m_api.setSessionToken({});
    // The next account (perhaps another operator at this computer) starts without these lists.
    m_referenceData.forgetAccount();
    m_session.clear();
    // The login appears before the window goes, so that the application does not quit.
    showLogin();
    m_mainWindow.reset();
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

void Application::exitWhenPainted(LoginDialog* dialog)
{
    // The dialog is painted by the first pass of the event loop after show().
    QTimer::singleShot(0, this, [this, dialog]() {
        dialog->repaint();
        // The time before main() (loading the libraries) is what the benchmark measures from
        // outside; this is the part the console's own code spends.
        std::printf("login window painted %lld ms after the application object was created\n",
                    static_cast<long long>(m_startClock.elapsed()));
        std::fflush(stdout);
        exit(EXIT_SUCCESS);
    });
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

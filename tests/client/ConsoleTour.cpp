// A guided tour of the console against a running citycode-server, for documentation and
// benchmarks (issue 5, must-shows 3 and 6); not part of the shipped console. It signs in through
// the real LoginDialog (changing the one-time password when asked), optionally fills the server
// with demo records through the admin API (--seed FILE: a JSON array of {method, path, body}),
// then opens every page the navigation offers (every page registered in PageCatalog.cpp that
// the operator may see), waits for its data and, with --screenshots DIR, saves the window as
// DIR/<permission>.png, plus the sign-in dialog and the "add" dialog of each list. With --memory
// it prints VmRSS and VmHWM (kB, /proc/self/status) once every page has been opened.
//
// Usage: citycode-console-tour --server URL --password P [--new-password P2] [--user admin]
//          [--lang en|zh_CN] [--seed FILE] [--screenshots DIR] [--memory]
#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "models/JsonTableModel.h"
#include "screens/account/ChangePasswordDialog.h"
#include "screens/login/LoginDialog.h"
#include "screens/main/MainWindow.h"
#include "widgets/ListPage.h"
#include "widgets/Page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace citycode::client;

constexpr int Timeout = 15000;
constexpr int SettleMs = 300;
constexpr int DialogMs = 700;
constexpr int PermissionRole = Qt::UserRole + 1; // MainWindow's navigation items

void fail(const QString& message)
{
    std::fprintf(stderr, "citycode-console-tour: %s\n", qPrintable(message));
    std::exit(EXIT_FAILURE);
}

void save(QWidget* widget, const QString& directory, const QString& name)
{
    if (directory.isEmpty() || widget == nullptr) {
        return;
    }
    QTest::qWait(SettleMs);
    if (widget->layout() != nullptr) {
        widget->layout()->activate();
    }
    const QString file = QDir(directory).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(file, "PNG")) {
        fail(QStringLiteral("cannot write %1").arg(file));
    }
    std::printf("%s\n", qPrintable(file));
}

void type(QLineEdit* edit, const QString& text)
{
    if (edit == nullptr) {
        fail(QStringLiteral("a sign-in field is missing"));
    }
    edit->clear();
    edit->insert(text);
}

// One admin API call, waited for.
ApiReply call(ApiClient& api, const QString& method, const QString& path, const QJsonValue& body)
{
    ApiReply answer;
    bool done = false;
    QEventLoop loop;
    api.request(method, path, {}, body, &loop, [&](const ApiReply& reply) {
        answer = reply;
        done = true;
        loop.quit();
    });
    if (!done) {
        loop.exec();
    }
    return answer;
}

void saveDialogOf(QPushButton* button, const QString& directory, const QString& name);

QJsonObject signIn(ApiClient& api, LanguageManager& languages, const QString& user, const QString& password,
                   const QString& newPassword, const QString& screenshots)
{
    LoginDialog dialog(&api, &languages);
    QJsonObject profile;
    QObject::connect(&dialog, &LoginDialog::signedIn, &dialog, [&](const QJsonObject& p) { profile = p; });
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog) || !QTest::qWaitFor([&]() { return !dialog.isChecking(); }, Timeout)) {
        fail(QStringLiteral("the sign-in dialog did not finish its connection check"));
    }
    type(dialog.findChild<QLineEdit*>(QStringLiteral("usernameLineEdit")), user);
    type(dialog.findChild<QLineEdit*>(QStringLiteral("passwordLineEdit")), password);
    auto* image = dialog.findChild<QLabel*>(QStringLiteral("captchaImageLabel"));
    if (image != nullptr && QTest::qWaitFor([image]() { return !image->pixmap().isNull(); }, Timeout)) {
        // A server started with auth.captcha=disabled ignores the answer.
        type(dialog.findChild<QLineEdit*>(QStringLiteral("captchaLineEdit")), QStringLiteral("any"));
    }
    save(&dialog, screenshots, QStringLiteral("login"));
    saveDialogOf(dialog.findChild<QPushButton*>(QStringLiteral("offlineVerifierButton")), screenshots,
                 QStringLiteral("login.offline-verifier"));
    auto* button = dialog.findChild<QPushButton*>(QStringLiteral("signInButton"));
    if (button == nullptr || !button->isEnabled()) {
        fail(QStringLiteral("cannot sign in: the button is disabled"));
    }
    button->click();
    ChangePasswordDialog* change = nullptr;
    (void)QTest::qWaitFor(
        [&]() {
            change = dialog.findChild<ChangePasswordDialog*>();
            return !profile.isEmpty() || (change != nullptr && change->isVisible());
        },
        Timeout);
    if (profile.isEmpty() && change != nullptr) {
        if (newPassword.isEmpty()) {
            fail(QStringLiteral("the server asks for a new password: pass --new-password"));
        }
        type(change->findChild<QLineEdit*>(QStringLiteral("oldPasswordLineEdit")), password);
        type(change->findChild<QLineEdit*>(QStringLiteral("newPasswordLineEdit")), newPassword);
        type(change->findChild<QLineEdit*>(QStringLiteral("repeatPasswordLineEdit")), newPassword);
        save(change, screenshots, QStringLiteral("change-password"));
        change->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
    }
    if (!QTest::qWaitFor([&]() { return !profile.isEmpty(); }, Timeout)) {
        fail(QStringLiteral("not signed in"));
    }
    return profile;
}

void seed(ApiClient& api, const QString& file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot read %1").arg(file));
    }
    const QJsonArray requests = QJsonDocument::fromJson(input.readAll()).array();
    int failed = 0;
    // A request with "as": "name" names the id it created; "@name" in a later body (a top-level
    // value) stands for that id.
    QHash<QString, QJsonValue> ids;
    for (const QJsonValue& value : requests) {
        const QJsonObject request = value.toObject();
        const QString method = request.value(QLatin1String("method")).toString();
        const QString path = request.value(QLatin1String("path")).toString();
        QJsonObject body = request.value(QLatin1String("body")).toObject();
        for (auto it = body.begin(); it != body.end(); ++it) {
            const QString text = it.value().toString();
            if (text.startsWith(QLatin1Char('@')) && ids.contains(text.mid(1))) {
                it.value() = ids.value(text.mid(1));
            }
        }
        const ApiReply reply = call(api, method, path, body);
        const QString name = request.value(QLatin1String("as")).toString();
        if (!name.isEmpty() && !reply.error.isError()) {
            QJsonValue id = reply.json.value(QLatin1String("id"));
            if (id.isUndefined()) {
                // Some answers wrap the record ({"platform": {...}, "adminPassword": ...}).
                for (const QJsonValue& inner : reply.json) {
                    if (inner.isObject() && inner.toObject().contains(QLatin1String("id"))) {
                        id = inner.toObject().value(QLatin1String("id"));
                    }
                }
            }
            ids.insert(name, id);
        }
        if (reply.error.isError()) {
            ++failed;
            std::fprintf(stderr, "seed %s %s: %s\n", qPrintable(method), qPrintable(path),
                         qPrintable(reply.error.toString()));
        }
    }
    std::printf("seeded %lld requests (%d refused)\n", static_cast<long long>(requests.size()), failed);
}

// Waits until the page's requests are answered (the status bar's busy state).
void settle(ApiClient& api)
{
    QTest::qWait(50);
    (void)QTest::qWaitFor([&api]() { return api.pendingRequests() == 0; }, Timeout);
}

// Clicks `button`, saves the dialog it opens and closes it. The dialog may run its own event
// loop (exec): the grab happens from a timer inside it.
void saveDialogOf(QPushButton* button, const QString& directory, const QString& name)
{
    if (button == nullptr || directory.isEmpty()) {
        return;
    }
    QTimer::singleShot(DialogMs, [directory, name]() {
        QWidget* dialog = QApplication::activeModalWidget();
        if (dialog == nullptr) {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                if (qobject_cast<QDialog*>(top) != nullptr && top->isVisible()) {
                    dialog = top;
                }
            }
        }
        if (auto* box = qobject_cast<QDialog*>(dialog)) {
            save(box, directory, name);
            box->reject();
        }
    });
    button->click();
    QTest::qWait(DialogMs + SettleMs + 100);
}

// The first "add"/"new" action of a page, and for lists with a detail view ("Entries…") that
// view of the first record.
void saveDialogs(Page* page, const QString& directory, const QString& name)
{
    if (page == nullptr || directory.isEmpty()) {
        return;
    }
    for (QPushButton* button : page->findChildren<QPushButton*>()) {
        const QString object = button->objectName().toLower();
        if (button->isVisible() && button->isEnabled() &&
            (object.startsWith(QLatin1String("add")) || object.startsWith(QLatin1String("create")) ||
             object.startsWith(QLatin1String("new")))) {
            saveDialogOf(button, directory, name + QStringLiteral(".add"));
            break;
        }
    }
    auto* list = qobject_cast<ListPage*>(page);
    auto* entries = page->findChild<QPushButton*>(QStringLiteral("entriesButton"));
    if (list != nullptr && entries != nullptr && list->model()->rowCount() > 0) {
        list->tableView()->selectRow(0);
        saveDialogOf(entries, directory, name + QStringLiteral(".entries"));
    }
}

QString memoryFigures()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return {};
    }
    QStringList figures;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
            figures << QString::fromLatin1(line.simplified());
        }
    }
    return figures.join(QLatin1Char(' '));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    application.setOrganizationName(QStringLiteral("CityCode"));
    application.setApplicationName(QStringLiteral("citycode-console-tour"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Operator."), QStringLiteral("name"),
                                  QStringLiteral("admin"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Password."), QStringLiteral("p"));
    const QCommandLineOption newPassword(QStringLiteral("new-password"),
                                         QStringLiteral("New password if the server asks for one."),
                                         QStringLiteral("p"));
    const QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("en or zh_CN."), QStringLiteral("lang"),
                                      QStringLiteral("en"));
    const QCommandLineOption seedFile(QStringLiteral("seed"), QStringLiteral("Requests to send first."),
                                      QStringLiteral("file"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("Folder for the PNGs."),
                                         QStringLiteral("dir"));
    const QCommandLineOption memory(QStringLiteral("memory"), QStringLiteral("Print VmRSS/VmHWM at the end."));
    parser.addOptions({server, user, password, newPassword, language, seedFile, screenshots, memory});
    parser.process(application);

    LanguageManager languages;
    if (!languages.setLanguage(parser.value(language))) {
        fail(QStringLiteral("no translation for %1").arg(parser.value(language)));
    }
    const QString directory = parser.value(screenshots);
    if (!directory.isEmpty() && !QDir().mkpath(directory)) {
        fail(QStringLiteral("cannot create %1").arg(directory));
    }
    ApiClient api;
    api.setBaseUrl(ApiClient::serverUrlFromUserInput(parser.value(server)));
    const QJsonObject profile =
        signIn(api, languages, parser.value(user), parser.value(password), parser.value(newPassword), directory);
    if (parser.isSet(seedFile)) {
        seed(api, parser.value(seedFile));
    }
    Session session;
    // The profile again: seeding may have changed what the navigation offers.
    const ApiReply me = call(api, QStringLiteral("GET"), QStringLiteral("/admin/v1/auth/me"), QJsonValue());
    session.update(me.error.isError() ? profile : me.json);

    MainWindow window(&api, &session, &languages);
    window.resize(1280, 800);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    settle(api);
    window.showPage(QString());
    auto* navigation = window.findChild<QTreeWidget*>(QStringLiteral("navigationTreeWidget"));
    QStringList permissions;
    for (QTreeWidgetItemIterator it(navigation); *it != nullptr; ++it) {
        const QString permission = (*it)->data(0, PermissionRole).toString();
        if ((*it)->childCount() == 0 && !permission.isEmpty()) {
            permissions << permission;
        }
    }
    navigation->setCurrentItem(navigation->topLevelItem(0));
    save(&window, directory, QStringLiteral("overview"));
    for (const QString& permission : permissions) {
        if (!window.showPage(permission)) {
            continue;
        }
        settle(api);
        QString name = permission;
        name.replace(QLatin1Char(':'), QLatin1Char('-'));
        save(&window, directory, name);
        saveDialogs(window.page(permission), directory, name);
        settle(api);
    }
    std::printf("opened %lld pages\n", static_cast<long long>(permissions.size()));
    if (parser.isSet(memory)) {
        std::printf("memory after every page: %s\n", qPrintable(memoryFigures()));
    }
    std::fflush(stdout);
    return EXIT_SUCCESS;
}

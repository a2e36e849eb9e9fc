// Keyboard order of every console dialog: each opens with its first field focused, Tab visits
// every enabled, visible input once in reading order (top to bottom, left to right) and ends on
// the dialog's buttons before it wraps around. One row per dialog (and per rule wizard step);
// the dialogs that show server data read it from a real server on loopback.
#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "screens/account/ChangePasswordDialog.h"
#include "screens/apps/AppDialog.h"
#include "screens/coderules/CodeRuleDetailDialog.h"
#include "screens/coderules/CodeRuleWizard.h"
#include "screens/coderules/RuleDiffDialog.h"
#include "screens/codespecs/CodeSpecDialog.h"
#include "screens/codesubjects/CodeSubjectDialog.h"
#include "screens/designer/NewCodeStyleDialog.h"
#include "screens/keys/RotateKeyDialog.h"
#include "screens/login/LoginDialog.h"
#include "screens/operators/OperatorDialog.h"
#include "screens/platforms/PlatformDialog.h"
#include "screens/roles/RoleDialog.h"
#include "screens/staticcodes/StaticCodeDetailDialog.h"
#include "screens/terminals/TerminalDialog.h"
#include "support/ConsoleApi.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

#include <functional>
#include <memory>

namespace citycode::test {

using namespace citycode::client;

namespace {

const QString InitialPassword = QStringLiteral("Initial-Pass-2024");
const QString AdminPassword = QStringLiteral("Kappa-Sigma-2024");
constexpr int Timeout = 10000;
// Widgets whose vertical centres differ by at most this many pixels share a row.
constexpr int RowTolerance = 8;

// What stands for `widget` in the order: the spin box or combo box it is part of, else itself.
QWidget* owner(QWidget* widget, QWidget* dialog)
{
    for (QWidget* up = widget; up != nullptr && up != dialog; up = up->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox*>(up) != nullptr || qobject_cast<QComboBox*>(up) != nullptr) {
            return up;
        }
    }
    return widget;
}

// The enabled, visible widgets of `dialog` that Tab may reach.
QList<QWidget*> inputsOf(QWidget* dialog)
{
    QList<QWidget*> inputs;
    for (QWidget* widget : dialog->findChildren<QWidget*>()) {
        if (widget->window() != dialog || !widget->isVisible() || !widget->isEnabled() ||
            (widget->focusPolicy() & Qt::TabFocus) == 0 || widget->focusProxy() != nullptr) {
            continue;
        }
        QWidget* input = owner(widget, dialog);
        if (!inputs.contains(input)) {
            inputs.append(input);
        }
    }
    return inputs;
}

QRect globalRect(const QWidget* widget)
{
    return QRect(widget->mapToGlobal(QPoint(0, 0)), widget->size());
}

// Reading order: a lower row comes later; in one row, further right comes later.
bool readsBefore(const QWidget* first, const QWidget* second)
{
    const QRect a = globalRect(first);
    const QRect b = globalRect(second);
    if (qAbs(a.center().y() - b.center().y()) > RowTolerance) {
        return a.center().y() < b.center().y();
    }
    return a.left() < b.left();
}

QString describe(const QWidget* widget)
{
    const QRect r = globalRect(widget);
    return QStringLiteral("%1(%2)@%3,%4")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())
        .arg(r.x())
        .arg(r.y());
}

QString describe(const QList<QWidget*>& widgets)
{
    QStringList names;
    for (const QWidget* widget : widgets) {
        names.append(describe(widget));
    }
    return names.join(QStringLiteral(" -> "));
}

// The dialog's own buttons: those of a QDialogButtonBox, or a wizard's Back/Next/Finish/Cancel.
bool isDialogButton(QWidget* widget, QWidget* dialog)
{
    if (auto* wizard = qobject_cast<QWizard*>(dialog)) {
        for (int which = QWizard::BackButton; which <= QWizard::HelpButton; ++which) {
            if (wizard->button(static_cast<QWizard::WizardButton>(which)) == widget) {
                return true;
            }
        }
        return false;
    }
    for (QWidget* up = widget->parentWidget(); up != nullptr && up != dialog; up = up->parentWidget()) {
        if (qobject_cast<QDialogButtonBox*>(up) != nullptr) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestDialogTabOrder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tabFollowsReadingOrder_data();
    void tabFollowsReadingOrder();

private:
    qint64 created(const QString& path, const QJsonObject& body) { return createdId(m_api, path, body); }
    QDialog* makeDialog(const QString& name);

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    LanguageManager m_languages;
    ApiClient m_api;
    Session m_session;
    QJsonArray m_menus;
    qint64 m_ruleId = 0;
    qint64 m_staticCodeId = 0;
};

void TestDialogTabOrder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_dir.filePath(QStringLiteral("settings"))));
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    QString error;
    m_server = startServer(InitialPassword, &error);
    QVERIFY2(m_server != nullptr, qPrintable(error));
    m_api.setBaseUrl(m_server->url());
    const QJsonObject me = signIn(m_api, QStringLiteral("admin"), InitialPassword, AdminPassword, &error);
    QVERIFY2(!me.isEmpty(), qPrintable(error));
    m_session.update(me);
    m_menus = me.value(QLatin1String("menus")).toArray();

    // A rule with two versions (detail and comparison) and a static code (its detail).
    const qint64 specId =
        created(QStringLiteral("/admin/v1/code-specs"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Tab spec")},
                            {QStringLiteral("fields"),
                             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("userId")},
                                                    {QStringLiteral("type"), QStringLiteral("string")},
                                                    {QStringLiteral("length"), 32}}}}});
    QVERIFY(specId > 0);
    m_ruleId = created(
        QStringLiteral("/admin/v1/code-rules"),
        QJsonObject{{QStringLiteral("basic"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Tab rule")},
                                                          {QStringLiteral("form"), QStringLiteral("dynamic")},
                                                          {QStringLiteral("codeType"), QStringLiteral("personal")}}},
                    {QStringLiteral("spec"), QJsonObject{{QStringLiteral("specId"), specId}}}});
    QVERIFY(m_ruleId > 0);
    QVERIFY(!callApi(m_api, QStringLiteral("POST"), QStringLiteral("/admin/v1/code-rules/%1/publish").arg(m_ruleId))
                 .error.isError());
    m_staticCodeId = created(QStringLiteral("/admin/v1/static-codes"),
                             QJsonObject{{QStringLiteral("category"), QStringLiteral("hydrant")},
                                         {QStringLiteral("subjectType"), QStringLiteral("object")},
                                         {QStringLiteral("subjectName"), QStringLiteral("Hydrant 7")}});
    QVERIFY(m_staticCodeId > 0);
}

void TestDialogTabOrder::cleanupTestCase()
{
    m_server.reset();
}

QDialog* TestDialogTabOrder::makeDialog(const QString& name)
{
    const QVector<QPair<QVariant, QString>> choices{{qint64(1), QStringLiteral("Main")},
                                                    {qint64(2), QStringLiteral("East")}};
    if (name == QLatin1String("login")) {
        return new LoginDialog(&m_api, &m_languages);
    }
    if (name == QLatin1String("change password")) {
        return new ChangePasswordDialog(&m_api, QStringLiteral("admin"), true);
    }
    if (name == QLatin1String("app")) {
        return new AppDialog({}, choices);
    }
    if (name == QLatin1String("code spec")) {
        return new CodeSpecDialog({});
    }
    if (name == QLatin1String("code spec with fields")) {
        const QJsonObject field{{QStringLiteral("name"), QStringLiteral("userId")},
                                {QStringLiteral("type"), QStringLiteral("string")},
                                {QStringLiteral("length"), 32}};
        return new CodeSpecDialog(QJsonObject{{QStringLiteral("id"), 1},
                                              {QStringLiteral("name"), QStringLiteral("Spec")},
                                              {QStringLiteral("fields"), QJsonArray{field, field}}});
    }
    if (name == QLatin1String("code subject")) {
        return new CodeSubjectDialog({});
    }
    if (name == QLatin1String("new code style")) {
        return new NewCodeStyleDialog(choices, QStringLiteral("health"), QStringLiteral("Health green"));
    }
    if (name == QLatin1String("new code style of a sub-platform")) {
        return new NewCodeStyleDialog({}, QString(), QString());
    }
    if (name == QLatin1String("rotate key")) {
        return new RotateKeyDialog(choices, 3600);
    }
    if (name == QLatin1String("operator")) {
        return new OperatorDialog({}, {{1, QStringLiteral("Auditor")}, {2, QStringLiteral("Code manager")}});
    }
    if (name == QLatin1String("platform")) {
        return new PlatformDialog({});
    }
    if (name == QLatin1String("role")) {
        return new RoleDialog({}, m_menus);
    }
    if (name == QLatin1String("terminal")) {
        return new TerminalDialog({});
    }
    if (name == QLatin1String("terminal edit")) {
        return new TerminalDialog(QJsonObject{{QStringLiteral("id"), 1},
                                              {QStringLiteral("terminalCode"), QStringLiteral("GATE-1")},
                                              {QStringLiteral("name"), QStringLiteral("Gate")}});
    }
    if (name == QLatin1String("rule detail")) {
        return new CodeRuleDetailDialog(&m_api, &m_session, m_ruleId);
    }
    if (name == QLatin1String("rule diff")) {
        return new RuleDiffDialog(&m_api, m_ruleId, 1, 1);
    }
    if (name == QLatin1String("static code detail")) {
        return new StaticCodeDetailDialog(&m_api, &m_session, m_staticCodeId);
    }
    if (name.startsWith(QLatin1String("rule wizard step "))) {
        auto* wizard = new CodeRuleWizard(&m_api, CodeRuleWizard::Mode::Create, {}, {}, true);
        wizard->setStartId(name.back().digitValue() - 1);
        return wizard;
    }
    return nullptr;
}

void TestDialogTabOrder::tabFollowsReadingOrder_data()
{
    QTest::addColumn<QString>("dialog");
    for (const char* name : {"login",
                             "change password",
                             "app",
                             "code spec",
                             "code spec with fields",
                             "code subject",
                             "new code style",
                             "new code style of a sub-platform",
                             "rotate key",
                             "operator",
                             "platform",
                             "role",
                             "terminal",
                             "terminal edit",
                             "rule detail",
                             "rule diff",
                             "static code detail",
                             "rule wizard step 1",
                             "rule wizard step 2",
                             "rule wizard step 3",
                             "rule wizard step 4",
                             "rule wizard step 5"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestDialogTabOrder::tabFollowsReadingOrder()
{
    QFETCH(QString, dialog);
    std::unique_ptr<QDialog> window(makeDialog(dialog));
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    // Let the dialog's own requests (captcha, choices, records) arrive and settle the layout.
    QTest::qWait(300);
    QTRY_VERIFY_WITH_TIMEOUT(window->isEnabled(), Timeout);
    if (auto* login = qobject_cast<LoginDialog*>(window.get())) {
        QTRY_VERIFY_WITH_TIMEOUT(!login->isChecking(), Timeout);
    }

    const QList<QWidget*> inputs = inputsOf(window.get());
    QVERIFY2(!inputs.isEmpty(), qPrintable(dialog));
    QWidget* start = QApplication::focusWidget();
    QVERIFY2(start != nullptr, "nothing has focus when the dialog opens");
    start = owner(start, window.get());

    // The first field (the first input in reading order that is not one of the dialog's buttons).
    QList<QWidget*> fields;
    for (QWidget* input : inputs) {
        if (!isDialogButton(input, window.get())) {
            fields.append(input);
        }
    }
    QWidget* first = nullptr;
    for (QWidget* field : fields) {
        if (first == nullptr || readsBefore(field, first)) {
            first = field;
        }
    }
    QWidget* expected = first;
    if (auto* login = qobject_cast<LoginDialog*>(window.get())) {
        // The server address comes filled in (the last one used): the user name is the first
        // field to type in.
        expected = login->findChild<QLineEdit*>(QStringLiteral("usernameLineEdit"));
    }
    if (expected != nullptr) {
        QVERIFY2(start == expected,
                 qPrintable(
                     QStringLiteral("focus on opening: %1, first field: %2").arg(describe(start), describe(expected))));
    }

    // Walk once around.
    QList<QWidget*> order{start};
    for (int step = 0; step < 2 * inputs.size() + 4; ++step) {
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused != nullptr);
        QTest::keyClick(focused, Qt::Key_Tab);
        QWidget* next =
            QApplication::focusWidget() == nullptr ? nullptr : owner(QApplication::focusWidget(), window.get());
        QVERIFY2(next != nullptr, qPrintable(describe(order)));
        if (next == start) {
            break;
        }
        QVERIFY2(!order.contains(next),
                 qPrintable(QStringLiteral("Tab is caught in a loop: %1 -> %2").arg(describe(order), describe(next))));
        order.append(next);
    }
    QVERIFY2(QApplication::focusWidget() != nullptr && owner(QApplication::focusWidget(), window.get()) == start,
             qPrintable(QStringLiteral("Tab never came back: %1").arg(describe(order))));

    for (QWidget* input : inputs) {
        QVERIFY2(order.contains(input),
                 qPrintable(QStringLiteral("%1 is never reached: %2").arg(describe(input), describe(order))));
    }
    // From the first field round: the fields in reading order, then the dialog's buttons
    // (themselves left to right).
    if (first != nullptr) {
        const qsizetype at = order.indexOf(first);
        order = order.mid(at) + order.mid(0, at);
    }
    bool inButtons = false;
    for (int i = 0; i < order.size(); ++i) {
        const bool button = isDialogButton(order.at(i), window.get());
        QVERIFY2(!inButtons || button,
                 qPrintable(QStringLiteral("a field after the buttons: %1").arg(describe(order))));
        inButtons = inButtons || button;
        if (i > 0 && button == isDialogButton(order.at(i - 1), window.get())) {
            QVERIFY2(readsBefore(order.at(i - 1), order.at(i)),
                     qPrintable(QStringLiteral("out of reading order at %1: %2").arg(i).arg(describe(order))));
        }
    }
    QVERIFY2(inButtons, qPrintable(QStringLiteral("Tab does not end on the buttons: %1").arg(describe(order))));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestDialogTabOrder)
#include "TestDialogTabOrder.moc"

// Issue 5 loose ends: after a language switch the pages already built show the new language
// (they are rebuilt), Qt's own buttons are translated too (qtbase_zh_CN.qm), and the offline
// verifier opens from the sign-in dialog without a server.
#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Settings.h"
#include "screens/login/LoginDialog.h"
#include "screens/main/MainWindow.h"
#include "screens/verifier/OfflineVerifierPage.h"
#include "widgets/Page.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace citycode::test {

using namespace citycode::client;

namespace {

const QString VerifierPage = QStringLiteral("local:verifier");

bool hasChinese(const QString& text)
{
    return text.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")));
}

// Every visible text of the page's buttons, joined.
QString buttonTexts(QWidget* widget)
{
    QStringList texts;
    for (QPushButton* button : widget->findChildren<QPushButton*>()) {
        texts << button->text();
    }
    return texts.join(QLatin1Char('|'));
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesBuiltBeforeASwitchShowTheNewLanguage();
    void qtButtonsAreTranslated();
    void offlineVerifierOpensFromTheSignInDialog();

private:
    QTemporaryDir m_settingsDir;
};

void TestLanguageSwitch::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
}

void TestLanguageSwitch::pagesBuiltBeforeASwitchShowTheNewLanguage()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::English));
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    MainWindow window(&api, nullptr, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(VerifierPage));
    const QPointer<Page> before = window.page(VerifierPage);
    QVERIFY(before != nullptr);
    QVERIFY2(!hasChinese(buttonTexts(before)), qPrintable(buttonTexts(before)));

    QVERIFY(languages.setLanguage(LanguageManager::SimplifiedChinese));
    QTRY_VERIFY(before.isNull());
    Page* after = window.page(VerifierPage);
    QVERIFY(after != nullptr);
    QCOMPARE(window.currentPermission(), VerifierPage);
    QVERIFY(after->isVisible());
    QVERIFY2(hasChinese(buttonTexts(after)), qPrintable(buttonTexts(after)));

    QVERIFY(languages.setLanguage(LanguageManager::English));
    QTRY_VERIFY(window.page(VerifierPage) != after);
    QVERIFY2(!hasChinese(buttonTexts(window.page(VerifierPage))), qPrintable(buttonTexts(window.page(VerifierPage))));
}

void TestLanguageSwitch::qtButtonsAreTranslated()
{
    if (!QFile::exists(
            QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath)).filePath(QStringLiteral("qtbase_zh_CN.qm")))) {
        QSKIP("no qtbase_zh_CN.qm in this Qt (Debian: qt6-translations-l10n)");
    }
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::SimplifiedChinese));
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), QStringLiteral("确定"));
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
}

void TestLanguageSwitch::offlineVerifierOpensFromTheSignInDialog()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::English));
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    LoginDialog dialog(&api, &languages);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* button = dialog.findChild<QPushButton*>(QStringLiteral("offlineVerifierButton"));
    QVERIFY(button != nullptr);
    QVERIFY(button->isEnabled());
    button->click();
    auto* verifier = dialog.findChild<QDialog*>(QStringLiteral("offlineVerifierDialog"));
    QVERIFY(verifier != nullptr);
    QTRY_VERIFY(verifier->isVisible());
    QVERIFY(verifier->findChild<OfflineVerifierPage*>() != nullptr);
    verifier->reject();
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestLanguageSwitch)
#include "TestLanguageSwitch.moc"

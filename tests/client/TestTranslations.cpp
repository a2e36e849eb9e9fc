#include "api/ApiClient.h"
#include "api/ApiError.h"
#include "app/LanguageManager.h"
#include "app/Settings.h"
#include "screens/login/LoginDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <set>

namespace citycode::test {

using citycode::client::ApiClient;
using citycode::client::ApiError;
using citycode::client::LanguageManager;
using citycode::client::LoginDialog;
using citycode::client::Settings;

// The console's languages: the embedded translations load, the sign-in dialog speaks the chosen
// language and switches live, and the Chinese translation is complete and keeps every
// placeholder and shortcut of its English source.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyLanguageIsEmbedded();
    void unknownLanguageIsRefused();
    void resolve_data();
    void resolve();
    void loginDialogSpeaksChosenLanguage();
    void languageMenuSwitchesAndIsRemembered();
    void englishPluralForms();
    void chineseTranslationIsComplete();

private:
    QTemporaryDir m_settingsDir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv(Settings::DirectoryVariable, QFile::encodeName(m_settingsDir.path()));
}

void TestTranslations::everyLanguageIsEmbedded()
{
    LanguageManager languages;
    for (const QString& language : LanguageManager::availableLanguages()) {
        QVERIFY2(languages.setLanguage(language), qPrintable(language));
        QCOMPARE(languages.language(), language);
    }
}

void TestTranslations::unknownLanguageIsRefused()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::SimplifiedChinese));
    QVERIFY(!languages.setLanguage(QStringLiteral("fr")));
    QCOMPARE(languages.language(), LanguageManager::SimplifiedChinese);
}

void TestTranslations::resolve_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("systemLocale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("requested Chinese wins over an English system") << "zh_CN"
                                                                   << "en_US"
                                                                   << "zh_CN";
    QTest::newRow("requested English wins over a Chinese system") << "en"
                                                                  << "zh_CN"
                                                                  << "en";
    QTest::newRow("bare zh means Simplified Chinese") << "zh"
                                                      << "en_US"
                                                      << "zh_CN";
    QTest::newRow("nothing requested follows a Chinese system") << ""
                                                                << "zh_CN"
                                                                << "zh_CN";
    QTest::newRow("Traditional Chinese system gets Simplified Chinese") << ""
                                                                        << "zh_TW"
                                                                        << "zh_CN";
    QTest::newRow("German system falls back to English") << ""
                                                         << "de_DE"
                                                         << "en";
    QTest::newRow("unknown request follows the system") << "fr"
                                                        << "zh_CN"
                                                        << "zh_CN";
}

void TestTranslations::resolve()
{
    QFETCH(QString, requested);
    QFETCH(QString, systemLocale);
    QFETCH(QString, expected);

    QCOMPARE(LanguageManager::resolve(requested, QLocale(systemLocale)), expected);
}

void TestTranslations::loginDialogSpeaksChosenLanguage()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::SimplifiedChinese));
    ApiClient api;
    api.setBaseUrl(Settings::defaultServerUrl());
    LoginDialog dialog(&api, &languages);

    const auto label = [&dialog](const char* name) { return dialog.findChild<QLabel*>(QLatin1String(name))->text(); };
    const auto button = [&dialog](const char* name) {
        return dialog.findChild<QPushButton*>(QLatin1String(name))->text();
    };
    QCOMPARE(label("titleLabel"), QStringLiteral("CityCode 城市码 管理控制台"));
    QCOMPARE(label("serverLabel"), QStringLiteral("服务器地址(&S)："));
    QCOMPARE(label("usernameLabel"), QStringLiteral("用户名(&U)："));
    QCOMPARE(label("passwordLabel"), QStringLiteral("密码(&P)："));
    QCOMPARE(button("checkButton"), QStringLiteral("检查连接(&C)"));
    QCOMPARE(button("signInButton"), QStringLiteral("登录(&I)"));
    QVERIFY2(dialog.windowTitle().contains(QStringLiteral("登录")), qPrintable(dialog.windowTitle()));
    // Qt's own strings come from Qt's translations, where the installation has them.
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm"))) {
        QCOMPARE(button("cancelButton"), QStringLiteral("取消"));
    }

    // Switching language retranslates the open dialog.
    QVERIFY(languages.setLanguage(LanguageManager::English));
    QTRY_COMPARE(label("serverLabel"), QStringLiteral("&Server address:"));
    QCOMPARE(label("titleLabel"), QStringLiteral("CityCode Admin Console"));
    QCOMPARE(button("signInButton"), QStringLiteral("Sign &in"));
    QCOMPARE(button("cancelButton"), QStringLiteral("Cancel"));
}

void TestTranslations::languageMenuSwitchesAndIsRemembered()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::English));
    ApiClient api;
    api.setBaseUrl(Settings::defaultServerUrl());
    LoginDialog dialog(&api, &languages);
    auto* languageComboBox = dialog.findChild<QComboBox*>(QStringLiteral("languageComboBox"));
    QVERIFY(languageComboBox);
    QCOMPARE(languageComboBox->currentData().toString(), LanguageManager::English);

    const int chinese = languageComboBox->findData(LanguageManager::SimplifiedChinese);
    QVERIFY(chinese >= 0);
    QCOMPARE(languageComboBox->itemText(chinese), QStringLiteral("简体中文"));
    // What a user's choice from the list emits (QComboBox::activated, not currentIndexChanged).
    languageComboBox->setCurrentIndex(chinese);
    emit languageComboBox->activated(chinese);

    QCOMPARE(languages.language(), LanguageManager::SimplifiedChinese);
    QCOMPARE(Settings().language(), LanguageManager::SimplifiedChinese);
    QTRY_COMPARE(dialog.findChild<QLabel*>(QStringLiteral("passwordLabel"))->text(), QStringLiteral("密码(&P)："));
}

void TestTranslations::englishPluralForms()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::English));
    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));

    error.timeoutSeconds = 1;
    QCOMPARE(error.toString(), QStringLiteral("The server at http://127.0.0.1:8080 did not answer within 1 second"));
    error.timeoutSeconds = 5;
    QCOMPARE(error.toString(), QStringLiteral("The server at http://127.0.0.1:8080 did not answer within 5 seconds"));

    QVERIFY(languages.setLanguage(LanguageManager::SimplifiedChinese));
    QCOMPARE(error.toString(), QStringLiteral("位于 http://127.0.0.1:8080 的服务器在 5 秒内没有应答"));
}

void TestTranslations::chineseTranslationIsComplete()
{
    QFile file(QStringLiteral(CITYCODE_TRANSLATIONS_DIR "/citycode_zh_CN.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));

    // Placeholders (%1, %n) must survive translation, and so must a keyboard shortcut (&).
    static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    const auto placeholders = [](const QString& text) {
        std::set<QString> found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            found.insert(it.next().captured());
        }
        return found;
    };
    const auto hasShortcut = [](QString text) { return text.remove(QStringLiteral("&&")).contains(QLatin1Char('&')); };

    QStringList problems;
    int messages = 0;
    QString source;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            if (!xml.attributes().value(QLatin1String("type")).isEmpty()) {
                problems << QStringLiteral("marked %1: %2").arg(xml.attributes().value(QLatin1String("type")), source);
            }
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (text.trimmed().isEmpty()) {
                problems << QStringLiteral("not translated: ") + source;
            } else if (placeholders(text) != placeholders(source)) {
                problems << QStringLiteral("placeholders differ: %1 -> %2").arg(source, text);
            } else if (hasShortcut(source) != hasShortcut(text)) {
                problems << QStringLiteral("shortcut differs: %1 -> %2").arg(source, text);
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 0, "no messages found");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestTranslations)
#include "TestTranslations.moc"

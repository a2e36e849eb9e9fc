#include "app/LanguageManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>

namespace citycode::client {

const QString LanguageManager::English = QStringLiteral("en");
const QString LanguageManager::SimplifiedChinese = QStringLiteral("zh_CN");

namespace {

// The build embeds citycode_<language>.qm under this resource prefix (client/CMakeLists.txt).
const QString ConsoleTranslationsPath = QStringLiteral(":/i18n");

QString matchLocale(const QLocale& locale)
{
    // Only Simplified Chinese is translated; readers of Traditional Chinese are still better
    // served by it than by English.
    switch (locale.language()) {
    case QLocale::Chinese:
        return LanguageManager::SimplifiedChinese;
    case QLocale::English:
        return LanguageManager::English;
    default:
        return {};
    }
}

} // namespace

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    QCoreApplication::removeTranslator(&m_consoleTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
}

QStringList LanguageManager::availableLanguages()
{
    return {English, SimplifiedChinese};
}

QString LanguageManager::nativeName(const QString& language)
{
    if (language == SimplifiedChinese) {
        return QStringLiteral("简体中文");
    }
    return QStringLiteral("English");
}

QString LanguageManager::match(const QString& requested)
{
    return requested.isEmpty() ? QString() : matchLocale(QLocale(requested));
}

QString LanguageManager::resolve(const QString& requested, const QLocale& systemLocale)
{
    QString language = match(requested);
    if (language.isEmpty()) {
        language = matchLocale(systemLocale);
    }
    return language.isEmpty() ? English : language;
}

bool LanguageManager::setLanguage(const QString& language)
{
    if (!availableLanguages().contains(language)) {
        return false;
    }
    const QString consoleFile = QStringLiteral("citycode_%1.qm").arg(language);
    if (!QFile::exists(QDir(ConsoleTranslationsPath).filePath(consoleFile))) {
        return false;
    }
    QCoreApplication::removeTranslator(&m_consoleTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (!m_consoleTranslator.load(consoleFile, ConsoleTranslationsPath)) {
        return false;
    }

    // Qt's own strings (standard buttons, network error texts): from the Qt installation, or
    // from translations/ beside the executable where a Windows deployment puts them. Their
    // absence is not an error: those strings stay in English.
    const QLocale locale(language);
    const QStringList qtDirectories = {
        QLibraryInfo::path(QLibraryInfo::TranslationsPath),
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("translations"))};
    for (const QString& directory : qtDirectories) {
        if (m_qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), directory)) {
            break;
        }
    }

    QCoreApplication::installTranslator(&m_qtTranslator);
    QCoreApplication::installTranslator(&m_consoleTranslator);
    m_language = language;
    emit languageChanged(language);
    return true;
}

} // namespace citycode::client

#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace citycode::client {

// Chooses the console's language and installs the matching translations (the console's own,
// embedded as resources, and Qt's) on the running application. Open widgets receive
// QEvent::LanguageChange and retranslate themselves.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    static const QString English;
    static const QString SimplifiedChinese;

    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    static QStringList availableLanguages();
    // The language's name in that language ("简体中文"), as a language menu shows it.
    static QString nativeName(const QString& language);
    // The available language for a code such as "zh_CN", "zh" or "en"; empty when there is none.
    static QString match(const QString& requested);
    // The available language closest to `requested` (a code such as "zh_CN" or "en"); when that
    // is empty or unknown, the one closest to the system locale; English as the last resort.
    static QString resolve(const QString& requested, const QLocale& systemLocale);

    // Returns false, keeping the previous language, when the console has no translation for it.
    bool setLanguage(const QString& language);
    QString language() const { return m_language; }

signals:
    void languageChanged(const QString& language);

private:
    QString m_language;
    QTranslator m_consoleTranslator;
    QTranslator m_qtTranslator;
};

} // namespace citycode::client

#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace citycode::client {

// The words of the code engine screens for the server's raw values (code types, rule forms,
// publish states, field types, static code states and operations, key purposes), shared by
// tables, filters, dialogs and exports so each value reads the same everywhere.
class CodeEngineText
{
    Q_DECLARE_TR_FUNCTIONS(citycode::client::CodeEngineText)

public:
    // 001 §4.2.3: personal, enterprise, payment, health, object.
    static QStringList codeTypes();
    static QString codeType(const QString& type);
    // dynamic / static.
    static QString form(const QString& form);
    // pending / published.
    static QString publishState(const QString& state);
    // Field types of specs and rule steps: string, number, integer, date, datetime, boolean.
    static QStringList fieldTypes();
    static QString fieldType(const QString& type);
    // Static code states (002 §5.3.2.4) and the operations between them.
    static QStringList staticStates();
    static QString staticState(const QString& state);
    static QStringList staticOperations();
    static QString staticOperation(const QString& operation);
    // person / enterprise / object (static codes); enterprise / place / object / device / other
    // (code subjects, 000 §2.2.4.5).
    static QString subjectType(const QString& type);
    static QStringList codeSubjectTypes();
    // sign / mac / anchor keys, current / retired.
    static QString keyPurpose(const QString& purpose);
    static QString keyStatus(const QString& status);
    // A (value, text) list for filters and combo boxes.
    static QVector<QPair<QString, QString>> choices(const QStringList& values, QString (*text)(const QString&));
};

} // namespace citycode::client

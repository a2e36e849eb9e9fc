#pragma once

#include <QString>
#include <QStringList>

namespace citycode::client {

// The static code state table (002 §5.3.2.4, docs/static-codes.md) as the console knows it, to
// offer only the operations a code's state allows. It mirrors the server's
// StaticCodeStateMachine; the server still decides and refuses anything else with 409.
class StaticCodeStates
{
public:
    // The operations ("apply", "enable", ..., "cancel") allowed from `state`.
    static QStringList allowed(const QString& state);
    // The state an operation leads to from `state`; empty when it is not allowed.
    static QString next(const QString& state, const QString& operation);
};

} // namespace citycode::client

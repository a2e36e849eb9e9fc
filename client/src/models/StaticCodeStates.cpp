#include "models/StaticCodeStates.h"

#include "models/CodeEngineText.h"

#include <array>

namespace citycode::client {

namespace {

struct Transition
{
    const char* from;
    const char* operation;
    const char* to;
};

// The same rows as the server's table: a code in use is disabled before it is recycled or
// cancelled, replaced and cancelled codes are final, a recycled code can only be cancelled.
constexpr std::array<Transition, 21> Transitions = {{
    {"registered", "apply", "applied"}, {"registered", "change", "registered"}, {"registered", "cancel", "cancelled"},
    {"applied", "enable", "enabled"},   {"applied", "change", "applied"},       {"applied", "cancel", "cancelled"},
    {"enabled", "disable", "disabled"}, {"enabled", "report-lost", "lost"},     {"enabled", "change", "enabled"},
    {"enabled", "replace", "replaced"}, {"disabled", "enable", "enabled"},      {"disabled", "report-lost", "lost"},
    {"disabled", "change", "disabled"}, {"disabled", "recycle", "recycled"},    {"disabled", "cancel", "cancelled"},
    {"lost", "enable", "enabled"},      {"lost", "recycle", "recycled"},        {"lost", "replace", "replaced"},
    {"lost", "cancel", "cancelled"},    {"recycled", "cancel", "cancelled"},    {"", "", ""},
}};

} // namespace

QStringList StaticCodeStates::allowed(const QString& state)
{
    QStringList operations;
    // In the order the buttons are shown.
    for (const QString& operation : CodeEngineText::staticOperations()) {
        if (!next(state, operation).isEmpty()) {
            operations.append(operation);
        }
    }
    return operations;
}

QString StaticCodeStates::next(const QString& state, const QString& operation)
{
    if (state.isEmpty()) {
        return {};
    }
    for (const Transition& transition : Transitions) {
        if (state == QLatin1String(transition.from) && operation == QLatin1String(transition.operation)) {
            return QString::fromLatin1(transition.to);
        }
    }
    return {};
}

} // namespace citycode::client

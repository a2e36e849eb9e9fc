#include "services/StaticCodeStateMachine.h"

#include <map>
#include <utility>

namespace citycode::server {

namespace {

using State = StaticCodeStateMachine::State;
using Operation = StaticCodeStateMachine::Operation;

// The transition table (docs/static-codes.md). Anything not listed is illegal. A code in use
// (enabled) is disabled before it is recycled or cancelled; a lost code can be found again
// (enable), replaced, recycled or cancelled; replaced and cancelled codes are final, a recycled
// code can only be cancelled. Change keeps the state: information changes while the code is
// live, never once it is lost or retired.
const std::map<std::pair<State, Operation>, State>& table()
{
    static const std::map<std::pair<State, Operation>, State> transitions = {
        {{State::Registered, Operation::Apply}, State::Applied},
        {{State::Registered, Operation::Change}, State::Registered},
        {{State::Registered, Operation::Cancel}, State::Cancelled},

        {{State::Applied, Operation::Enable}, State::Enabled},
        {{State::Applied, Operation::Change}, State::Applied},
        {{State::Applied, Operation::Cancel}, State::Cancelled},

        {{State::Enabled, Operation::Disable}, State::Disabled},
        {{State::Enabled, Operation::ReportLost}, State::Lost},
        {{State::Enabled, Operation::Change}, State::Enabled},
        {{State::Enabled, Operation::Replace}, State::Replaced},

        {{State::Disabled, Operation::Enable}, State::Enabled},
        {{State::Disabled, Operation::ReportLost}, State::Lost},
        {{State::Disabled, Operation::Change}, State::Disabled},
        {{State::Disabled, Operation::Recycle}, State::Recycled},
        {{State::Disabled, Operation::Cancel}, State::Cancelled},

        {{State::Lost, Operation::Enable}, State::Enabled},
        {{State::Lost, Operation::Recycle}, State::Recycled},
        {{State::Lost, Operation::Replace}, State::Replaced},
        {{State::Lost, Operation::Cancel}, State::Cancelled},

        {{State::Recycled, Operation::Cancel}, State::Cancelled},
    };
    return transitions;
}

const std::vector<std::pair<State, std::string>>& stateNames()
{
    static const std::vector<std::pair<State, std::string>> names = {
        {State::Registered, "registered"}, {State::Applied, "applied"},     {State::Enabled, "enabled"},
        {State::Disabled, "disabled"},     {State::Lost, "lost"},           {State::Replaced, "replaced"},
        {State::Recycled, "recycled"},     {State::Cancelled, "cancelled"},
    };
    return names;
}

const std::vector<std::pair<Operation, std::string>>& operationNames()
{
    static const std::vector<std::pair<Operation, std::string>> names = {
        {Operation::Register, "register"},      {Operation::Apply, "apply"},
        {Operation::Enable, "enable"},          {Operation::Disable, "disable"},
        {Operation::ReportLost, "report-lost"}, {Operation::Change, "change"},
        {Operation::Recycle, "recycle"},        {Operation::Replace, "replace"},
        {Operation::Cancel, "cancel"},          {Operation::Query, "query"},
    };
    return names;
}

} // namespace

const std::vector<State>& StaticCodeStateMachine::states()
{
    static const std::vector<State> all = {State::Registered, State::Applied,  State::Enabled,  State::Disabled,
                                           State::Lost,       State::Replaced, State::Recycled, State::Cancelled};
    return all;
}

const std::vector<Operation>& StaticCodeStateMachine::transitions()
{
    static const std::vector<Operation> all = {Operation::Apply,      Operation::Enable, Operation::Disable,
                                               Operation::ReportLost, Operation::Change, Operation::Recycle,
                                               Operation::Replace,    Operation::Cancel};
    return all;
}

std::optional<State> StaticCodeStateMachine::next(State from, Operation operation)
{
    if (operation == Operation::Query)
        return from;
    const auto it = table().find({from, operation});
    if (it == table().end())
        return std::nullopt;
    return it->second;
}

std::vector<Operation> StaticCodeStateMachine::allowed(State from)
{
    std::vector<Operation> result;
    for (const Operation operation : transitions()) {
        if (table().count({from, operation}))
            result.push_back(operation);
    }
    return result;
}

std::string StaticCodeStateMachine::name(State state)
{
    for (const auto& [value, text] : stateNames()) {
        if (value == state)
            return text;
    }
    return {};
}

std::string StaticCodeStateMachine::name(Operation operation)
{
    for (const auto& [value, text] : operationNames()) {
        if (value == operation)
            return text;
    }
    return {};
}

std::optional<State> StaticCodeStateMachine::parseState(const std::string& name)
{
    for (const auto& [value, text] : stateNames()) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

std::optional<Operation> StaticCodeStateMachine::parseOperation(const std::string& name)
{
    for (const auto& [value, text] : operationNames()) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

} // namespace citycode::server

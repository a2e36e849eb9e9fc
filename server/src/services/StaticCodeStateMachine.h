#pragma once

#include <optional>
#include <string>
#include <vector>

namespace citycode::server {

// The lifecycle of a static code (002 §5.3.2.4 信息变更、回收、挂失、换码、注销 and §8.1 登记、
// 申请、启用、停用、挂失、信息变更): its states, the operations on it and the one table that says
// which operation is legal in which state and where it leads (docs/static-codes.md draws it).
// Pure and stateless.
class StaticCodeStateMachine
{
public:
    enum class State
    {
        Registered,
        Applied,
        Enabled,
        Disabled,
        Lost,
        Replaced,
        Recycled,
        Cancelled,
    };

    // Register creates a code; Query reads one and never changes its state.
    enum class Operation
    {
        Register,
        Apply,
        Enable,
        Disable,
        ReportLost,
        Change,
        Recycle,
        Replace,
        Cancel,
        Query,
    };

    // The state a new code is registered in, and the state of the new code a replacement makes.
    static constexpr State kRegisteredState = State::Registered;
    static constexpr State kReplacementState = State::Enabled;

    static const std::vector<State>& states();
    // Every operation on an existing code that can change it (Register and Query excluded).
    static const std::vector<Operation>& transitions();

    // The state `operation` leads to from `from`; nothing when it is illegal there. Query is
    // legal everywhere and leads nowhere else; Register is never legal on an existing code.
    static std::optional<State> next(State from, Operation operation);
    // The transitions legal in `from`, for the console's buttons.
    static std::vector<Operation> allowed(State from);

    // Names as the API and the history table spell them: "registered", "report-lost".
    static std::string name(State state);
    static std::string name(Operation operation);
    // Nothing for an unknown name.
    static std::optional<State> parseState(const std::string& name);
    static std::optional<Operation> parseOperation(const std::string& name);
};

} // namespace citycode::server

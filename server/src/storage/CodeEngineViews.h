#pragma once

#include "storage/RecordStore.h"

namespace citycode::server {

// The list and detail views of the code engine's admin lists (001 §4.2, 002 §5.3.1.3): code
// specifications, code rules, rule versions, rules linked to an app and scanner terminals.
class CodeEngineViews
{
public:
    static const ViewSpec& codeSpecs();
    // Scope column: the applicable platform; sub-platforms additionally see only their pool.
    static const ViewSpec& codeRules();
    static const ViewSpec& codeRuleVersions();
    static const ViewSpec& appCodeRules();
    static const ViewSpec& terminals();
};

} // namespace citycode::server

#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace citycode::server {

// Validation and JSON text of the field lists of code specs and rules (001 §4.2.2-4.2.3): each
// field {name, type, length}, names unique within a list. Shared by CodeSpecService and
// CodeRuleService. Throws Error("BAD_REQUEST") naming the offending field.
class CodeRuleFields
{
public:
    static constexpr std::size_t kMaxFields = 100;

    // A normalised copy of a JSON array of fields; `what` names the list in messages.
    static Poco::JSON::Array::Ptr fieldList(const Poco::Dynamic::Var& value, const std::string& what, bool allowEmpty);
    // The function config of step 2, defaults filled in (002 §9.2: dynamic codes 60 s).
    static Poco::JSON::Object::Ptr functionConfig(const Poco::JSON::Object& input, const Poco::JSON::Object* base);

    static std::string text(const Poco::Dynamic::Var& json);
    static Poco::JSON::Array::Ptr parseArray(const std::string& text);
    static Poco::JSON::Object::Ptr parseObject(const std::string& text);
};

} // namespace citycode::server

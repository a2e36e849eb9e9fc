#include "services/CodeRuleFields.h"

#include "citycode/common/Error.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <set>
#include <sstream>

namespace citycode::server {

namespace {

const std::set<std::string>& fieldTypes()
{
    static const std::set<std::string> types = {"string", "number", "integer", "date", "datetime", "boolean"};
    return types;
}

bool isFieldName(const std::string& name)
{
    if (name.empty() || name.size() > 64)
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok)
            return false;
    }
    return !(name[0] >= '0' && name[0] <= '9');
}

Poco::Int64 wholeNumber(const Poco::JSON::Object& input, const std::string& field, Poco::Int64 min, Poco::Int64 max,
                        Poco::Int64 fallback)
{
    if (!input.has(field) || input.isNull(field))
        return fallback;
    const Poco::Dynamic::Var value = input.get(field);
    if (!value.isInteger())
        throw common::Error("BAD_REQUEST", field + " must be a whole number");
    const auto number = value.convert<Poco::Int64>();
    if (number < min || number > max)
        throw common::Error("BAD_REQUEST",
                            field + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return number;
}

bool flag(const Poco::JSON::Object& input, const std::string& field, bool fallback)
{
    if (!input.has(field) || input.isNull(field))
        return fallback;
    const Poco::Dynamic::Var value = input.get(field);
    if (!value.isBoolean())
        throw common::Error("BAD_REQUEST", field + " must be true or false");
    return value.convert<bool>();
}

std::string url(const Poco::JSON::Object& input, const std::string& field, const std::string& fallback)
{
    if (!input.has(field) || input.isNull(field))
        return fallback;
    const Poco::Dynamic::Var value = input.get(field);
    if (!value.isString())
        throw common::Error("BAD_REQUEST", field + " must be text");
    const std::string text = value.extract<std::string>();
    if (text.empty())
        return text;
    if (text.size() > 1000 || (text.rfind("https://", 0) != 0 && text.rfind("http://", 0) != 0))
        throw common::Error("BAD_REQUEST", field + " must be an http(s) address of at most 1000 bytes");
    return text;
}

} // namespace

Poco::JSON::Array::Ptr CodeRuleFields::fieldList(const Poco::Dynamic::Var& value, const std::string& what,
                                                 bool allowEmpty)
{
    if (value.type() != typeid(Poco::JSON::Array::Ptr))
        throw common::Error("BAD_REQUEST", what + " must be a list of fields");
    const auto input = value.extract<Poco::JSON::Array::Ptr>();
    if (input->size() > kMaxFields)
        throw common::Error("BAD_REQUEST", what + " has more than " + std::to_string(kMaxFields) + " fields");
    if (input->size() == 0 && !allowEmpty)
        throw common::Error("BAD_REQUEST", what + " needs at least one field");
    Poco::JSON::Array::Ptr result = new Poco::JSON::Array;
    std::set<std::string> names;
    for (std::size_t i = 0; i < input->size(); ++i) {
        const auto field = input->getObject(static_cast<unsigned>(i));
        const std::string where = what + "[" + std::to_string(i) + "]";
        if (!field)
            throw common::Error("BAD_REQUEST", where + " must be an object {name, type, length}");
        const Poco::Dynamic::Var name = field->get("name");
        if (!name.isString() || !isFieldName(name.extract<std::string>()))
            throw common::Error("BAD_REQUEST",
                                where + ".name must be 1-64 letters, digits or _ and not start with a digit");
        if (!names.insert(name.extract<std::string>()).second)
            throw common::Error("BAD_REQUEST", what + " names the field " + name.extract<std::string>() + " twice");
        const Poco::Dynamic::Var type = field->get("type");
        if (!type.isString() || fieldTypes().count(type.extract<std::string>()) == 0)
            throw common::Error("BAD_REQUEST",
                                where + ".type must be string, number, integer, date, datetime or boolean");
        const Poco::Int64 length = wholeNumber(*field, "length", 1, 4096, -1);
        if (length < 0)
            throw common::Error("BAD_REQUEST", where + ".length is required");
        Poco::JSON::Object::Ptr clean = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        clean->set("name", name.extract<std::string>());
        clean->set("type", type.extract<std::string>());
        clean->set("length", length);
        if (field->has("label")) {
            const Poco::Dynamic::Var label = field->get("label");
            if (!label.isString() || label.extract<std::string>().size() > 100)
                throw common::Error("BAD_REQUEST", where + ".label must be text of at most 100 bytes");
            clean->set("label", label.extract<std::string>());
        }
        result->add(clean);
    }
    return result;
}

Poco::JSON::Object::Ptr CodeRuleFields::functionConfig(const Poco::JSON::Object& input, const Poco::JSON::Object* base)
{
    const auto number = [&](const std::string& field, Poco::Int64 min, Poco::Int64 max, Poco::Int64 fallback) {
        return wholeNumber(input, field, min, max, base ? base->getValue<Poco::Int64>(field) : fallback);
    };
    const auto boolean = [&](const std::string& field) {
        return flag(input, field, base ? base->getValue<bool>(field) : false);
    };
    const auto address = [&](const std::string& field) {
        return url(input, field, base ? base->getValue<std::string>(field) : std::string());
    };
    Poco::JSON::Object::Ptr config = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    // 002 §9.2: a dynamic code is valid one minute unless the rule says otherwise.
    config->set("validitySeconds", number("validitySeconds", 1, 31536000, 60));
    config->set("refreshSeconds", number("refreshSeconds", 1, 86400, 30));
    config->set("jumpUrl", address("jumpUrl"));
    config->set("callbackUrl", address("callbackUrl"));
    config->set("antiScreenshot", boolean("antiScreenshot"));
    config->set("cache", boolean("cache"));
    return config;
}

std::string CodeRuleFields::text(const Poco::Dynamic::Var& json)
{
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(json, out);
    return out.str();
}

Poco::JSON::Array::Ptr CodeRuleFields::parseArray(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Array::Ptr>();
}

Poco::JSON::Object::Ptr CodeRuleFields::parseObject(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

} // namespace citycode::server

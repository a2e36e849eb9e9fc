#include "services/OpenApiInput.h"

#include "citycode/common/Error.h"

#include <Poco/NumberParser.h>

namespace citycode::server::openapi {

namespace {

[[noreturn]] void bad(const std::string& message)
{
    throw common::Error("BAD_REQUEST", message);
}

} // namespace

std::string text(const Poco::JSON::Object& input, const std::string& name, std::size_t maxSize)
{
    if (!input.has(name) || input.isNull(name))
        return {};
    const Poco::Dynamic::Var value = input.get(name);
    std::string result;
    if (value.isString())
        result = value.extract<std::string>();
    else if (value.isInteger() || value.isNumeric() || value.isBoolean())
        result = value.convert<std::string>();
    else
        bad(name + " must be text");
    if (result.size() > maxSize)
        bad(name + " is longer than " + std::to_string(maxSize) + " bytes");
    return result;
}

std::string requiredText(const Poco::JSON::Object& input, const std::string& name, std::size_t maxSize)
{
    const std::string value = text(input, name, maxSize);
    if (value.empty())
        bad(name + " is required");
    return value;
}

Poco::Int64 requiredId(const Poco::JSON::Object& input, const std::string& name)
{
    const std::string value = requiredText(input, name, 20);
    Poco::Int64 id = 0;
    if (value.find_first_not_of("0123456789") != std::string::npos || !Poco::NumberParser::tryParse64(value, id) ||
        id <= 0)
        bad(name + " must be a positive whole number");
    return id;
}

void requireApp(const Caller& caller)
{
    if (caller.kind != Caller::Kind::App)
        throw common::Error("CALLER_NOT_APP", "only apps, signed with their developer secret, may call this");
}

void requireOwnApp(const Caller& caller, const Poco::JSON::Object& input)
{
    if (caller.kind != Caller::Kind::App)
        return;
    if (requiredText(input, "cityCodeAppId", 64) != caller.appCode)
        throw common::Error("APP_MISMATCH", "cityCodeAppId is not the app that signed the request");
}

} // namespace citycode::server::openapi

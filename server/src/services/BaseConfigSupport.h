#pragma once

#include "citycode/common/Error.h"
#include "services/Principal.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

#include <optional>
#include <string>

namespace citycode::server {

// Small rules shared by the base-configuration services: the tenant scope of a principal and the
// answers for records outside it.
class BaseConfigSupport
{
public:
    // Nothing for main-platform operators (every platform), else their own platform.
    static std::optional<Poco::Int64> scopeOf(const Principal& principal)
    {
        if (principal.mainPlatform)
            return std::nullopt;
        return principal.platformId;
    }

    // Global data (regions, industries, dictionaries) and platform creation belong to the main
    // platform (001 §4.4.2, §4.12.2).
    static void requireMainPlatform(const Principal& principal, const std::string& what)
    {
        if (!principal.mainPlatform)
            throw common::Error("FORBIDDEN", "only main-platform operators may " + what);
    }

    // A text field of a JSON request: trimmed, at most maxChars UTF-8 bytes. Throws
    // Error("BAD_REQUEST") naming the field when it is required and missing, or not text.
    static std::optional<std::string> text(const Poco::JSON::Object& input, const std::string& field, bool required,
                                           std::size_t maxBytes = 200)
    {
        if (!input.has(field) || input.isNull(field)) {
            if (required)
                throw common::Error("BAD_REQUEST", field + " is required");
            return std::nullopt;
        }
        const Poco::Dynamic::Var value = input.get(field);
        if (!value.isString())
            throw common::Error("BAD_REQUEST", field + " must be text");
        std::string result = value.extract<std::string>();
        const auto first = result.find_first_not_of(" \t\r\n");
        const auto last = result.find_last_not_of(" \t\r\n");
        result = first == std::string::npos ? std::string() : result.substr(first, last - first + 1);
        if (required && result.empty())
            throw common::Error("BAD_REQUEST", field + " must not be empty");
        if (result.size() > maxBytes)
            throw common::Error("BAD_REQUEST", field + " is longer than " + std::to_string(maxBytes) + " bytes");
        return result;
    }

    static std::optional<Poco::Int64> integer(const Poco::JSON::Object& input, const std::string& field, bool required)
    {
        if (!input.has(field) || input.isNull(field)) {
            if (required)
                throw common::Error("BAD_REQUEST", field + " is required");
            return std::nullopt;
        }
        const Poco::Dynamic::Var value = input.get(field);
        if (!value.isInteger())
            throw common::Error("BAD_REQUEST", field + " must be a whole number");
        return value.convert<Poco::Int64>();
    }

    // "enabled" or "disabled".
    static std::optional<std::string> status(const Poco::JSON::Object& input, bool required)
    {
        auto value = text(input, "status", required, 16);
        if (value && *value != "enabled" && *value != "disabled")
            throw common::Error("BAD_REQUEST", "status must be enabled or disabled");
        return value;
    }

    // A record outside the caller's scope is answered exactly like a missing one, so that ids of
    // other platforms cannot be probed.
    static Poco::JSON::Object::Ptr found(Poco::JSON::Object::Ptr record, const std::string& what)
    {
        if (!record)
            throw common::Error("NOT_FOUND", what + " not found");
        return record;
    }
};

} // namespace citycode::server

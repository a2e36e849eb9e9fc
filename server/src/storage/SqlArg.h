#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Types.h>

#include <cstdint>
#include <optional>
#include <string>

namespace citycode::server {

// A value bound to a statement on the open API's hot path without making a Poco::Dynamic::Var
// (an allocation, a copy of its text and a second copy when bound): null, a 64-bit integer or
// text, which it refers to, so the text must outlive the call it is passed to.
class SqlArg
{
public:
    enum class Kind
    {
        Null,
        Integer,
        Text
    };

    SqlArg() = default;
    SqlArg(Poco::Int64 value) : m_kind(Kind::Integer), m_integer(value) {}
    SqlArg(const std::string& text) : m_kind(Kind::Text), m_text(&text) {}
    SqlArg(const std::optional<std::int64_t>& value)
        : m_kind(value ? Kind::Integer : Kind::Null), m_integer(value ? static_cast<Poco::Int64>(*value) : 0)
    {
    }
    SqlArg(const std::string&&) = delete; // would dangle

    Kind kind() const { return m_kind; }
    Poco::Int64 integer() const { return m_integer; }
    const std::string& text() const { return *m_text; }

    // The same value for Poco's bindings (PostgreSQL).
    Poco::Dynamic::Var var() const
    {
        switch (m_kind) {
        case Kind::Integer:
            return m_integer;
        case Kind::Text:
            return *m_text;
        case Kind::Null:
            break;
        }
        return {};
    }

private:
    Kind m_kind = Kind::Null;
    Poco::Int64 m_integer = 0;
    const std::string* m_text = nullptr;
};

} // namespace citycode::server

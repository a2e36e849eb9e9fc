#include "http/JsonText.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <limits>
#include <vector>

namespace citycode::server::JsonText {

namespace {

void write(Writer& out, const Poco::Dynamic::Var& value);

void writeString(Writer& out, const std::string& text)
{
    out.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void writeObject(Writer& out, const Poco::JSON::Object& object)
{
    out.StartObject();
    // getNames() keeps the insertion order of an object made with JSON_PRESERVE_KEY_ORDER.
    for (const std::string& name : object.getNames()) {
        writeString(out, name);
        write(out, object.get(name));
    }
    out.EndObject();
}

void writeArray(Writer& out, const Poco::JSON::Array& array)
{
    out.StartArray();
    for (const Poco::Dynamic::Var& item : array)
        write(out, item);
    out.EndArray();
}

// The cases of Poco::JSON::Stringifier::stringify, in its order.
void write(Writer& out, const Poco::Dynamic::Var& value)
{
    const std::type_info& type = value.type();
    if (type == typeid(Poco::JSON::Object::Ptr)) {
        const auto& object = value.extract<Poco::JSON::Object::Ptr>();
        object ? writeObject(out, *object) : (void)out.Null();
    } else if (type == typeid(Poco::JSON::Array::Ptr)) {
        const auto& array = value.extract<Poco::JSON::Array::Ptr>();
        array ? writeArray(out, *array) : (void)out.Null();
    } else if (type == typeid(Poco::JSON::Object)) {
        writeObject(out, value.extract<Poco::JSON::Object>());
    } else if (type == typeid(Poco::JSON::Array)) {
        writeArray(out, value.extract<Poco::JSON::Array>());
    } else if (value.isEmpty()) {
        out.Null();
    } else if (value.isString() || type == typeid(char) || value.isDate() || value.isTime() || value.isDateTime()) {
        writeString(out, value.convert<std::string>());
    } else if (value.isBoolean()) {
        out.Bool(value.extract<bool>());
    } else if (value.isInteger() && value.isSigned()) {
        out.Int64(value.convert<Poco::Int64>());
    } else if (value.isInteger()) {
        out.Uint64(value.convert<Poco::UInt64>());
    } else if (value.isNumeric()) {
        out.Double(value.convert<double>());
    } else {
        const std::string text = value.convert<std::string>();
        out.RawValue(text.data(), text.size(), rapidjson::kStringType);
    }
}

// RapidJSON's SAX events to Poco values: a stack of the open containers, each value set into the
// innermost one under the key that came before it.
class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder>
{
public:
    bool Null() { return add(Poco::Dynamic::Var()); }
    bool Bool(bool value) { return add(value); }
    bool Int(int value) { return add(static_cast<Poco::Int64>(value)); }
    bool Uint(unsigned value) { return add(static_cast<Poco::Int64>(value)); }
    bool Int64(std::int64_t value) { return add(static_cast<Poco::Int64>(value)); }
    bool Uint64(std::uint64_t value)
    {
        if (value <= static_cast<std::uint64_t>(std::numeric_limits<Poco::Int64>::max()))
            return add(static_cast<Poco::Int64>(value));
        return add(static_cast<Poco::UInt64>(value));
    }
    bool Double(double value) { return add(value); }
    bool String(const char* text, rapidjson::SizeType length, bool) { return add(std::string(text, length)); }
    bool Key(const char* text, rapidjson::SizeType length, bool)
    {
        m_key.assign(text, length);
        return true;
    }
    bool StartObject() { return open(Open{new Poco::JSON::Object, nullptr}); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(Open{nullptr, new Poco::JSON::Array}); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    bool tooDeep() const { return m_tooDeep; }
    Poco::Dynamic::Var& result() { return m_result; }

private:
    struct Open
    {
        Poco::JSON::Object::Ptr object;
        Poco::JSON::Array::Ptr array;
    };

    bool add(const Poco::Dynamic::Var& value)
    {
        if (m_open.empty())
            m_result = value;
        else if (m_open.back().object)
            m_open.back().object->set(m_key, value);
        else
            m_open.back().array->add(value);
        return true;
    }
    // A new container: set into the innermost open one, then the innermost itself.
    bool open(const Open& container)
    {
        if (container.object)
            add(container.object);
        else
            add(container.array);
        m_open.push_back(container);
        return deepEnough();
    }
    bool close()
    {
        m_open.pop_back();
        return true;
    }
    bool deepEnough()
    {
        m_tooDeep = m_open.size() > static_cast<std::size_t>(kMaxDepth);
        return !m_tooDeep;
    }

    std::vector<Open> m_open;
    std::string m_key;
    Poco::Dynamic::Var m_result;
    bool m_tooDeep = false;
};

} // namespace

Poco::Dynamic::Var parse(const std::string& text)
{
    Builder builder;
    rapidjson::Reader reader;
    rapidjson::StringStream in(text.c_str());
    const rapidjson::ParseResult parsed =
        reader.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(in, builder);
    if (builder.tooDeep())
        throw Poco::JSON::JSONException("JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
    if (!parsed)
        throw Poco::JSON::JSONException(std::string(rapidjson::GetParseError_En(parsed.Code())) + " at offset " +
                                        std::to_string(parsed.Offset()));
    if (in.Tell() != text.size()) // RapidJSON stops at a NUL as at the end
        throw Poco::JSON::JSONException("a NUL character in the JSON text");
    // Poco's parser takes only an object or an array as the whole text.
    if (builder.result().type() != typeid(Poco::JSON::Object::Ptr) &&
        builder.result().type() != typeid(Poco::JSON::Array::Ptr))
        throw Poco::JSON::JSONException("the JSON text is not an object or an array");
    return builder.result();
}

void write(Writer& out, const Poco::JSON::Object& object)
{
    writeObject(out, object);
}

std::string of(const Poco::JSON::Object& object)
{
    rapidjson::StringBuffer buffer;
    Writer out(buffer);
    writeObject(out, object);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string of(const Poco::Dynamic::Var& value)
{
    rapidjson::StringBuffer buffer;
    Writer out(buffer);
    write(out, value);
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace citycode::server::JsonText

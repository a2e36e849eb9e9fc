#include "http/JsonText.h"

#include <Poco/JSON/Array.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace citycode::server::JsonText {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

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

} // namespace

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

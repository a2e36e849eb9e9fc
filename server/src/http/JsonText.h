#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

namespace citycode::server {

// JSON text of the values handlers answer with (Poco::JSON objects and arrays, strings,
// numbers, booleans, null), written with RapidJSON's writer: the same JSON as Poco's
// stringify, keys in the object's order, several times faster on the hot paths (every answer,
// every access-log line). Strings are written as they are (UTF-8), with the escapes JSON needs.
namespace JsonText {

std::string of(const Poco::JSON::Object& object);
std::string of(const Poco::Dynamic::Var& value);

// Parses JSON text as Poco::JSON::Parser().parse() does, into the same values (objects without
// preserved key order, arrays, strings, Int64 for integers, UInt64 above its range, double, bool,
// empty for null; the last of duplicate keys wins), with RapidJSON's parser: request bodies on the
// open API's hot paths. Strict JSON: an object or an array as the whole text (as Poco), valid
// UTF-8, no comments, nothing after the value, at most kMaxDepth nested containers. Throws Poco::JSON::JSONException
// for anything else.
constexpr int kMaxDepth = 128;
Poco::Dynamic::Var parse(const std::string& text);

// For text built around a value without making Poco objects for the frame (an answer envelope):
// writes the object where `out` stands.
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
void write(Writer& out, const Poco::JSON::Object& object);

} // namespace JsonText

} // namespace citycode::server

// JsonText writes every answer and access-log line: it must say what Poco's stringify says (the
// same JSON values, keys in the same order), which the console and the open-API clients read.
#include "http/JsonText.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <gtest/gtest.h>

#include <limits>
#include <sstream>

using citycode::server::JsonText::of;

namespace {

std::string pocoText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

// Both texts parsed by Poco and written again by Poco: equal when they hold the same JSON.
std::string normalised(const std::string& text)
{
    std::ostringstream again;
    Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>()->stringify(again);
    return again.str();
}

Poco::JSON::Object::Ptr sample()
{
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    inner->set("z", 1);
    inner->set("a", "二维码 \"quoted\" back\\slash / tab\t newline\n bell\x07");
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    list->add(true);
    list->add(Poco::Dynamic::Var());
    list->add(2.5);
    list->add(std::numeric_limits<Poco::Int64>::min());
    list->add(std::numeric_limits<Poco::UInt64>::max());
    list->add(inner);
    Poco::JSON::Object::Ptr top = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    top->set("Response", inner);
    top->set("list", list);
    top->set("empty", Poco::JSON::Object::Ptr(new Poco::JSON::Object));
    top->set("false", false);
    top->set("negative", -7);
    top->set("unsigned", static_cast<unsigned>(42));
    top->set("char", 'x');
    return top;
}

} // namespace

TEST(TestJsonText, SaysWhatPocosStringifySays)
{
    const Poco::JSON::Object::Ptr object = sample();
    const std::string text = of(*object);
    EXPECT_EQ(normalised(text), normalised(pocoText(*object))) << text;
}

TEST(TestJsonText, KeepsTheInsertionOrderOfKeys)
{
    const std::string text = of(*sample());
    EXPECT_LT(text.find("\"Response\""), text.find("\"list\""));
    EXPECT_LT(text.find("\"z\""), text.find("\"a\""));
    EXPECT_LT(text.find("\"false\""), text.find("\"negative\""));
}

TEST(TestJsonText, EscapesWhatJsonRequiresAndKeepsUtf8)
{
    const std::string text = of(*sample());
    EXPECT_NE(text.find("二维码"), std::string::npos);
    EXPECT_NE(text.find("\\\"quoted\\\""), std::string::npos);
    EXPECT_NE(text.find("\\t"), std::string::npos);
    EXPECT_NE(text.find("\\n"), std::string::npos);
    EXPECT_NE(text.find("\\u0007"), std::string::npos);
    EXPECT_EQ(text.find('\n'), std::string::npos);
}

TEST(TestJsonText, WritesLoneValues)
{
    EXPECT_EQ(of(Poco::Dynamic::Var()), "null");
    EXPECT_EQ(of(Poco::Dynamic::Var(std::string("a\"b"))), "\"a\\\"b\"");
    EXPECT_EQ(of(Poco::Dynamic::Var(12)), "12");
    // Poco's stringify throws on a null object pointer; an answer with one still goes out.
    EXPECT_EQ(of(Poco::Dynamic::Var(Poco::JSON::Object::Ptr())), "null");
}

namespace {

// What a parser makes of the text, written by Poco (objects without preserved order write their
// keys sorted): equal texts mean equal values; or that it refused the text.
std::string parsedBy(const std::string& text, bool ours)
{
    const char* step = "parse";
    try {
        const Poco::Dynamic::Var value =
            ours ? citycode::server::JsonText::parse(text) : Poco::JSON::Parser().parse(text);
        step = "stringify";
        std::ostringstream out;
        Poco::JSON::Stringifier::stringify(value, out);
        return out.str();
    } catch (const Poco::Exception&) {
        return std::string(step) + " refused"; // the messages differ
    }
}

std::string pocoParsed(const std::string& text)
{
    return parsedBy(text, false);
}

std::string ourParsed(const std::string& text)
{
    return parsedBy(text, true);
}

} // namespace

TEST(TestJsonText, ParsesIntoWhatPocosParserMakes)
{
    for (const std::string text : {
             R"({"cityCodeAppId":"A1","code":"CC1:abc","n":-7,"big":18446744073709551615,"f":2.5,"e":1e3})",
             R"({"nested":{"list":[1,"two",true,false,null,{"k":[]}]},"empty":{},"arr":[]})",
             R"({"dup":1,"dup":"last wins"})",
             "{\"utf8\":\"二维码 \\u4e8c \\\"q\\\" \\\\ \\/ \\t\\n\\u0007\"}",
             " \t\r\n{\"spaces\" : [ 1 , 2 ] }\n ",
             R"([1,2,{"a":null}])",
             R"("a lone string")",
             "12",
         }) {
        EXPECT_EQ(ourParsed(text), pocoParsed(text)) << text;
    }
}

TEST(TestJsonText, ParsesNumbersIntoPocosTypes)
{
    const auto object = citycode::server::JsonText::parse(
                            R"({"small":42,"negative":-9007199254740993,"big":18446744073709551615,"real":0.5})")
                            .extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(object->get("small").type(), typeid(Poco::Int64));
    EXPECT_EQ(object->getValue<Poco::Int64>("negative"), -9007199254740993LL);
    EXPECT_EQ(object->get("big").type(), typeid(Poco::UInt64));
    EXPECT_EQ(object->get("real").type(), typeid(double));
    EXPECT_TRUE(object->isNull("missing") || !object->has("missing"));
}

TEST(TestJsonText, RefusesWhatIsNotStrictJson)
{
    const std::string nested129 = std::string(129, '[') + std::string(129, ']');
    const std::string nested128 = std::string(128, '[') + std::string(128, ']');
    for (const std::string text :
         {std::string(), std::string("{"), std::string("{}x"), std::string(R"({"a":1,})"), std::string("[1,]"),
          std::string("{'a':1}"), std::string(R"({"a":01})"), std::string(R"({"a":NaN})"),
          std::string("/* comment */{}"), std::string("{\"a\":\"\xff\"}"), std::string("{}\0{}", 5),
          std::string(R"({"a" 1})"), std::string(R"({"a":"unterminated})"), nested129}) {
        EXPECT_THROW(citycode::server::JsonText::parse(text), Poco::JSON::JSONException) << text;
    }
    EXPECT_NO_THROW(citycode::server::JsonText::parse(nested128));
}

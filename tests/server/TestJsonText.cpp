// JsonText writes every answer and access-log line: it must say what Poco's stringify says (the
// same JSON values, keys in the same order), which the console and the open-API clients read.
#include "http/JsonText.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

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

// The code specification routes (码规范, 001 §4.2.2) through a real server: create, edit,
// detail, enable/disable, delete, list with name/time filters, paging and sort; only the main
// platform changes specs; a disabled spec cannot be chosen for a rule; deleting a spec leaves the
// rules that copied its fields unchanged; every change is in the operation log.
#include "CodeEngineAdminFixture.h"

using namespace citycode::test;

namespace {

class TestCodeSpecs : public CodeEngineAdminFixture
{
};

struct BadSpec
{
    const char* name;
    const char* body;
};

} // namespace

TEST_F(TestCodeSpecs, CreateEditDetailAndLog)
{
    const Poco::Int64 id = createSpec("spec-basic", defaultFields());
    const std::string path = "/admin/v1/code-specs/" + std::to_string(id);
    EXPECT_TRUE(logHas("code-spec.create", std::to_string(id)));

    const auto detail = ok(call("GET", path));
    EXPECT_EQ(detail->getValue<std::string>("name"), "spec-basic");
    EXPECT_EQ(detail->getValue<std::string>("status"), "enabled");
    const auto fields = detail->getArray("fields");
    ASSERT_EQ(fields->size(), 2u);
    EXPECT_EQ(fields->getObject(0)->getValue<std::string>("name"), "userId");
    EXPECT_EQ(fields->getObject(0)->getValue<std::string>("type"), "string");
    EXPECT_EQ(fields->getObject(0)->getValue<int>("length"), 32);

    const auto edited =
        ok(call("PUT", path, R"({"name":"spec-basic-2","fields":[{"name":"certNo","type":"string","length":18}]})"));
    EXPECT_EQ(edited->getValue<std::string>("name"), "spec-basic-2");
    EXPECT_EQ(edited->getArray("fields")->size(), 1u);
    EXPECT_TRUE(logHas("code-spec.update", std::to_string(id)));

    refused(call("POST", "/admin/v1/code-specs",
                 R"({"name":"spec-basic-2","fields":[{"name":"a","type":"string","length":1}]})"),
            409, "SPEC_NAME_TAKEN");
    const Poco::Int64 other = createSpec("spec-basic-other", defaultFields());
    refused(call("PUT", "/admin/v1/code-specs/" + std::to_string(other), R"({"name":"spec-basic-2"})"), 409,
            "SPEC_NAME_TAKEN");
    refused(call("GET", "/admin/v1/code-specs/999999"), 404, "NOT_FOUND");
    refused(call("PUT", "/admin/v1/code-specs/999999", R"({"name":"x"})"), 404, "NOT_FOUND");
    refused(call("DELETE", "/admin/v1/code-specs/999999"), 404, "NOT_FOUND");
    refused(call("POST", "/admin/v1/code-specs/999999/enable"), 404, "NOT_FOUND");
}

TEST_F(TestCodeSpecs, MalformedSpecsAreRefused)
{
    const BadSpec cases[] = {
        {"no name", R"({"fields":[{"name":"a","type":"string","length":1}]})"},
        {"empty name", R"({"name":"  ","fields":[{"name":"a","type":"string","length":1}]})"},
        {"no fields", R"({"name":"bad-1"})"},
        {"empty field list", R"({"name":"bad-2","fields":[]})"},
        {"fields not a list", R"({"name":"bad-3","fields":{"name":"a"}})"},
        {"field without a type", R"({"name":"bad-4","fields":[{"name":"a","length":1}]})"},
        {"unknown field type", R"({"name":"bad-5","fields":[{"name":"a","type":"blob","length":1}]})"},
        {"zero length", R"({"name":"bad-6","fields":[{"name":"a","type":"string","length":0}]})"},
        {"length too long", R"({"name":"bad-7","fields":[{"name":"a","type":"string","length":5000}]})"},
        {"length as text", R"({"name":"bad-8","fields":[{"name":"a","type":"string","length":"8"}]})"},
        {"field name with a space", R"({"name":"bad-9","fields":[{"name":"a b","type":"string","length":1}]})"},
        {"duplicate field", R"({"name":"bad-10","fields":[{"name":"a","type":"string","length":1},)"
                            R"({"name":"a","type":"number","length":2}]})"},
        {"bad status", R"({"name":"bad-11","status":"on","fields":[{"name":"a","type":"string","length":1}]})"},
        {"not JSON", "{name"},
    };
    for (const BadSpec& bad : cases) {
        SCOPED_TRACE(bad.name);
        refused(call("POST", "/admin/v1/code-specs", bad.body), 400, "BAD_REQUEST");
    }
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-specs?name=bad-"))->getValue<int>("total"), 0);
}

TEST_F(TestCodeSpecs, ListFiltersPagesAndSorts)
{
    for (const char* name : {"list-spec-c", "list-spec-a", "list-spec-b"})
        createSpec(name, defaultFields());
    const auto page = ok(call("GET", "/admin/v1/code-specs?name=list-spec&sort=name&order=asc&pageSize=2"));
    EXPECT_EQ(page->getValue<int>("total"), 3);
    const auto items = page->getArray("items");
    ASSERT_EQ(items->size(), 2u);
    EXPECT_EQ(items->getObject(0)->getValue<std::string>("name"), "list-spec-a");
    EXPECT_EQ(items->getObject(1)->getValue<std::string>("name"), "list-spec-b");
    const auto second = ok(call("GET", "/admin/v1/code-specs?name=list-spec&sort=name&order=asc&pageSize=2&page=2"));
    EXPECT_EQ(second->getArray("items")->getObject(0)->getValue<std::string>("name"), "list-spec-c");
    const auto descending = ok(call("GET", "/admin/v1/code-specs?name=list-spec&sort=name&order=desc"));
    EXPECT_EQ(descending->getArray("items")->getObject(0)->getValue<std::string>("name"), "list-spec-c");

    // Time range: everything created so far is before tomorrow and after 2000.
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-specs?name=list-spec&createdFrom=2000-01-01"))->getValue<int>("total"), 3);
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-specs?name=list-spec&createdTo=2000-01-01"))->getValue<int>("total"), 0);
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-specs?name=list-spec&createdFrom=2999-01-01"))->getValue<int>("total"), 0);
    refused(call("GET", "/admin/v1/code-specs?createdFrom=yesterday"), 400, "BAD_REQUEST");
    refused(call("GET", "/admin/v1/code-specs?sort=fields"), 400, "BAD_REQUEST");
    refused(call("GET", "/admin/v1/code-specs?colour=red"), 400, "BAD_REQUEST");
}

TEST_F(TestCodeSpecs, DisabledSpecCannotBeChosenAndDeletionLeavesRulesAlone)
{
    const Poco::Int64 id = createSpec("spec-life", defaultFields());
    const std::string path = "/admin/v1/code-specs/" + std::to_string(id);
    const Poco::Int64 platform = mainPlatformId();
    const auto rule = createRule("rule-of-spec-life", platform, id);
    const Poco::Int64 ruleId = rule->getValue<Poco::Int64>("id");

    EXPECT_EQ(ok(call("POST", path + "/disable"))->getValue<std::string>("status"), "disabled");
    EXPECT_TRUE(logHas("code-spec.disable", std::to_string(id)));
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-specs?status=disabled&name=spec-life"))->getValue<int>("total"), 1);
    // 001 §4.2.2 4): a disabled spec cannot be chosen for rules.
    refused(call("PUT", "/admin/v1/code-rules/" + std::to_string(ruleId) + "/steps/3",
                 R"({"specId":)" + std::to_string(id) + "}"),
            409, "SPEC_DISABLED");
    refused(call("POST", "/admin/v1/code-rules",
                 R"({"basic":{"name":"r","form":"static","codeType":"object"},"spec":{"specId":)" + std::to_string(id) +
                     "}}"),
            409, "SPEC_DISABLED");
    EXPECT_EQ(ok(call("POST", path + "/enable"))->getValue<std::string>("status"), "enabled");

    // 001 §4.2.2 5): deleting the spec does not affect rules that use it.
    ok(call("DELETE", path));
    EXPECT_TRUE(logHas("code-spec.delete", std::to_string(id)));
    refused(call("GET", path), 404, "NOT_FOUND");
    const auto after = ok(call("GET", "/admin/v1/code-rules/" + std::to_string(ruleId)));
    EXPECT_EQ(after->getValue<std::string>("specName"), "spec-life");
    EXPECT_TRUE(after->isNull("specId"));
    EXPECT_EQ(after->getObject("version")->getArray("specFields")->size(), 2u);
    // Pulling the spec's latest fields now has nothing to pull from.
    refused(call("POST", "/admin/v1/code-rules/" + std::to_string(ruleId) + "/update-spec"), 409, "RULE_SPEC_GONE");
}

TEST_F(TestCodeSpecs, OnlyTheMainPlatformChangesSpecs)
{
    const SubPlatform sub = createSubPlatform("spec-sub");
    const Poco::Int64 id = createSpec("spec-main-only", defaultFields());
    const std::string path = "/admin/v1/code-specs/" + std::to_string(id);
    // Sub-platforms read the specs (global data) ...
    EXPECT_EQ(ok(call("GET", path, {}, sub.token))->getValue<std::string>("name"), "spec-main-only");
    EXPECT_GE(ok(call("GET", "/admin/v1/code-specs", {}, sub.token))->getValue<int>("total"), 1);
    // ... and change nothing.
    EXPECT_EQ(call("POST", "/admin/v1/code-specs", R"({"name":"x","fields":[]})", sub.token).status, 403);
    EXPECT_EQ(call("PUT", path, R"({"name":"x"})", sub.token).status, 403);
    EXPECT_EQ(call("POST", path + "/disable", {}, sub.token).status, 403);
    EXPECT_EQ(call("DELETE", path, {}, sub.token).status, 403);
    EXPECT_EQ(ok(call("GET", path))->getValue<std::string>("status"), "enabled");
    EXPECT_EQ(call("GET", "/admin/v1/code-specs", {}, "").status, 401);
}

// The code rule routes (码规则, 001 §4.2.3; 001 §4.3 关联码规则; 000 §2.2.5) through a real
// server: the five-step wizard in one request or step by step, pending -> published, versions
// made by editing a published rule, their diff, push into a sub-platform's pool and removal,
// linking rules to apps, deletion refused while an app uses a rule, generate/scan permissions,
// and the status code of each refusal.
#include "CodeEngineAdminFixture.h"

using namespace citycode::test;

namespace {

class TestCodeRules : public CodeEngineAdminFixture
{
protected:
    static std::string rulePath(Poco::Int64 id) { return "/admin/v1/code-rules/" + std::to_string(id); }

    static std::vector<std::string> names(const Poco::JSON::Array::Ptr& fields)
    {
        std::vector<std::string> result;
        for (std::size_t i = 0; fields && i < fields->size(); ++i) {
            const auto field = fields->getObject(static_cast<unsigned>(i));
            result.push_back(field->has("name") ? field->getValue<std::string>("name")
                                                : field->getValue<std::string>("setting"));
        }
        return result;
    }
};

struct Refusal
{
    const char* name;
    std::string method;
    std::string path;
    std::string body;
    int status;
    const char* code;
};

} // namespace

TEST_F(TestCodeRules, WizardSavesStepByStepWhilePending)
{
    const Poco::Int64 spec = createSpec("wizard-spec", defaultFields());
    const auto created =
        ok(call("POST", "/admin/v1/code-rules", R"({"basic":{"name":"wizard","form":"dynamic","codeType":"health"}})"),
           201);
    const Poco::Int64 id = created->getValue<Poco::Int64>("id");
    EXPECT_EQ(created->getValue<std::string>("publishState"), "pending");
    EXPECT_EQ(created->getValue<std::string>("status"), "enabled");
    EXPECT_EQ(created->getValue<Poco::Int64>("platformId"), mainPlatformId()) << "default: the caller's platform";
    EXPECT_EQ(created->getValue<int>("latestVersion"), 1);
    // 002 §9.2: dynamic codes are valid 60 s unless configured.
    EXPECT_EQ(created->getObject("version")->getObject("config")->getValue<int>("validitySeconds"), 60);
    EXPECT_TRUE(logHas("code-rule.create", std::to_string(id)));

    // Publishing needs step 3 (a spec).
    refused(call("POST", rulePath(id) + "/publish"), 409, "RULE_INCOMPLETE");

    ok(call("PUT", rulePath(id) + "/steps/1", R"({"name":"wizard-renamed","issuingUnit":"Health Commission"})"));
    ok(call("PUT", rulePath(id) + "/steps/2", R"({"validitySeconds":45,"refreshSeconds":15,"cache":true})"));
    ok(call("PUT", rulePath(id) + "/steps/3", R"({"specId":)" + std::to_string(spec) + "}"));
    ok(call("PUT", rulePath(id) + "/steps/4", R"({"fields":[{"name":"vaccination","type":"integer","length":1}]})"));
    const auto last =
        ok(call("PUT", rulePath(id) + "/steps/5", R"({"fields":[{"name":"deviceId","type":"string","length":64}]})"));
    EXPECT_TRUE(logHas("code-rule.step", std::to_string(id)));

    EXPECT_EQ(last->getValue<std::string>("name"), "wizard-renamed");
    EXPECT_EQ(last->getValue<std::string>("issuingUnit"), "Health Commission");
    EXPECT_EQ(last->getValue<std::string>("specName"), "wizard-spec");
    EXPECT_EQ(last->getValue<int>("latestVersion"), 1) << "a pending rule edits its one version";
    const auto version = last->getObject("version");
    EXPECT_EQ(version->getObject("config")->getValue<int>("validitySeconds"), 45);
    EXPECT_EQ(version->getObject("config")->getValue<int>("refreshSeconds"), 15);
    EXPECT_TRUE(version->getObject("config")->getValue<bool>("cache"));
    EXPECT_EQ(names(version->getArray("specFields")), (std::vector<std::string>{"userId", "issuedAt"}));
    EXPECT_EQ(names(version->getArray("extensionFields")), std::vector<std::string>{"vaccination"});
    EXPECT_EQ(names(version->getArray("collectFields")), std::vector<std::string>{"deviceId"});

    // Step 3 with edited fields: the spec's fields are a copy the designer may change.
    const auto edited = ok(
        call("PUT", rulePath(id) + "/steps/3",
             R"({"specId":)" + std::to_string(spec) + R"(,"fields":[{"name":"userId","type":"string","length":64}]})"));
    EXPECT_EQ(edited->getObject("version")->getArray("specFields")->getObject(0)->getValue<int>("length"), 64);

    const auto published = ok(call("POST", rulePath(id) + "/publish"));
    EXPECT_EQ(published->getValue<std::string>("publishState"), "published");
    EXPECT_FALSE(published->isNull("publishedAt"));
    EXPECT_TRUE(logHas("code-rule.publish", std::to_string(id)));
}

TEST_F(TestCodeRules, MalformedRulesAreRefused)
{
    const Poco::Int64 spec = createSpec("malformed-spec", defaultFields());
    const std::string basic = R"("basic":{"name":"bad-rule","form":"dynamic","codeType":"personal"})";
    const Refusal cases[] = {
        {"no basic step", "POST", "/admin/v1/code-rules", R"({"function":{}})", 400, "BAD_REQUEST"},
        {"basic not an object", "POST", "/admin/v1/code-rules", R"({"basic":3})", 400, "BAD_REQUEST"},
        {"no name", "POST", "/admin/v1/code-rules", R"({"basic":{"form":"dynamic","codeType":"personal"}})", 400,
         "BAD_REQUEST"},
        {"unknown form", "POST", "/admin/v1/code-rules",
         R"({"basic":{"name":"bad-rule","form":"liquid","codeType":"personal"}})", 400, "BAD_REQUEST"},
        {"unknown code type", "POST", "/admin/v1/code-rules",
         R"({"basic":{"name":"bad-rule","form":"static","codeType":"x"}})", 400, "BAD_REQUEST"},
        {"unknown platform", "POST", "/admin/v1/code-rules",
         R"({"basic":{"name":"bad-rule","form":"static","codeType":"object","platformId":999999}})", 400,
         "BAD_REQUEST"},
        {"unknown industry", "POST", "/admin/v1/code-rules",
         R"({"basic":{"name":"bad-rule","form":"static","codeType":"object","industryId":999999}})", 400,
         "BAD_REQUEST"},
        {"validity zero", "POST", "/admin/v1/code-rules", "{" + basic + R"(,"function":{"validitySeconds":0}})", 400,
         "BAD_REQUEST"},
        {"validity as text", "POST", "/admin/v1/code-rules", "{" + basic + R"(,"function":{"validitySeconds":"60"}})",
         400, "BAD_REQUEST"},
        {"jump URL not http", "POST", "/admin/v1/code-rules", "{" + basic + R"(,"function":{"jumpUrl":"ftp://x"}})",
         400, "BAD_REQUEST"},
        {"anti-screenshot not a flag", "POST", "/admin/v1/code-rules",
         "{" + basic + R"(,"function":{"antiScreenshot":"yes"}})", 400, "BAD_REQUEST"},
        {"unknown spec", "POST", "/admin/v1/code-rules", "{" + basic + R"(,"spec":{"specId":999999}})", 400,
         "BAD_REQUEST"},
        {"spec without id", "POST", "/admin/v1/code-rules", "{" + basic + R"(,"spec":{}})", 400, "BAD_REQUEST"},
        {"bad spec field", "POST", "/admin/v1/code-rules",
         "{" + basic + R"(,"spec":{"specId":)" + std::to_string(spec) + R"(,"fields":[{"name":"a"}]}})", 400,
         "BAD_REQUEST"},
        {"extension without fields", "POST", "/admin/v1/code-rules", "{" + basic + R"(,"extensionFields":{}})", 400,
         "BAD_REQUEST"},
        {"duplicate collect field", "POST", "/admin/v1/code-rules",
         "{" + basic +
             R"(,"collectFields":{"fields":[{"name":"a","type":"string","length":1},{"name":"a","type":"string","length":1}]}})",
         400, "BAD_REQUEST"},
        {"missing rule", "GET", "/admin/v1/code-rules/999999", "", 404, "NOT_FOUND"},
        {"step of a missing rule", "PUT", "/admin/v1/code-rules/999999/steps/2", "{}", 404, "NOT_FOUND"},
        {"unknown list filter", "GET", "/admin/v1/code-rules?colour=red", "", 400, "BAD_REQUEST"},
        {"unknown sort", "GET", "/admin/v1/code-rules?sort=config", "", 400, "BAD_REQUEST"},
    };
    for (const Refusal& c : cases) {
        SCOPED_TRACE(c.name);
        refused(call(c.method, c.path, c.body), c.status, c.code);
    }
    const Poco::Int64 id = createRule("malformed-steps", mainPlatformId(), spec)->getValue<Poco::Int64>("id");
    refused(call("PUT", rulePath(id) + "/steps/6", "{}"), 404, "NOT_FOUND");
    refused(call("PUT", rulePath(id) + "/steps/0", "{}"), 404, "NOT_FOUND");
    refused(call("PUT", rulePath(id) + "/steps/2", R"({"refreshSeconds":-1})"), 400, "BAD_REQUEST");
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-rules?name=bad-rule&sort=name"))->getValue<int>("total"), 0)
        << "no refused rule was stored";
}

TEST_F(TestCodeRules, StatesAndTheirRefusals)
{
    const Poco::Int64 spec = createSpec("states-spec", defaultFields());
    const Poco::Int64 id = createRule("states", mainPlatformId(), spec)->getValue<Poco::Int64>("id");
    const std::string path = rulePath(id);
    refused(call("POST", path + "/push"), 409, "RULE_NOT_PUBLISHED");
    refused(call("POST", path + "/versions", R"({"function":{"validitySeconds":5}})"), 409, "RULE_NOT_PUBLISHED");
    ok(call("POST", path + "/publish"));
    refused(call("POST", path + "/publish"), 409, "RULE_PUBLISHED");
    // 001 §4.2.3 7): the basic information of a published rule does not change.
    refused(call("PUT", path + "/steps/1", R"({"name":"renamed"})"), 409, "RULE_PUBLISHED");
    // Removal from a pool needs a disabled rule that is in the pool.
    refused(call("POST", path + "/remove-from-pool"), 409, "RULE_NOT_DISABLED");
    EXPECT_EQ(ok(call("POST", path + "/disable"))->getValue<std::string>("status"), "disabled");
    EXPECT_TRUE(logHas("code-rule.disable", std::to_string(id)));
    refused(call("POST", path + "/remove-from-pool"), 409, "RULE_NOT_IN_POOL");
    const auto pushed = ok(call("POST", path + "/push"));
    EXPECT_TRUE(pushed->getValue<bool>("inPool"));
    EXPECT_TRUE(logHas("code-rule.push", std::to_string(id)));
    const auto removed = ok(call("POST", path + "/remove-from-pool"));
    EXPECT_FALSE(removed->getValue<bool>("inPool"));
    EXPECT_TRUE(logHas("code-rule.remove-from-pool", std::to_string(id)));
    EXPECT_EQ(ok(call("POST", path + "/enable"))->getValue<std::string>("status"), "enabled");
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-rules?name=states&publishState=published&status=enabled"))
                  ->getValue<int>("total"),
              1);
    ok(call("DELETE", path));
    EXPECT_TRUE(logHas("code-rule.delete", std::to_string(id)));
    refused(call("GET", path), 404, "NOT_FOUND");
    refused(call("DELETE", path), 404, "NOT_FOUND");
}

TEST_F(TestCodeRules, EditingAPublishedRuleMakesVersionsAndTheDiffShowsWhatChanged)
{
    const Poco::Int64 spec = createSpec("versions-spec", defaultFields());
    const Poco::Int64 id = createPooledRule("versions", mainPlatformId(), spec);
    const std::string path = rulePath(id);

    // Step 2 on a published rule: version 2, not yet pushed (001 §4.2.3 9) ④).
    const auto v2 = ok(call("PUT", path + "/steps/2", R"({"validitySeconds":30})"));
    EXPECT_EQ(v2->getValue<int>("latestVersion"), 2);
    EXPECT_FALSE(v2->getObject("version")->getValue<bool>("pushed"));
    // Step 4: version 3 with one more extension field.
    const auto v3 = ok(call("PUT", path + "/steps/4",
                            R"({"fields":[{"name":"cardLevel","type":"integer","length":2},)"
                            R"({"name":"district","type":"string","length":12}]})"));
    EXPECT_EQ(v3->getValue<int>("latestVersion"), 3);
    // An explicit new version.
    const auto v4 = ok(call("POST", path + "/versions", R"({"collectFields":{"fields":[]}})"), 201);
    EXPECT_EQ(v4->getValue<int>("version"), 4);
    EXPECT_TRUE(logHas("code-rule.version-create", std::to_string(id)));

    const auto list = ok(call("GET", path + "/versions"));
    EXPECT_EQ(list->getValue<int>("total"), 4);
    EXPECT_EQ(list->getArray("items")->getObject(0)->getValue<int>("version"), 4) << "newest first";
    const auto first = ok(call("GET", path + "/versions/1"));
    EXPECT_EQ(first->getObject("config")->getValue<int>("validitySeconds"), 60);
    EXPECT_TRUE(first->getValue<bool>("pushed"));
    refused(call("GET", path + "/versions/99"), 404, "NOT_FOUND");

    const auto diff12 = ok(call("GET", path + "/diff?from=1&to=2"));
    const auto configChanges = diff12->getObject("config")->getArray("changed");
    ASSERT_EQ(configChanges->size(), 1u) << diff12->getObject("config")->size();
    EXPECT_EQ(configChanges->getObject(0)->getValue<std::string>("setting"), "validitySeconds");
    EXPECT_EQ(configChanges->getObject(0)->getValue<int>("from"), 60);
    EXPECT_EQ(configChanges->getObject(0)->getValue<int>("to"), 30);
    EXPECT_FALSE(diff12->getValue<bool>("identical"));
    const auto diff23 = ok(call("GET", path + "/diff?from=2&to=3"));
    EXPECT_EQ(names(diff23->getObject("extensionFields")->getArray("added")), std::vector<std::string>{"district"});
    EXPECT_EQ(diff23->getObject("config")->getArray("changed")->size(), 0u);
    const auto diff34 = ok(call("GET", path + "/diff?from=3&to=4"));
    EXPECT_EQ(names(diff34->getObject("collectFields")->getArray("removed")), std::vector<std::string>{"deviceId"});
    const auto diff32 = ok(call("GET", path + "/diff?from=3&to=2"));
    EXPECT_EQ(names(diff32->getObject("extensionFields")->getArray("removed")), std::vector<std::string>{"district"});
    EXPECT_TRUE(ok(call("GET", path + "/diff?from=2&to=2"))->getValue<bool>("identical"));
    refused(call("GET", path + "/diff?from=1"), 400, "BAD_REQUEST");
    refused(call("GET", path + "/diff?from=1&to=x"), 400, "BAD_REQUEST");
    refused(call("GET", path + "/diff?from=1&to=2&colour=red"), 400, "BAD_REQUEST");
    refused(call("GET", path + "/diff?from=1&to=99"), 404, "NOT_FOUND");

    // "Update": the spec changed; its latest fields come in as a new version.
    ok(call(
        "PUT", "/admin/v1/code-specs/" + std::to_string(spec),
        R"({"fields":[{"name":"userId","type":"string","length":40},{"name":"region","type":"string","length":6}]})"));
    const auto v5 = ok(call("POST", path + "/update-spec"));
    EXPECT_EQ(v5->getValue<int>("latestVersion"), 5);
    const auto diff45 = ok(call("GET", path + "/diff?from=4&to=5"));
    EXPECT_EQ(names(diff45->getObject("specFields")->getArray("added")), std::vector<std::string>{"region"});
    EXPECT_EQ(names(diff45->getObject("specFields")->getArray("removed")), std::vector<std::string>{"issuedAt"});
    EXPECT_EQ(names(diff45->getObject("specFields")->getArray("changed")), std::vector<std::string>{"userId"});
    EXPECT_TRUE(logHas("code-rule.update-spec", std::to_string(id)));

    // Version edit in place: must be pushed again; push sends every version.
    const auto edited = ok(call("PUT", path + "/versions/1", R"({"function":{"cache":true}})"));
    EXPECT_FALSE(edited->getValue<bool>("pushed"));
    EXPECT_TRUE(edited->getObject("config")->getValue<bool>("cache"));
    refused(call("PUT", path + "/versions/1", "{}"), 400, "BAD_REQUEST");
    refused(call("PUT", path + "/versions/99", R"({"function":{}})"), 404, "NOT_FOUND");
    ok(call("POST", path + "/push"));
    const auto afterPush = ok(call("GET", path + "/versions?pageSize=100"))->getArray("items");
    for (std::size_t i = 0; i < afterPush->size(); ++i)
        EXPECT_TRUE(afterPush->getObject(static_cast<unsigned>(i))->getValue<bool>("pushed"));

    // Several versions enabled at once; each can be disabled alone.
    EXPECT_EQ(ok(call("POST", path + "/versions/2/disable"))->getValue<std::string>("status"), "disabled");
    EXPECT_TRUE(logHas("code-rule.version-disable", std::to_string(id)));
    EXPECT_EQ(ok(call("GET", path + "/versions?status=enabled"))->getValue<int>("total"), 4);
    EXPECT_EQ(ok(call("POST", path + "/versions/2/enable"))->getValue<std::string>("status"), "enabled");
    refused(call("POST", path + "/versions/99/enable"), 404, "NOT_FOUND");
}

TEST_F(TestCodeRules, PoolsLinksAndDeletionWhileInUse)
{
    const SubPlatform sub = createSubPlatform("pool-sub");
    const SubPlatform other = createSubPlatform("pool-other");
    const Poco::Int64 spec = createSpec("pool-spec", defaultFields());
    const Poco::Int64 id = createRule("pool-rule", sub.id, spec)->getValue<Poco::Int64>("id");
    const std::string path = rulePath(id);
    const auto subApp = createApp(sub.token, "pool-sub-app");
    const std::string subAppPath = "/admin/v1/apps/" + std::to_string(subApp->getValue<Poco::Int64>("id"));
    const std::string link = R"({"ruleIds":[)" + std::to_string(id) + "]}";

    // Not pushed yet: the sub-platform does not see the rule.
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-rules", {}, sub.token))->getValue<int>("total"), 0);
    refused(call("GET", path, {}, sub.token), 404, "NOT_FOUND");
    ok(call("POST", path + "/publish"));
    refused(call("POST", subAppPath + "/code-rules", link), 409, "RULE_NOT_IN_POOL");
    ok(call("POST", path + "/push"));
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-rules", {}, sub.token))->getValue<int>("total"), 1);
    EXPECT_EQ(ok(call("GET", path, {}, sub.token))->getValue<std::string>("name"), "pool-rule");
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-rules", {}, other.token))->getValue<int>("total"), 0);
    refused(call("GET", path, {}, other.token), 404, "NOT_FOUND");

    // The sub-platform designs nothing (001 §4.2.3: the main platform creates and pushes rules).
    EXPECT_EQ(call("POST", path + "/push", {}, sub.token).status, 403);
    EXPECT_EQ(call("PUT", path + "/steps/2", R"({"cache":true})", sub.token).status, 403);
    EXPECT_EQ(call("DELETE", path, {}, sub.token).status, 403);
    EXPECT_EQ(
        call("POST", "/admin/v1/code-rules", R"({"basic":{"name":"x","form":"static","codeType":"object"}})", sub.token)
            .status,
        403);

    // Linking from the own pool; visible in the app detail.
    ok(call("POST", subAppPath + "/code-rules", link, sub.token));
    EXPECT_TRUE(logHas("app.link-code-rules", std::to_string(subApp->getValue<Poco::Int64>("id"))));
    ok(call("POST", subAppPath + "/code-rules", link, sub.token)); // linking twice changes nothing
    const auto linked = ok(call("GET", subAppPath + "/code-rules", {}, sub.token));
    EXPECT_EQ(linked->getValue<int>("total"), 1);
    const auto detail = ok(call("GET", subAppPath, {}, sub.token));
    ASSERT_EQ(detail->getArray("codeRules")->size(), 1u);
    EXPECT_EQ(detail->getArray("codeRules")->getObject(0)->getValue<Poco::Int64>("ruleId"), id);

    // Another platform's app or rule: not found; the main platform's app cannot take a sub's rule.
    const auto otherApp = createApp(other.token, "pool-other-app");
    const std::string otherAppPath = "/admin/v1/apps/" + std::to_string(otherApp->getValue<Poco::Int64>("id"));
    refused(call("POST", otherAppPath + "/code-rules", link, other.token), 404, "NOT_FOUND");
    refused(call("POST", otherAppPath + "/code-rules", link, sub.token), 404, "NOT_FOUND");
    refused(call("GET", otherAppPath + "/code-rules", {}, sub.token), 404, "NOT_FOUND");
    refused(call("POST", otherAppPath + "/code-rules", link), 409, "RULE_NOT_IN_POOL");
    refused(call("POST", subAppPath + "/code-rules", R"({"ruleIds":[])", sub.token), 400, "BAD_REQUEST");
    refused(call("POST", subAppPath + "/code-rules", R"({"ruleIds":[999999]})", sub.token), 404, "NOT_FOUND");

    // 001 §4.2.3 5): a rule an app uses is not deleted.
    refused(call("DELETE", path), 409, "RULE_IN_USE");
    // A disabled rule cannot be linked anew.
    const auto subApp2 = createApp(sub.token, "pool-sub-app-2");
    ok(call("POST", path + "/disable"));
    refused(call("POST", "/admin/v1/apps/" + std::to_string(subApp2->getValue<Poco::Int64>("id")) + "/code-rules", link,
                 sub.token),
            409, "RULE_DISABLED");
    // Removed from the pool: gone for the sub-platform.
    ok(call("POST", path + "/remove-from-pool"));
    EXPECT_EQ(ok(call("GET", "/admin/v1/code-rules", {}, sub.token))->getValue<int>("total"), 0);
    refused(call("GET", path, {}, sub.token), 404, "NOT_FOUND");

    // Unlinking (001 §4.3 2)) frees the rule for deletion.
    ok(call("DELETE", subAppPath + "/code-rules/" + std::to_string(id), {}, sub.token));
    EXPECT_TRUE(logHas("app.unlink-code-rule", std::to_string(subApp->getValue<Poco::Int64>("id"))));
    refused(call("DELETE", subAppPath + "/code-rules/" + std::to_string(id), {}, sub.token), 404, "NOT_FOUND");
    EXPECT_EQ(ok(call("GET", subAppPath))->getArray("codeRules")->size(), 0u);
    ok(call("DELETE", path));
}

TEST_F(TestCodeRules, GenerateAndScanPermissionsSwitchPerApp)
{
    const SubPlatform sub = createSubPlatform("perm-sub");
    const auto app = createApp(sub.token, "perm-app");
    const std::string path = "/admin/v1/apps/" + std::to_string(app->getValue<Poco::Int64>("id")) + "/permissions";
    const auto initial = ok(call("GET", path, {}, sub.token));
    EXPECT_FALSE(initial->getValue<bool>("generate")) << "off until switched on";
    EXPECT_FALSE(initial->getValue<bool>("scan"));

    const auto generateOn = ok(call("PUT", path, R"({"generate":true})", sub.token));
    EXPECT_TRUE(generateOn->getValue<bool>("generate"));
    EXPECT_FALSE(generateOn->getValue<bool>("scan"));
    const auto both = ok(call("PUT", path, R"({"scan":true})", sub.token));
    EXPECT_TRUE(both->getValue<bool>("generate"));
    EXPECT_TRUE(both->getValue<bool>("scan"));
    const auto off = ok(call("PUT", path, R"({"generate":false})"));
    EXPECT_FALSE(off->getValue<bool>("generate"));
    EXPECT_TRUE(off->getValue<bool>("scan"));
    EXPECT_TRUE(logHas("app.code-permissions", std::to_string(app->getValue<Poco::Int64>("id"))));

    const SubPlatform other = createSubPlatform("perm-other");
    const Refusal cases[] = {
        {"nothing to switch", "PUT", path, "{}", 400, "BAD_REQUEST"},
        {"not a flag", "PUT", path, R"({"scan":"on"})", 400, "BAD_REQUEST"},
        {"missing app", "GET", "/admin/v1/apps/999999/permissions", "", 404, "NOT_FOUND"},
    };
    for (const Refusal& c : cases) {
        SCOPED_TRACE(c.name);
        refused(call(c.method, c.path, c.body, sub.token), c.status, c.code);
    }
    refused(call("GET", path, {}, other.token), 404, "NOT_FOUND");
    refused(call("PUT", path, R"({"scan":false})", other.token), 404, "NOT_FOUND");
    EXPECT_TRUE(ok(call("GET", path))->getValue<bool>("scan")) << "the foreign attempt changed nothing";
}

TEST_F(TestCodeRules, DeletingAnAppOrAPlatformTakesItsCodeEngineRecordsAlong)
{
    const SubPlatform sub = createSubPlatform("gone-sub");
    const Poco::Int64 rule = createPooledRule("gone-rule", sub.id, createSpec("gone-spec", defaultFields()));
    const auto app = createApp(sub.token, "gone-app");
    const std::string appPath = "/admin/v1/apps/" + std::to_string(app->getValue<Poco::Int64>("id"));
    ok(call("POST", appPath + "/code-rules", R"({"ruleIds":[)" + std::to_string(rule) + "]}", sub.token));
    ok(call("PUT", appPath + "/permissions", R"({"generate":true,"scan":true})", sub.token));
    const auto terminal = ok(call("POST", "/admin/v1/terminals",
                                  R"({"terminalCode":"gone-gate","name":"Gate","publicKeyPem":")" +
                                      std::string("-----BEGIN PUBLIC KEY-----\\n"
                                                  "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\\n"
                                                  "-----END PUBLIC KEY-----\\n") +
                                      "\"}",
                                  sub.token),
                             201);

    // The app goes with its links and permissions; the rule is then free to go as well.
    ok(call("POST", appPath + "/disable", {}, sub.token));
    ok(call("DELETE", appPath, {}, sub.token));
    refused(call("GET", appPath + "/permissions", {}, sub.token), 404, "NOT_FOUND");
    // The platform goes with its terminals and the rules of its pool.
    ok(call("DELETE", "/admin/v1/platforms/" + std::to_string(sub.id)));
    refused(call("GET", rulePath(rule)), 404, "NOT_FOUND");
    refused(call("GET", "/admin/v1/terminals/" + std::to_string(terminal->getValue<Poco::Int64>("id"))), 404,
            "NOT_FOUND");
}

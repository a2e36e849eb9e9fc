// Static codes through a real server (002 §5.3.2.4, §8.1; issue 4, must-show 6): every (state,
// operation) pair of the lifecycle, from a table written out here independently of the server's
// own: legal ones succeed and appear in the history in order, illegal ones answer 409
// STATIC_CODE_ILLEGAL_TRANSITION and leave state and history unchanged. Also the subject sealed
// at rest and masked in answers, lists with filters, tenant scope, the operation log, the QR
// symbol read back by zbarimg, and state and history across a restart.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "OpenApiClient.h"
#include "Process.h"
#include "TempDir.h"
#include "citycode/common/PersonalData.h"
#include "citycode/common/Symbol.h"

#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

using namespace citycode::test;

namespace {

std::string jsonText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

std::string jsonText(const Poco::JSON::Array::Ptr& array)
{
    std::ostringstream text;
    array->stringify(text);
    return text.str();
}

// The lifecycle as docs/static-codes.md states it: (state, operation) -> new state. Every pair
// not listed must be refused.
const std::map<std::pair<std::string, std::string>, std::string>& legalTransitions()
{
    static const std::map<std::pair<std::string, std::string>, std::string> table = {
        {{"registered", "apply"}, "applied"},    {{"registered", "change"}, "registered"},
        {{"registered", "cancel"}, "cancelled"}, {{"applied", "enable"}, "enabled"},
        {{"applied", "change"}, "applied"},      {{"applied", "cancel"}, "cancelled"},
        {{"enabled", "disable"}, "disabled"},    {{"enabled", "report-lost"}, "lost"},
        {{"enabled", "change"}, "enabled"},      {{"enabled", "replace"}, "replaced"},
        {{"disabled", "enable"}, "enabled"},     {{"disabled", "report-lost"}, "lost"},
        {{"disabled", "change"}, "disabled"},    {{"disabled", "recycle"}, "recycled"},
        {{"disabled", "cancel"}, "cancelled"},   {{"lost", "enable"}, "enabled"},
        {{"lost", "recycle"}, "recycled"},       {{"lost", "replace"}, "replaced"},
        {{"lost", "cancel"}, "cancelled"},       {{"recycled", "cancel"}, "cancelled"},
    };
    return table;
}

// How the tests bring a new code into each state, operation by operation after "register".
const std::map<std::string, std::vector<std::string>>& pathTo()
{
    static const std::map<std::string, std::vector<std::string>> paths = {
        {"registered", {}},
        {"applied", {"apply"}},
        {"enabled", {"apply", "enable"}},
        {"disabled", {"apply", "enable", "disable"}},
        {"lost", {"apply", "enable", "report-lost"}},
        {"replaced", {"apply", "enable", "replace"}},
        {"recycled", {"apply", "enable", "disable", "recycle"}},
        {"cancelled", {"cancel"}},
    };
    return paths;
}

const std::vector<std::string> kStates = {"registered", "applied",  "enabled",  "disabled",
                                          "lost",       "replaced", "recycled", "cancelled"};
const std::vector<std::string> kOperations = {"apply",   "enable",  "disable", "report-lost", "change",
                                              "recycle", "replace", "cancel",  "query"};

// A valid GB 11643 resident ID number with the given sequence digits.
std::string idNumber(const std::string& sequence)
{
    const std::string first17 = "11010119900307" + sequence;
    return first17 + citycode::common::idNumberCheckCharacter(first17);
}

class StaticCodeServer
{
public:
    static void start()
    {
        s_dir = std::make_unique<TempDir>();
        s_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(s_dir->file("data")));
        s_server->start();
        s_token = AdminSession::signIn(s_server->port());
    }

    static void stop()
    {
        s_server.reset();
        s_dir.reset();
    }

    static HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                             const std::string& token = s_token)
    {
        return AdminSession::call(s_server->port(), method, path, token, body);
    }

    static Poco::JSON::Object::Ptr ok(const HttpResponse& response, int status = 200)
    {
        EXPECT_EQ(response.status, status) << response.body;
        return AdminSession::json(response);
    }

    // Registers an object code (no personal data) and returns its id.
    static Poco::Int64 registerObject(const std::string& category = "scene.gate", const std::string& token = s_token)
    {
        Poco::JSON::Object input;
        input.set("category", category);
        input.set("subjectType", "object");
        input.set("subjectName", "gate " + std::to_string(++s_counter));
        input.set("reason", "registered by test");
        return ok(call("POST", "/admin/v1/static-codes", jsonText(input), token), 201)->getValue<Poco::Int64>("id");
    }

    static std::string codePath(Poco::Int64 id, const std::string& operation = {})
    {
        return "/admin/v1/static-codes/" + std::to_string(id) + (operation.empty() ? "" : "/" + operation);
    }

    static Poco::JSON::Object::Ptr detail(Poco::Int64 id) { return ok(call("GET", codePath(id))); }

    static HttpResponse perform(Poco::Int64 id, const std::string& operation, const std::string& reason)
    {
        Poco::JSON::Object input;
        input.set("reason", reason);
        if (operation == "change")
            input.set("description", "changed for " + reason);
        return call("POST", codePath(id, operation), jsonText(input));
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<ServerProcess> s_server;
    static std::string s_token;
    static int s_counter;
};

std::unique_ptr<TempDir> StaticCodeServer::s_dir;
std::unique_ptr<ServerProcess> StaticCodeServer::s_server;
std::string StaticCodeServer::s_token;
int StaticCodeServer::s_counter = 0;

// One row of the transition table: a code in `state`, then `operation`.
struct TransitionCase
{
    std::string state;
    std::string operation;
};

void PrintTo(const TransitionCase& row, std::ostream* out)
{
    *out << row.state << " then " << row.operation;
}

class TestStaticCodeTransitions : public ::testing::TestWithParam<TransitionCase>, protected StaticCodeServer
{
protected:
    static void SetUpTestSuite() { start(); }
    static void TearDownTestSuite() { stop(); }
};

std::vector<TransitionCase> everyPair()
{
    std::vector<TransitionCase> cases;
    for (const auto& state : kStates)
        for (const auto& operation : kOperations)
            cases.push_back({state, operation});
    return cases;
}

// The history as (operation, from, to), oldest first.
std::vector<std::string> historyLines(const Poco::JSON::Object::Ptr& code)
{
    std::vector<std::string> lines;
    const auto history = code->getArray("history");
    for (std::size_t i = 0; i < history->size(); ++i) {
        const auto entry = history->getObject(static_cast<unsigned>(i));
        lines.push_back(entry->getValue<std::string>("operation") + ":" +
                        (entry->isNull("fromState") ? std::string("-") : entry->getValue<std::string>("fromState")) +
                        ">" + entry->getValue<std::string>("toState"));
    }
    return lines;
}

} // namespace

TEST_P(TestStaticCodeTransitions, FollowsTheLifecycleTable)
{
    const TransitionCase& row = GetParam();
    const Poco::Int64 id = registerObject();
    std::vector<std::string> expectedHistory = {"register:->registered"};
    std::string state = "registered";
    for (const std::string& step : pathTo().at(row.state)) {
        ASSERT_EQ(perform(id, step, "setting up").status, 200) << step;
        const std::string next = legalTransitions().at({state, step});
        expectedHistory.push_back(step + ":" + state + ">" + next);
        state = next;
    }
    const auto before = detail(id);
    ASSERT_EQ(before->getValue<std::string>("state"), row.state);
    ASSERT_EQ(historyLines(before), expectedHistory);

    if (row.operation == "query") {
        // Query reads in every state and changes nothing.
        const auto again = detail(id);
        EXPECT_EQ(again->getValue<std::string>("state"), row.state);
        EXPECT_EQ(jsonText(again->getArray("history")), jsonText(before->getArray("history")));
        const auto found =
            ok(call("GET", "/admin/v1/static-codes?codeNumber=" + before->getValue<std::string>("codeNumber") +
                               "&state=" + row.state));
        EXPECT_EQ(found->getValue<int>("total"), 1);
        return;
    }

    const std::string reason = "case " + row.state + " " + row.operation;
    const HttpResponse response = perform(id, row.operation, reason);
    const auto legal = legalTransitions().find({row.state, row.operation});
    const auto after = detail(id);
    if (legal == legalTransitions().end()) {
        EXPECT_EQ(response.status, 409) << response.body;
        EXPECT_EQ(AdminSession::errorCode(response), "STATIC_CODE_ILLEGAL_TRANSITION");
        const std::string message = AdminSession::json(response)->getObject("error")->getValue<std::string>("message");
        EXPECT_NE(message.find(row.state), std::string::npos) << message;
        EXPECT_NE(message.find(row.operation), std::string::npos) << message;
        EXPECT_EQ(after->getValue<std::string>("state"), row.state);
        EXPECT_EQ(jsonText(after->getArray("history")), jsonText(before->getArray("history")));
        EXPECT_EQ(after->getValue<std::string>("updatedAt"), before->getValue<std::string>("updatedAt"));
        return;
    }

    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(AdminSession::json(response)->getValue<std::string>("state"), legal->second);
    EXPECT_EQ(after->getValue<std::string>("state"), legal->second);
    expectedHistory.push_back(row.operation + ":" + row.state + ">" + legal->second);
    EXPECT_EQ(historyLines(after), expectedHistory);
    const auto history = after->getArray("history");
    const auto last = history->getObject(static_cast<unsigned>(history->size() - 1));
    EXPECT_EQ(last->getValue<std::string>("actorType"), "operator");
    EXPECT_EQ(last->getValue<std::string>("actorName"), AdminSession::kAdmin);
    EXPECT_NE(last->getValue<std::string>("reason").find(reason), std::string::npos);
    EXPECT_FALSE(last->getValue<std::string>("createdAt").empty());
    if (row.operation == "change") {
        EXPECT_EQ(after->getValue<std::string>("description"), "changed for " + reason);
    }

    if (row.operation == "replace") {
        // The old number is retired and linked to a new one that takes over, enabled.
        const auto replacement = AdminSession::json(response)->getObject("replacement");
        ASSERT_TRUE(replacement);
        const Poco::Int64 newId = replacement->getValue<Poco::Int64>("id");
        EXPECT_EQ(after->getValue<Poco::Int64>("replacedById"), newId);
        const auto fresh = detail(newId);
        EXPECT_EQ(fresh->getValue<std::string>("state"), "enabled");
        EXPECT_NE(fresh->getValue<std::string>("codeNumber"), after->getValue<std::string>("codeNumber"));
        EXPECT_NE(fresh->getValue<std::string>("content"), after->getValue<std::string>("content"));
        EXPECT_EQ(fresh->getValue<Poco::Int64>("replacesId"), id);
        EXPECT_EQ(fresh->getValue<std::string>("replacesNumber"), after->getValue<std::string>("codeNumber"));
        EXPECT_EQ(fresh->getValue<std::string>("subjectName"), after->getValue<std::string>("subjectName"));
        EXPECT_EQ(historyLines(fresh), std::vector<std::string>{"replace:->enabled"});
    }
}

INSTANTIATE_TEST_SUITE_P(EveryStateAndOperation, TestStaticCodeTransitions, ::testing::ValuesIn(everyPair()),
                         [](const ::testing::TestParamInfo<TransitionCase>& param) {
                             std::string name = param.param.state + "_then_" + param.param.operation;
                             for (char& c : name)
                                 c = c == '-' ? '_' : c;
                             return name;
                         });

namespace {

class TestStaticCodes : public ::testing::Test, protected StaticCodeServer
{
protected:
    static void SetUpTestSuite() { start(); }
    static void TearDownTestSuite() { stop(); }
};

} // namespace

TEST_F(TestStaticCodes, PersonalSubjectIsSealedAtRestAndMaskedInAnswers)
{
    const std::string id = idNumber("123");
    Poco::JSON::Object input;
    input.set("category", "person.card");
    input.set("subjectType", "person");
    input.set("subjectName", "张三丰");
    input.set("subjectIdentifier", id);
    input.set("subjectPhone", "13812345678");
    const auto created = ok(call("POST", "/admin/v1/static-codes", jsonText(input)), 201);
    EXPECT_EQ(created->getValue<std::string>("subjectName"), "张**");
    EXPECT_EQ(created->getValue<std::string>("subjectIdentifier"), citycode::common::maskIdNumber(id));
    EXPECT_EQ(created->getValue<std::string>("subjectPhone"), "138****5678");
    EXPECT_TRUE(std::regex_match(created->getValue<std::string>("codeNumber"), std::regex("SC[0-9]{12}")));
    EXPECT_EQ(created->getValue<std::string>("content"), "CCS:" + created->getValue<std::string>("codeNumber"));
    EXPECT_FALSE(created->has("subjectIdentifierHash"));

    // The list finds the code by the exact ID number, and shows it masked.
    const auto page = ok(call("GET", "/admin/v1/static-codes?subjectIdentifier=" + id));
    ASSERT_EQ(page->getValue<int>("total"), 1);
    const std::string listed = jsonText(*page);
    EXPECT_EQ(listed.find(id), std::string::npos);
    EXPECT_EQ(listed.find("13812345678"), std::string::npos);
    EXPECT_EQ(listed.find("张三丰"), std::string::npos);
    const Poco::Int64 codeId = created->getValue<Poco::Int64>("id");
    const std::string shown = call("GET", codePath(codeId)).body;
    EXPECT_EQ(shown.find(id), std::string::npos);

    // A change of information keeps the values sealed, and the log names fields, not values.
    ok(call("POST", codePath(codeId, "change"), R"({"subjectPhone":"13987654321","reason":"new phone"})"));
    EXPECT_EQ(detail(codeId)->getValue<std::string>("subjectPhone"), "139****4321");
    const std::string log = call("GET", "/admin/v1/operation-logs?targetType=static-code&pageSize=100").body;
    EXPECT_EQ(log.find("13987654321"), std::string::npos);
    EXPECT_EQ(log.find(id), std::string::npos);

    DatabaseFile db(s_dir->file("data") + "/citycode.db");
    const auto rows = db.rows("SELECT subject_name_sealed, subject_identifier_sealed, subject_phone_sealed,"
                              " subject_identifier_hash FROM static_codes WHERE id = " +
                              std::to_string(codeId));
    ASSERT_EQ(rows.size(), 1u);
    for (const std::string& value : rows[0]) {
        EXPECT_FALSE(value.empty());
        EXPECT_EQ(value.find(id), std::string::npos);
        EXPECT_EQ(value.find("13812345678"), std::string::npos);
        EXPECT_EQ(value.find("张"), std::string::npos);
    }
}

TEST_F(TestStaticCodes, RegistrationIsValidated)
{
    struct Case
    {
        const char* name;
        std::string body;
        int status;
        const char* code;
    };
    const std::vector<Case> cases = {
        {"no category", R"({"subjectType":"object","subjectName":"x"})", 400, "BAD_REQUEST"},
        {"unknown subject type", R"({"category":"c","subjectType":"robot","subjectName":"x"})", 400, "BAD_REQUEST"},
        {"person with a wrong ID number",
         R"({"category":"c","subjectType":"person","subjectName":"李四","subjectIdentifier":"110101199003071235"})",
         400, "BAD_REQUEST"},
        {"enterprise without a credit code", R"({"category":"c","subjectType":"enterprise","subjectName":"ACME"})", 400,
         "BAD_REQUEST"},
        {"bad phone", R"({"category":"c","subjectType":"object","subjectName":"x","subjectPhone":"12345"})", 400,
         "BAD_REQUEST"},
        {"number with a space", R"({"category":"c","subjectType":"object","subjectName":"x","codeNumber":"A B"})", 400,
         "BAD_REQUEST"},
        {"app of nobody", R"({"category":"c","subjectType":"object","subjectName":"x","appId":999999})", 404,
         "NOT_FOUND"},
    };
    for (const Case& c : cases) {
        const HttpResponse response = call("POST", "/admin/v1/static-codes", c.body);
        EXPECT_EQ(response.status, c.status) << c.name << ": " << response.body;
        EXPECT_EQ(AdminSession::errorCode(response), c.code) << c.name;
    }

    // Numbers and contents are unique (002 §6: unique symbol content).
    const std::string first = R"({"category":"c","subjectType":"object","subjectName":"x","codeNumber":"GATE-001",)"
                              R"("content":"https://city.example.org/s/GATE-001"})";
    ok(call("POST", "/admin/v1/static-codes", first), 201);
    const HttpResponse sameNumber = call("POST", "/admin/v1/static-codes", first);
    EXPECT_EQ(sameNumber.status, 409);
    EXPECT_EQ(AdminSession::errorCode(sameNumber), "STATIC_CODE_NUMBER_TAKEN");
    const HttpResponse sameContent =
        call("POST", "/admin/v1/static-codes",
             R"({"category":"c","subjectType":"object","subjectName":"x","codeNumber":"GATE-002",)"
             R"("content":"https://city.example.org/s/GATE-001"})");
    EXPECT_EQ(sameContent.status, 409);
    EXPECT_EQ(AdminSession::errorCode(sameContent), "STATIC_CODE_CONTENT_TAKEN");
    // Unknown operations and ids.
    EXPECT_EQ(call("POST", "/admin/v1/static-codes/999999/apply", "").status, 404);
    EXPECT_EQ(call("POST", "/admin/v1/static-codes/1/teleport", "").status, 404);
}

TEST_F(TestStaticCodes, ListFiltersPagesAndSorts)
{
    const std::string category = "list.case";
    std::vector<Poco::Int64> ids;
    for (int i = 0; i < 5; ++i)
        ids.push_back(registerObject(category));
    ok(call("POST", codePath(ids[0], "apply"), ""));
    ok(call("POST", codePath(ids[1], "apply"), ""));
    ok(call("POST", codePath(ids[1], "enable"), ""));

    const std::string base = "/admin/v1/static-codes?category=" + category;
    EXPECT_EQ(ok(call("GET", base))->getValue<int>("total"), 5);
    EXPECT_EQ(ok(call("GET", base + "&state=registered"))->getValue<int>("total"), 3);
    EXPECT_EQ(ok(call("GET", base + "&state=enabled"))->getValue<int>("total"), 1);
    EXPECT_EQ(ok(call("GET", base + "&createdFrom=2000-01-01&createdTo=2999-12-31"))->getValue<int>("total"), 5);
    EXPECT_EQ(ok(call("GET", base + "&createdTo=2000-01-01"))->getValue<int>("total"), 0);
    const std::string number = detail(ids[2])->getValue<std::string>("codeNumber");
    const auto byNumber = ok(call("GET", "/admin/v1/static-codes?codeNumber=" + number));
    ASSERT_EQ(byNumber->getValue<int>("total"), 1);
    EXPECT_EQ(byNumber->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"), ids[2]);

    const auto page1 = ok(call("GET", base + "&pageSize=2&page=1&sort=codeNumber&order=desc"));
    const auto page3 = ok(call("GET", base + "&pageSize=2&page=3&sort=codeNumber&order=desc"));
    EXPECT_EQ(page1->getArray("items")->size(), 2u);
    EXPECT_EQ(page3->getArray("items")->size(), 1u);
    const std::string highest = page1->getArray("items")->getObject(0)->getValue<std::string>("codeNumber");
    const std::string second = page1->getArray("items")->getObject(1)->getValue<std::string>("codeNumber");
    const std::string lowest = page3->getArray("items")->getObject(0)->getValue<std::string>("codeNumber");
    EXPECT_GT(highest, second);
    EXPECT_GT(second, lowest);

    EXPECT_EQ(call("GET", base + "&sort=subjectName").status, 400) << "sealed fields are no sort keys";
    EXPECT_EQ(call("GET", base + "&colour=red").status, 400);
}

TEST_F(TestStaticCodes, EveryChangeIsInTheOperationLog)
{
    const Poco::Int64 id = registerObject("log.case");
    ok(call("POST", codePath(id, "apply"), ""));
    ok(call("POST", codePath(id, "enable"), R"({"reason":"go live"})"));
    EXPECT_EQ(call("POST", codePath(id, "apply"), "").status, 409);
    const auto log = ok(call("GET", "/admin/v1/operation-logs?targetType=static-code&targetId=" + std::to_string(id) +
                                        "&sort=id&order=asc"));
    const auto items = log->getArray("items");
    ASSERT_EQ(items->size(), 3u) << "register, apply, enable; the refused apply changed nothing";
    EXPECT_EQ(items->getObject(0)->getValue<std::string>("action"), "static-code.register");
    EXPECT_EQ(items->getObject(1)->getValue<std::string>("action"), "static-code.apply");
    EXPECT_EQ(items->getObject(2)->getValue<std::string>("action"), "static-code.enable");
    EXPECT_NE(items->getObject(2)->getValue<std::string>("detail").find("applied -> enabled"), std::string::npos);
}

TEST_F(TestStaticCodes, SubPlatformsSeeOnlyTheirOwnCodes)
{
    // Two sub-platforms with their administrators.
    std::map<std::string, std::pair<Poco::Int64, std::string>> platforms;
    for (const std::string name : {"static-a", "static-b"}) {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("adminUsername", name + "-admin");
        const auto created = ok(call("POST", "/admin/v1/platforms", jsonText(input)), 201);
        const std::string token = AdminSession::signInAs(
            s_server->port(), name + "-admin", created->getValue<std::string>("adminPassword"), "Static-Pass-2024");
        platforms[name] = {created->getObject("platform")->getValue<Poco::Int64>("id"), token};
    }
    const auto& [platformA, tokenA] = platforms["static-a"];
    const auto& [platformB, tokenB] = platforms["static-b"];
    const Poco::Int64 codeB = registerObject("scope.case", tokenB);
    const Poco::Int64 codeA = registerObject("scope.case", tokenA);
    EXPECT_EQ(ok(call("GET", codePath(codeB), "", tokenB))->getValue<Poco::Int64>("platformId"), platformB);

    // A sees its own code only; B's answers 404 like a missing one, for reads and every operation.
    const auto listA = ok(call("GET", "/admin/v1/static-codes?category=scope.case", "", tokenA));
    ASSERT_EQ(listA->getValue<int>("total"), 1);
    EXPECT_EQ(listA->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"), codeA);
    EXPECT_EQ(ok(call("GET", "/admin/v1/static-codes?platformId=" + std::to_string(platformB), "", tokenA))
                  ->getValue<int>("total"),
              0);
    EXPECT_EQ(call("GET", codePath(codeB), "", tokenA).status, 404);
    EXPECT_EQ(call("GET", codePath(codeB, "symbol.png"), "", tokenA).status, 404);
    for (const std::string& operation : kOperations) {
        if (operation != "query") {
            EXPECT_EQ(call("POST", codePath(codeB, operation), R"({"reason":"foreign"})", tokenA).status, 404)
                << operation;
        }
    }
    const auto untouched = detail(codeB);
    EXPECT_EQ(untouched->getValue<std::string>("state"), "registered");
    EXPECT_EQ(untouched->getArray("history")->size(), 1u);

    // A platformId in the body does not move a registration to another platform.
    const auto smuggled = ok(call("POST", "/admin/v1/static-codes",
                                  R"({"category":"scope.case","subjectType":"object","subjectName":"s","platformId":)" +
                                      std::to_string(platformB) + "}",
                                  tokenA),
                             201);
    EXPECT_EQ(smuggled->getValue<Poco::Int64>("platformId"), platformA);

    // The main platform sees both, and registers for a sub-platform's app on that platform.
    EXPECT_EQ(ok(call("GET", "/admin/v1/static-codes?category=scope.case"))->getValue<int>("total"), 3);
    const auto app =
        ok(call("POST", "/admin/v1/apps", R"({"name":"static-b-app","developerName":"dev"})", tokenB), 201);
    const Poco::Int64 appB = app->getObject("app")->getValue<Poco::Int64>("id");
    const auto forB = ok(call("POST", "/admin/v1/static-codes",
                              R"({"category":"scope.app","subjectType":"object","subjectName":"s","appId":)" +
                                  std::to_string(appB) + "}"),
                         201);
    EXPECT_EQ(forB->getValue<Poco::Int64>("platformId"), platformB);
    EXPECT_EQ(forB->getValue<Poco::Int64>("appId"), appB);
    EXPECT_EQ(ok(call("GET", "/admin/v1/static-codes?category=scope.app", "", tokenB))->getValue<int>("total"), 1);
    // ... which A cannot name.
    EXPECT_EQ(call("POST", "/admin/v1/static-codes",
                   R"({"category":"scope.app","subjectType":"object","subjectName":"s","appId":)" +
                       std::to_string(appB) + "}",
                   tokenA)
                  .status,
              404);
}

TEST_F(TestStaticCodes, ConcurrentConflictingOperationsLeaveOneWinner)
{
    // Disable and replace both leave "enabled", and neither is legal after the other: of eight
    // requests at once exactly one wins, and the history gains exactly its line.
    const Poco::Int64 id = registerObject("race.case");
    ok(call("POST", codePath(id, "apply"), ""));
    ok(call("POST", codePath(id, "enable"), ""));
    std::vector<int> statuses(8, 0);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        threads.emplace_back(
            [&statuses, i, id] { statuses[i] = call("POST", codePath(id, i % 2 ? "replace" : "disable"), "").status; });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 7);
    const auto after = detail(id);
    const auto lines = historyLines(after);
    ASSERT_EQ(lines.size(), 4u);
    const std::string state = after->getValue<std::string>("state");
    EXPECT_EQ(lines.back(), (state == "replaced" ? "replace:enabled>replaced" : "disable:enabled>disabled"));
    // A losing replace left no replacement behind.
    EXPECT_EQ(ok(call("GET", "/admin/v1/static-codes?category=race.case"))->getValue<int>("total"),
              state == "replaced" ? 2 : 1);
}

TEST_F(TestStaticCodes, ConcurrentRegistrationsOfOneNumberLeaveOne)
{
    std::vector<HttpResponse> answers(6);
    std::vector<std::thread> threads;
    for (auto& answer : answers) {
        threads.emplace_back([&answer] {
            answer = call("POST", "/admin/v1/static-codes",
                          R"({"category":"race.register","subjectType":"object","subjectName":"x",)"
                          R"("codeNumber":"RACE-001"})");
        });
    }
    for (auto& thread : threads)
        thread.join();
    int created = 0;
    for (const auto& answer : answers) {
        if (answer.status == 201) {
            ++created;
        } else {
            EXPECT_EQ(answer.status, 409) << answer.body;
            EXPECT_EQ(AdminSession::errorCode(answer), "STATIC_CODE_NUMBER_TAKEN");
        }
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(ok(call("GET", "/admin/v1/static-codes?codeNumber=RACE-001"))->getValue<int>("total"), 1);
}

TEST_F(TestStaticCodes, SymbolDecodesToTheContent)
{
    ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    const auto created = ok(call("POST", "/admin/v1/static-codes",
                                 R"({"category":"symbol.case","subjectType":"object","subjectName":"bus stop 12",)"
                                 R"("content":"https://city.example.org/static/bus-stop-12?line=7"})"),
                            201);
    const Poco::Int64 id = created->getValue<Poco::Int64>("id");
    const std::string content = created->getValue<std::string>("content");
    const int modules = citycode::common::encodeSymbol(content, citycode::common::Symbology::Qr,
                                                       citycode::common::SymbolStyle().ecLevel)
                            .width();
    for (const int pixels : {0, 3, 5}) {
        const std::string query = pixels ? "?modulePixels=" + std::to_string(pixels) : "";
        const HttpResponse response = call("GET", codePath(id, "symbol.png") + query);
        ASSERT_EQ(response.status, 200) << response.body;
        EXPECT_EQ(response.header("Content-Type"), "image/png");
        ASSERT_GT(response.body.size(), 24u);
        ASSERT_EQ(response.body.substr(1, 3), "PNG");
        // IHDR: width and height, big-endian, at bytes 16-23; the quiet zone is 4 modules a side.
        const auto be32 = [&](std::size_t at) {
            const auto* b = reinterpret_cast<const unsigned char*>(response.body.data() + at);
            return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        };
        const int width = be32(16);
        EXPECT_EQ(width, be32(20));
        EXPECT_EQ(width % (modules + 8), 0);
        EXPECT_GE(width / (modules + 8), 3) << "002 §6.2: at least 3 pixels per module";
        if (pixels) {
            EXPECT_EQ(width, (modules + 8) * pixels);
        }

        const std::string file = s_dir->file("symbol-" + std::to_string(pixels) + ".png");
        std::ofstream(file, std::ios::binary) << response.body;
        const ProcessResult scanned = runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary", file});
        EXPECT_EQ(scanned.exitCode, 0) << scanned.err;
        EXPECT_EQ(scanned.out, content);
    }
    EXPECT_EQ(call("GET", codePath(id, "symbol.png") + "?modulePixels=2").status, 400);
    EXPECT_EQ(call("GET", codePath(id, "symbol.png") + "?size=9").status, 400);
}

TEST_F(TestStaticCodes, AppsUseTheOpenInterfacesOnTheirOwnCodes)
{
    // Two apps with their developer secrets (002 §8.1: scene providers call signed interfaces).
    const auto appClient = [](const std::string& name) {
        const auto created = ok(
            call("POST", "/admin/v1/apps", R"({"name":")" + name + R"(","developerName":")" + name + R"(-dev"})"), 201);
        return OpenApiClient::app(s_server->port(), created->getObject("app")->getValue<std::string>("appCode"),
                                  created->getValue<std::string>("appSecret"));
    };
    const OpenApiClient first = appClient("static-open-1");
    const OpenApiClient second = appClient("static-open-2");

    const std::string id = idNumber("456");
    const HttpResponse registered =
        first.post("/staticCode/register", R"({"category":"open.case","subjectType":"person","subjectName":"王小明",)"
                                           R"("subjectIdentifier":")" +
                                               id + R"(","reason":"scene registration"})");
    ASSERT_EQ(registered.status, 200) << registered.body;
    ASSERT_EQ(OpenApiClient::errorCode(registered), "0");
    const auto code = OpenApiClient::data(registered);
    const std::string number = code->getValue<std::string>("codeNumber");
    EXPECT_EQ(code->getValue<std::string>("state"), "registered");
    EXPECT_EQ(code->getValue<std::string>("subjectName"), "王**");
    EXPECT_EQ(registered.body.find(id), std::string::npos);
    const std::string byNumber = R"({"codeNumber":")" + number + R"("})";

    for (const char* step : {"apply", "enable", "reportLost", "enable", "disable"}) {
        const HttpResponse answer = first.post(std::string("/staticCode/") + step, byNumber);
        EXPECT_EQ(answer.status, 200) << step << " " << answer.body;
    }
    const HttpResponse illegal = first.post("/staticCode/disable", byNumber);
    EXPECT_EQ(illegal.status, 409);
    EXPECT_EQ(OpenApiClient::errorCode(illegal), "STATIC_CODE_ILLEGAL_TRANSITION");
    const HttpResponse changed = first.post(
        "/staticCode/change", R"({"codeNumber":")" + number + R"(","subjectPhone":"13711112222","reason":"moved"})");
    EXPECT_EQ(changed.status, 200) << changed.body;
    const HttpResponse queried = first.post("/staticCode/query", byNumber);
    ASSERT_EQ(queried.status, 200) << queried.body;
    EXPECT_EQ(OpenApiClient::data(queried)->getValue<std::string>("state"), "disabled");
    EXPECT_EQ(OpenApiClient::data(queried)->getValue<std::string>("subjectPhone"), "137****2222");
    EXPECT_FALSE(OpenApiClient::data(queried)->has("history")) << "the history names console operators";

    // Another app cannot reach the code, and an unsigned request is refused.
    EXPECT_EQ(second.post("/staticCode/query", byNumber).status, 404);
    EXPECT_EQ(second.post("/staticCode/enable", byNumber).status, 404);
    EXPECT_EQ(httpRequest(s_server->port(), "POST", "/staticCode/query", byNumber).status, 401);

    // The console sees the app as the actor of each step, in order.
    const auto listed = ok(call("GET", "/admin/v1/static-codes?codeNumber=" + number));
    ASSERT_EQ(listed->getValue<int>("total"), 1);
    const auto detailed = detail(listed->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"));
    EXPECT_EQ(historyLines(detailed),
              (std::vector<std::string>{"register:->registered", "apply:registered>applied", "enable:applied>enabled",
                                        "report-lost:enabled>lost", "enable:lost>enabled", "disable:enabled>disabled",
                                        "change:disabled>disabled"}));
    const auto history = detailed->getArray("history");
    for (std::size_t i = 0; i < history->size(); ++i) {
        EXPECT_EQ(history->getObject(static_cast<unsigned>(i))->getValue<std::string>("actorType"), "app");
        EXPECT_EQ(history->getObject(static_cast<unsigned>(i))->getValue<std::string>("actorName"), first.appCode());
    }
}

TEST(TestStaticCodesRestart, StateAndHistorySurviveARestart)
{
    TempDir dir;
    const ServerOptions options = AdminSession::serverOptions(dir.file("data"));
    Poco::Int64 id = 0;
    std::string history;
    {
        ServerProcess server(options);
        server.start();
        const std::string token = AdminSession::signIn(server.port());
        const auto call = [&](const std::string& method, const std::string& path, const std::string& body = {}) {
            return AdminSession::call(server.port(), method, path, token, body);
        };
        const HttpResponse created = call("POST", "/admin/v1/static-codes",
                                          R"({"category":"restart","subjectType":"object","subjectName":"kiosk"})");
        ASSERT_EQ(created.status, 201) << created.body;
        id = AdminSession::json(created)->getValue<Poco::Int64>("id");
        const std::string path = "/admin/v1/static-codes/" + std::to_string(id);
        ASSERT_EQ(call("POST", path + "/apply").status, 200);
        ASSERT_EQ(call("POST", path + "/enable").status, 200);
        ASSERT_EQ(call("POST", path + "/report-lost", R"({"reason":"stolen"})").status, 200);
        const auto code = AdminSession::json(call("GET", path));
        history = jsonText(code->getArray("history"));
        EXPECT_EQ(server.stop(), 0);
    }
    ServerProcess again(options);
    again.start();
    const std::string token = AdminSession::signIn(again.port());
    const std::string path = "/admin/v1/static-codes/" + std::to_string(id);
    const auto code = AdminSession::json(AdminSession::call(again.port(), "GET", path, token));
    EXPECT_EQ(code->getValue<std::string>("state"), "lost");
    EXPECT_EQ(jsonText(code->getArray("history")), history);
    EXPECT_EQ(code->getArray("history")->size(), 4u);
    // The machine goes on from the stored state.
    EXPECT_EQ(AdminSession::call(again.port(), "POST", path + "/disable", token).status, 409);
    EXPECT_EQ(AdminSession::call(again.port(), "POST", path + "/enable", token, R"({"reason":"found"})").status, 200);
}

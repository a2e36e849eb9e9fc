// Code categories, numbering rules and code subjects (000 §2.2.4, 002 §5.3.1.1) through a real
// server: the category tree and its deletion rules, numbers in the rule's format, unique also
// when two server nodes on one database allocate at once, rules that cannot change once used,
// subjects per platform, and the tenant scope of a sub-platform operator.
#include "AdminSession.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
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

Poco::JSON::Object object(std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>> fields)
{
    Poco::JSON::Object result;
    for (const auto& [key, value] : fields)
        result.set(key, value);
    return result;
}

std::vector<std::string> numbersOf(const HttpResponse& response)
{
    std::vector<std::string> numbers;
    const auto array = AdminSession::json(response)->getArray("numbers");
    for (std::size_t i = 0; i < array->size(); ++i)
        numbers.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
    return numbers;
}

std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d", &local);
    return text;
}

class TestNumbering : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>();
        s_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(s_dir->file("data")));
        s_server->start();
        s_token = AdminSession::signIn(s_server->port());
    }

    static void TearDownTestSuite()
    {
        s_server.reset();
        s_dir.reset();
    }

    static HttpResponse call(const std::string& method, const std::string& path, const Poco::JSON::Object& body,
                             const std::string& token = s_token)
    {
        return AdminSession::call(s_server->port(), method, path, token, jsonText(body));
    }
    static HttpResponse call(const std::string& method, const std::string& path, const std::string& token = s_token)
    {
        return AdminSession::call(s_server->port(), method, path, token);
    }

    static Poco::JSON::Object::Ptr ok(const HttpResponse& response, int status = 200)
    {
        EXPECT_EQ(response.status, status) << response.body;
        return AdminSession::json(response);
    }

    // A new sub-platform and its administrator's token.
    static std::pair<Poco::Int64, std::string> subPlatform(const std::string& name)
    {
        const auto created =
            ok(call("POST", "/admin/v1/platforms", object({{"name", name}, {"adminUsername", name + "-admin"}})), 201);
        const std::string token = AdminSession::signInAs(
            s_server->port(), name + "-admin", created->getValue<std::string>("adminPassword"), "Sub-Platform-Pass-1");
        return {created->getObject("platform")->getValue<Poco::Int64>("id"), token};
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<ServerProcess> s_server;
    static std::string s_token;
};

std::unique_ptr<TempDir> TestNumbering::s_dir;
std::unique_ptr<ServerProcess> TestNumbering::s_server;
std::string TestNumbering::s_token;

} // namespace

TEST_F(TestNumbering, CategoriesFormATreeThatOnlyTheMainPlatformChanges)
{
    const auto root =
        ok(call("POST", "/admin/v1/code-categories", object({{"code", "venue"}, {"name", "场所码"}})), 201);
    const Poco::Int64 rootId = root->getValue<Poco::Int64>("id");
    EXPECT_EQ(root->getValue<Poco::Int64>("level"), 1);
    const auto child = ok(call("POST", "/admin/v1/code-categories",
                               object({{"code", "venue.museum"}, {"name", "博物馆"}, {"parentId", rootId}})),
                          201);
    EXPECT_EQ(child->getValue<Poco::Int64>("level"), 2);
    EXPECT_EQ(child->getValue<Poco::Int64>("parentId"), rootId);

    // Five levels at most.
    Poco::Int64 parent = child->getValue<Poco::Int64>("id");
    for (int level = 3; level <= 5; ++level)
        parent = ok(call("POST", "/admin/v1/code-categories",
                         object({{"code", "deep" + std::to_string(level)}, {"name", "x"}, {"parentId", parent}})),
                    201)
                     ->getValue<Poco::Int64>("id");
    EXPECT_EQ(AdminSession::errorCode(call("POST", "/admin/v1/code-categories",
                                           object({{"code", "deep6"}, {"name", "x"}, {"parentId", parent}}))),
              "BAD_REQUEST");
    EXPECT_EQ(call("POST", "/admin/v1/code-categories", object({{"code", "venue"}, {"name", "again"}})).status, 409);
    const HttpResponse parentDelete = call("DELETE", "/admin/v1/code-categories/" + std::to_string(rootId));
    EXPECT_EQ(AdminSession::errorCode(parentDelete), "CATEGORY_HAS_CHILDREN");

    // Sub-platform operators read the tree but do not change it.
    const auto [platformId, token] = subPlatform("category-reader");
    (void)platformId;
    const auto page = ok(call("GET", "/admin/v1/code-categories?parentId=" + std::to_string(rootId), token));
    EXPECT_EQ(page->getValue<Poco::Int64>("total"), 1);
    EXPECT_EQ(call("POST", "/admin/v1/code-categories", object({{"code", "mine"}, {"name", "x"}}), token).status, 403);
}

TEST_F(TestNumbering, NumbersFollowTheRuleAndNeverRepeat)
{
    const auto rule = ok(
        call("POST", "/admin/v1/numbering-rules",
             object({{"name", "Museum tickets"}, {"prefix", "MUS"}, {"dateFormat", "yyyyMMdd"}, {"sequenceWidth", 4}})),
        201);
    const std::string path = "/admin/v1/numbering-rules/" + std::to_string(rule->getValue<Poco::Int64>("id"));
    const auto first = numbersOf(call("POST", path + "/allocate", object({{"count", 3}})));
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0], "MUS" + today() + "0001");
    EXPECT_EQ(first[2], "MUS" + today() + "0003");
    const auto next = numbersOf(call("POST", path + "/allocate", object({})));
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0], "MUS" + today() + "0004");

    EXPECT_EQ(AdminSession::errorCode(
                  call("POST", "/admin/v1/numbering-rules", object({{"name", "Other"}, {"prefix", "MUS"}}))),
              "PREFIX_TAKEN");
    EXPECT_EQ(AdminSession::errorCode(
                  call("POST", "/admin/v1/numbering-rules", object({{"name", "Digits"}, {"prefix", "M1"}}))),
              "BAD_REQUEST");
    EXPECT_EQ(AdminSession::errorCode(call("PUT", path, object({{"sequenceWidth", 8}}))), "BAD_REQUEST");
    EXPECT_EQ(AdminSession::errorCode(call("DELETE", path)), "NUMBERING_RULE_IN_USE");
    EXPECT_EQ(AdminSession::errorCode(call("POST", path + "/allocate", object({{"count", 101}}))), "BAD_REQUEST");

    ok(call("PUT", path, object({{"status", "disabled"}})));
    EXPECT_EQ(AdminSession::errorCode(call("POST", path + "/allocate", object({}))), "NUMBERING_RULE_DISABLED");

    // A sequence of three digits is used up after 999 numbers of a period.
    const auto small =
        ok(call("POST", "/admin/v1/numbering-rules",
                object({{"name", "Small"}, {"prefix", "SML"}, {"dateFormat", "none"}, {"sequenceWidth", 3}})),
           201);
    const std::string smallPath =
        "/admin/v1/numbering-rules/" + std::to_string(small->getValue<Poco::Int64>("id")) + "/allocate";
    for (int i = 0; i < 9; ++i)
        numbersOf(call("POST", smallPath, object({{"count", 100}})));
    const auto last = numbersOf(call("POST", smallPath, object({{"count", 99}})));
    EXPECT_EQ(last.back(), "SML999");
    EXPECT_EQ(AdminSession::errorCode(call("POST", smallPath, object({}))), "NUMBERING_EXHAUSTED");

    // The operation log names the allocation.
    const HttpResponse logs = call("GET", "/admin/v1/operation-logs?action=numbering-rule.allocate");
    EXPECT_NE(logs.body.find("MUS" + today() + "0001"), std::string::npos) << logs.body;
}

TEST_F(TestNumbering, RulesAndSubjectsStayWithinTheirPlatform)
{
    const auto [platformA, tokenA] = subPlatform("numbering-a");
    const auto [platformB, tokenB] = subPlatform("numbering-b");
    const auto rule =
        ok(call("POST", "/admin/v1/numbering-rules", object({{"name", "A rule"}, {"prefix", "ARL"}}), tokenA), 201);
    EXPECT_EQ(rule->getValue<Poco::Int64>("platformId"), platformA);
    const std::string path = "/admin/v1/numbering-rules/" + std::to_string(rule->getValue<Poco::Int64>("id"));
    EXPECT_EQ(call("GET", path, tokenB).status, 404);
    EXPECT_EQ(call("POST", path + "/allocate", object({}), tokenB).status, 404);
    EXPECT_EQ(call("POST", "/admin/v1/numbering-rules",
                   object({{"name", "Foreign"}, {"prefix", "FRN"}, {"platformId", platformA}}), tokenB)
                  .status,
              404);
    EXPECT_EQ(ok(call("GET", "/admin/v1/numbering-rules", tokenB))->getValue<Poco::Int64>("total"), 0);

    const auto subject = ok(call("POST", "/admin/v1/code-subjects",
                                 object({{"subjectType", "place"},
                                         {"name", "市博物馆"},
                                         {"identifier", "PLACE-0001"},
                                         {"address", "人民路 1 号"}}),
                                 tokenA),
                            201);
    const std::string subjectPath = "/admin/v1/code-subjects/" + std::to_string(subject->getValue<Poco::Int64>("id"));
    EXPECT_EQ(call("GET", subjectPath, tokenB).status, 404);
    EXPECT_EQ(call("PUT", subjectPath, object({{"name", "x"}}), tokenB).status, 404);
    EXPECT_EQ(call("DELETE", subjectPath, tokenB).status, 404);
    // The same identifier is free on another platform, taken on the same one.
    EXPECT_EQ(call("POST", "/admin/v1/code-subjects",
                   object({{"subjectType", "place"}, {"name", "B"}, {"identifier", "PLACE-0001"}}), tokenB)
                  .status,
              201);
    EXPECT_EQ(AdminSession::errorCode(
                  call("POST", "/admin/v1/code-subjects",
                       object({{"subjectType", "place"}, {"name", "A2"}, {"identifier", "PLACE-0001"}}), tokenA)),
              "IDENTIFIER_TAKEN");
    EXPECT_EQ(
        AdminSession::errorCode(call("POST", "/admin/v1/code-subjects",
                                     object({{"subjectType", "person"}, {"name", "x"}, {"identifier", "y"}}), tokenA)),
        "BAD_REQUEST");
    ok(call("PUT", subjectPath, object({{"status", "disabled"}}), tokenA));
    ok(call("DELETE", subjectPath, tokenA));
    EXPECT_EQ(call("GET", subjectPath, tokenA).status, 404);
}

// Two server nodes on one database (SQLite file or PostgreSQL, per the run) hand out 200 numbers
// at once, 100 each in single allocations from 8 threads: all different, none missing.
TEST(TestNumberingNodes, TwoServersAllocateUniqueNumbersAtOnce)
{
    TempDir dir;
    const std::string database =
        TestBackend::postgresql() ? TestBackend::createDatabase() : "sqlite:" + dir.file("shared.db");
    ServerOptions optionsA = AdminSession::serverOptions(dir.file("node-a"));
    optionsA.args.insert(optionsA.args.end(), {"--database-url", database});
    ServerProcess nodeA(optionsA);
    nodeA.start();
    // Every node needs the same data key: the code keys are sealed with it.
    ServerOptions optionsB = AdminSession::serverOptions(dir.file("node-b"));
    optionsB.args.insert(optionsB.args.end(), {"--database-url", database, "--set",
                                               "security.data_key_file=" + dir.file("node-a") + "/keys/data.key"});
    ServerProcess nodeB(optionsB);
    nodeB.start();
    // Sessions live in the shared database: a token from one node is good on the other (and a
    // second sign-in would end the first session).
    const std::string token = AdminSession::signIn(nodeA.port());
    const HttpResponse created = AdminSession::call(
        nodeA.port(), "POST", "/admin/v1/numbering-rules", token,
        jsonText(object({{"name", "Nodes"}, {"prefix", "NOD"}, {"dateFormat", "yyyy"}, {"sequenceWidth", 6}})));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path = "/admin/v1/numbering-rules/" +
                             std::to_string(AdminSession::json(created)->getValue<Poco::Int64>("id")) + "/allocate";

    std::mutex mutex;
    std::vector<std::string> numbers;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            const int port = t % 2 ? nodeB.port() : nodeA.port();
            for (int i = 0; i < 25; ++i) {
                const HttpResponse r = AdminSession::call(port, "POST", path, token, "{}");
                std::lock_guard<std::mutex> lock(mutex);
                if (r.status != 200) {
                    failures.push_back(std::to_string(r.status) + " " + r.body);
                    continue;
                }
                for (const std::string& n : numbersOf(r))
                    numbers.push_back(n);
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
    ASSERT_EQ(numbers.size(), 200u);
    const std::set<std::string> unique(numbers.begin(), numbers.end());
    EXPECT_EQ(unique.size(), 200u);
    // Nothing skipped: exactly the sequence values 1..200 of this year's period.
    const std::regex shape("NOD[0-9]{4}[0-9]{6}");
    for (const std::string& n : unique)
        EXPECT_TRUE(std::regex_match(n, shape)) << n;
    EXPECT_EQ(unique.begin()->substr(7), "000001");
    EXPECT_EQ(unique.rbegin()->substr(7), "000200");
}

// Issue 3, must-show 2: a sub-platform operator walks every admin route of the route table with
// another platform's ids, and with platformId smuggled into the query and the body. No answer may
// be a 2xx carrying foreign data, no list count or export may include it, and afterwards the
// other platform's data is unchanged.
#include "AdminSession.h"
#include "ServerRoutes.h"
#include "TempDir.h"
#include "citycode/common/Crypto.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <map>
#include <sstream>

using namespace citycode::test;

namespace {

std::string jsonText(const Poco::JSON::Object& object)
{
    std::ostringstream text;
    object.stringify(text);
    return text.str();
}

// Every "platformId" anywhere in a JSON answer.
void collectPlatformIds(const Poco::Dynamic::Var& value, std::vector<Poco::Int64>& ids)
{
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto object = value.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [key, member] : *object) {
            if (key == "platformId" && member.isInteger())
                ids.push_back(member.convert<Poco::Int64>());
            else
                collectPlatformIds(member, ids);
        }
    } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const auto& member : *value.extract<Poco::JSON::Array::Ptr>())
            collectPlatformIds(member, ids);
    }
}

class TestTenantIsolation : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data")));
        m_server->start();
        m_main = AdminSession::signIn(port());
    }

    int port() const { return m_server->port(); }

    HttpResponse call(const std::string& token, const std::string& method, const std::string& path,
                      const std::string& body = {})
    {
        return AdminSession::call(port(), method, path, token, body);
    }

    Poco::JSON::Object::Ptr ok(const HttpResponse& response)
    {
        EXPECT_GE(response.status, 200) << response.body;
        EXPECT_LT(response.status, 300) << response.body;
        return AdminSession::json(response);
    }

    // A sub-platform named `name` and its administrator's token.
    std::pair<Poco::Int64, std::string> createPlatform(const std::string& name)
    {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("adminUsername", name + "-admin");
        const auto created = ok(call(m_main, "POST", "/admin/v1/platforms", jsonText(input)));
        const std::string token = AdminSession::signInAs(
            port(), name + "-admin", created->getValue<std::string>("adminPassword"), "Tenant-Pass-2024");
        return {created->getObject("platform")->getValue<Poco::Int64>("id"), token};
    }

    Poco::JSON::Object::Ptr createApp(const std::string& token, const std::string& name)
    {
        Poco::JSON::Object input;
        input.set("name", name);
        input.set("developerName", name + "-dev");
        return ok(call(token, "POST", "/admin/v1/apps", jsonText(input)));
    }

    Poco::Int64 firstId(const std::string& token, const std::string& listPath)
    {
        const auto page = ok(call(token, "GET", listPath));
        const auto items = page->getArray("items");
        EXPECT_GT(items->size(), 0u) << listPath;
        return items->size() ? items->getObject(0)->getValue<Poco::Int64>("id") : 0;
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_main;
};

// Marks every record of the foreign tenants; no answer to platform A may contain it.
constexpr char kForeign[] = "tenant-b";

} // namespace

TEST_F(TestTenantIsolation, SubPlatformOperatorNeverReachesAnotherPlatform)
{
    const auto [platformA, tokenA] = createPlatform("tenant-a");
    const auto [platformB, tokenB] = createPlatform(kForeign);

    // Platform B's data, and some of the main platform's.
    const auto appB = createApp(tokenB, "tenant-b-app")->getObject("app");
    const Poco::Int64 appIdB = appB->getValue<Poco::Int64>("id");
    ok(call(tokenB, "PUT", "/admin/v1/shelf/" + std::to_string(appIdB), R"({"position":0})"));
    const auto applicationB = ok(call(tokenB, "POST", "/admin/v1/app-applications",
                                      R"({"appName":"tenant-b-clinic","organisation":"tenant-b hospital",)"
                                      R"("contactName":"tenant-b contact","contactPhone":"13712345678"})"));
    const auto serviceB = ok(call(tokenB, "POST", "/admin/v1/services",
                                  R"({"appId":)" + std::to_string(appIdB) +
                                      R"(,"name":"tenant-b-service","serviceType":"query","callbackCode":"TB",)"
                                      R"("address":"https://tenant-b.example.org"})"));
    const auto mainApp = createApp(m_main, "tenant-b-main-app")->getObject("app");
    const Poco::Int64 mainPlatform = mainApp->getValue<Poco::Int64>("platformId");

    // The foreign ids, by the resource a path segment names.
    std::map<std::string, std::vector<Poco::Int64>> foreign;
    foreign["platforms"] = {platformB, mainPlatform};
    foreign["apps"] = {appIdB, mainApp->getValue<Poco::Int64>("id")};
    foreign["shelf"] = foreign["apps"];
    foreign["developers"] = {firstId(tokenB, "/admin/v1/developers"), firstId(m_main, "/admin/v1/developers")};
    foreign["services"] = {serviceB->getValue<Poco::Int64>("id")};
    foreign["app-applications"] = {applicationB->getValue<Poco::Int64>("id")};
    foreign["operators"] = {firstId(tokenB, "/admin/v1/operators"), firstId(m_main, "/admin/v1/operators")};
    foreign["roles"] = {firstId(tokenB, "/admin/v1/roles"), firstId(m_main, "/admin/v1/roles")};
    foreign["menus"] = {firstId(m_main, "/admin/v1/menus")}; // global, main-platform only
    // Code engine (001 §4.2): a rule pushed into B's pool and linked to B's app (generate on), one
    // of the main platform; terminals of B and of the main platform. Specs are shared data.
    const Poco::Int64 specId =
        ok(call(m_main, "POST", "/admin/v1/code-specs",
                R"({"name":"shared-spec","fields":[{"name":"userId","type":"string","length":32}]})"))
            ->getValue<Poco::Int64>("id");
    const auto ruleFor = [&](Poco::Int64 platform) {
        const Poco::Int64 id =
            ok(call(m_main, "POST", "/admin/v1/code-rules",
                    R"({"basic":{"name":"tenant-b-rule","form":"dynamic","codeType":"personal",)"
                    R"("platformId":)" +
                        std::to_string(platform) + R"(},"spec":{"specId":)" + std::to_string(specId) + "}}"))
                ->getValue<Poco::Int64>("id");
        ok(call(m_main, "POST", "/admin/v1/code-rules/" + std::to_string(id) + "/publish"));
        ok(call(m_main, "POST", "/admin/v1/code-rules/" + std::to_string(id) + "/push"));
        return id;
    };
    foreign["code-rules"] = {ruleFor(platformB), ruleFor(mainPlatform)};
    ok(call(tokenB, "POST", "/admin/v1/apps/" + std::to_string(appIdB) + "/code-rules",
            R"({"ruleIds":[)" + std::to_string(foreign["code-rules"][0]) + "]}"));
    ok(call(tokenB, "PUT", "/admin/v1/apps/" + std::to_string(appIdB) + "/permissions", R"({"generate":true})"));
    const auto terminalOn = [&](const std::string& token, const std::string& code) {
        Poco::JSON::Object input;
        input.set("terminalCode", code);
        input.set("name", "tenant-b gate");
        input.set("publicKeyPem",
                  citycode::common::PrivateKey::generate(citycode::common::CodeAlg::Sm2Sm3).publicKey().toPem());
        return ok(call(token, "POST", "/admin/v1/terminals", jsonText(input)))->getValue<Poco::Int64>("id");
    };
    foreign["terminals"] = {terminalOn(tokenB, "tenant-b-gate"), terminalOn(m_main, "tenant-b-main-gate")};
    // Static codes (002 §5.3.2.4): one of platform B's app, one of the main platform.
    const std::string staticCodeB = R"({"category":"tenant-b","subjectType":"object","subjectName":"tenant-b gate",)"
                                    R"("appId":)" +
                                    std::to_string(appIdB) + "}";
    foreign["static-codes"] = {
        ok(call(tokenB, "POST", "/admin/v1/static-codes", staticCodeB))->getValue<Poco::Int64>("id"),
        ok(call(m_main, "POST", "/admin/v1/static-codes",
                R"({"category":"tenant-b","subjectType":"object","subjectName":"tenant-b main gate"})"))
            ->getValue<Poco::Int64>("id")};
    foreign["caches"] = {1}; // named per node, main-platform only: refused before any lookup
    // Code keys, styles, numbering rules and subjects (issue 4): B's and the main platform's.
    const auto keyOf = [&](const std::string& token) {
        return ok(call(token, "POST", "/admin/v1/keys/rotate", R"({"purpose":"sign"})"))->getValue<Poco::Int64>("id");
    };
    foreign["keys"] = {keyOf(tokenB), keyOf(m_main)};
    const auto created = [&](const std::string& token, const std::string& path, const std::string& input) {
        return ok(call(token, "POST", path, input))->getValue<Poco::Int64>("id");
    };
    foreign["code-styles"] = {
        created(tokenB, "/admin/v1/code-styles", R"({"codeType":"health","name":"tenant-b style","active":true})"),
        created(m_main, "/admin/v1/code-styles", R"({"codeType":"health","name":"tenant-b main style"})")};
    foreign["numbering-rules"] = {
        created(tokenB, "/admin/v1/numbering-rules", R"({"name":"tenant-b numbers","prefix":"TNB"})"),
        created(m_main, "/admin/v1/numbering-rules", R"({"name":"tenant-b main numbers","prefix":"TNM"})")};
    foreign["code-subjects"] = {
        created(tokenB, "/admin/v1/code-subjects",
                R"({"subjectType":"place","name":"tenant-b museum","identifier":"tenant-b-1"})"),
        created(m_main, "/admin/v1/code-subjects",
                R"({"subjectType":"place","name":"tenant-b main hall","identifier":"tenant-b-2"})")};
    // Shared reference data (001 §4.12.2): every platform reads it, only the main platform changes it.
    std::map<std::string, Poco::Int64> shared;
    shared["code-specs"] = specId;
    shared["regions"] =
        ok(call(m_main, "POST", "/admin/v1/regions", R"({"code":"r1","name":"region"})"))->getValue<Poco::Int64>("id");
    shared["industries"] = ok(call(m_main, "POST", "/admin/v1/industries", R"({"code":"i1","name":"industry"})"))
                               ->getValue<Poco::Int64>("id");
    shared["dictionaries"] = ok(call(m_main, "POST", "/admin/v1/dictionaries", R"({"code":"d1","name":"dictionary"})"))
                                 ->getValue<Poco::Int64>("id");
    shared["dictionary-entries"] =
        ok(call(m_main, "POST", "/admin/v1/dictionary-entries",
                R"({"groupId":)" + std::to_string(shared["dictionaries"]) + R"(,"code":"e1","label":"entry"})"))
            ->getValue<Poco::Int64>("id");
    shared["code-categories"] =
        ok(call(m_main, "POST", "/admin/v1/code-categories", R"({"code":"c1","name":"category"})"))
            ->getValue<Poco::Int64>("id");
    std::vector<Poco::Int64> allForeign;
    for (const auto& [resource, ids] : foreign)
        allForeign.insert(allForeign.end(), ids.begin(), ids.end());

    // A body that would be valid for most writes, aimed at platform B.
    Poco::JSON::Object smuggled;
    smuggled.set("platformId", platformB);
    smuggled.set("name", "smuggled");
    smuggled.set("appName", "smuggled");
    smuggled.set("organisation", "smuggled");
    smuggled.set("contactName", "smuggled");
    smuggled.set("contactPhone", "13600000000");
    smuggled.set("developerName", "smuggled");
    smuggled.set("username", "smuggled-op");
    smuggled.set("displayName", "smuggled");
    smuggled.set("code", "smuggled");
    smuggled.set("adminUsername", "smuggled-admin");
    smuggled.set("approve", true);
    smuggled.set("reason", "smuggled");
    smuggled.set("position", 0);
    smuggled.set("appId", appIdB);
    smuggled.set("serviceType", "query");
    smuggled.set("callbackCode", "SMUGGLED");
    smuggled.set("address", "https://smuggled.example.org");
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    for (const Poco::Int64 id : allForeign)
        ids->add(id);
    smuggled.set("ids", ids);
    smuggled.set("roleIds", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    const std::string body = jsonText(smuggled);

    int requests = 0;
    const auto check = [&](const std::string& method, const std::string& path, const std::string& requestBody) {
        ++requests;
        const HttpResponse response = call(tokenA, method, path, requestBody);
        SCOPED_TRACE(method + " " + path + " -> " + std::to_string(response.status) + " " +
                     response.body.substr(0, 300));
        if (response.status < 200 || response.status >= 300)
            return;
        EXPECT_EQ(response.body.find(kForeign), std::string::npos) << "foreign data in a 2xx answer";
        if (response.header("Content-Type").find("json") == std::string::npos)
            return;
        const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(response.body);
        std::vector<Poco::Int64> platforms;
        collectPlatformIds(parsed, platforms);
        for (const Poco::Int64 platform : platforms)
            EXPECT_EQ(platform, platformA) << "a record of another platform";
        const auto object = parsed.extract<Poco::JSON::Object::Ptr>();
        if (object->has("deleted")) {
            EXPECT_EQ(object->getValue<int>("deleted"), 0);
        }
        if (path.find("platformId=") != std::string::npos && object->has("total")) {
            EXPECT_EQ(object->getValue<int>("total"), 0) << "a count including another platform";
        }
    };

    for (const RouteEntry& route : ServerRoutes::all()) {
        // Public routes and the caller's own session (logout would end the walk) hold no tenant data.
        if (route.isPublic || route.pattern.rfind("/admin/v1/auth/", 0) == 0)
            continue;
        ASSERT_EQ(route.pattern.rfind("/admin/v1/", 0), 0u) << route.pattern;
        const std::string resource = route.pattern.substr(10, route.pattern.find('/', 10) - 10);
        const std::string sendBody = route.method == "GET" || route.method == "DELETE" ? "" : body;
        const std::size_t brace = route.pattern.find('{');
        if (brace == std::string::npos) {
            check(route.method, route.pattern, sendBody);
            check(route.method, route.pattern + "?platformId=" + std::to_string(platformB), sendBody);
            continue;
        }
        if (shared.count(resource)) {
            const std::string path = route.pattern.substr(0, brace) + std::to_string(shared[resource]) +
                                     route.pattern.substr(route.pattern.find('}', brace) + 1);
            const HttpResponse response = call(tokenA, route.method, path, sendBody);
            ++requests;
            if (route.method == "GET")
                EXPECT_EQ(response.status, 200) << path << " " << response.body;
            else
                EXPECT_EQ(response.status, 403) << route.method << " " << path << " " << response.body;
            continue;
        }
        ASSERT_EQ(foreign.count(resource), 1u)
            << route.pattern << ": name the foreign ids of '" << resource << "' in this test";
        for (const Poco::Int64 id : foreign[resource]) {
            const std::size_t close = route.pattern.find('}', brace);
            const std::string path =
                route.pattern.substr(0, brace) + std::to_string(id) + route.pattern.substr(close + 1);
            const HttpResponse response = call(tokenA, route.method, path, sendBody);
            ++requests;
            EXPECT_TRUE(response.status == 403 || response.status == 404)
                << route.method << " " << path << " answered " << response.status << " " << response.body;
        }
    }
    EXPECT_GT(requests, 60);

    // Platform B is untouched: its platform, app on the shelf, application and administrator.
    const auto platform = ok(call(m_main, "GET", "/admin/v1/platforms/" + std::to_string(platformB)));
    EXPECT_EQ(platform->getValue<std::string>("name"), kForeign);
    EXPECT_EQ(platform->getValue<std::string>("status"), "enabled");
    const auto app = ok(call(m_main, "GET", "/admin/v1/apps/" + std::to_string(appIdB)));
    EXPECT_EQ(app->getValue<std::string>("name"), "tenant-b-app");
    EXPECT_EQ(app->getValue<std::string>("status"), "enabled");
    EXPECT_EQ(ok(call(tokenB, "GET", "/admin/v1/shelf"))->getValue<int>("total"), 1);
    const auto application = ok(
        call(m_main, "GET", "/admin/v1/app-applications/" + std::to_string(applicationB->getValue<Poco::Int64>("id"))));
    EXPECT_EQ(application->getValue<std::string>("status"), "pending");
    const auto service =
        ok(call(m_main, "GET", "/admin/v1/services/" + std::to_string(serviceB->getValue<Poco::Int64>("id"))));
    EXPECT_EQ(service->getValue<std::string>("reviewStatus"), "pending");
    EXPECT_EQ(call(tokenB, "GET", "/admin/v1/auth/me").status, 200) << "B's administrator is still signed in";
    for (const Poco::Int64 id : foreign["operators"])
        EXPECT_EQ(call(m_main, "GET", "/admin/v1/operators/" + std::to_string(id)).status, 200);
    for (const Poco::Int64 id : foreign["roles"])
        EXPECT_EQ(call(m_main, "GET", "/admin/v1/roles/" + std::to_string(id)).status, 200);
    for (const auto& [resource, id] : shared) {
        const auto record = ok(call(m_main, "GET", "/admin/v1/" + resource + "/" + std::to_string(id)));
        EXPECT_EQ(record->getValue<std::string>("status"), "enabled") << resource;
    }
    // Nothing platform A created went to platform B.
    const auto appsOfB = ok(call(tokenB, "GET", "/admin/v1/apps"));
    EXPECT_EQ(appsOfB->getValue<int>("total"), 1);
    const auto applicationsOfB = ok(call(tokenB, "GET", "/admin/v1/app-applications"));
    EXPECT_EQ(applicationsOfB->getValue<int>("total"), 1);
    for (const Poco::Int64 id : foreign["static-codes"]) {
        const auto code = ok(call(m_main, "GET", "/admin/v1/static-codes/" + std::to_string(id)));
        EXPECT_EQ(code->getValue<std::string>("state"), "registered");
        EXPECT_EQ(code->getArray("history")->size(), 1u);
    }
    EXPECT_EQ(ok(call(tokenB, "GET", "/admin/v1/static-codes"))->getValue<int>("total"), 1);
    for (const Poco::Int64 id : foreign["code-rules"]) {
        const auto rule = ok(call(m_main, "GET", "/admin/v1/code-rules/" + std::to_string(id)));
        EXPECT_EQ(rule->getValue<std::string>("status"), "enabled");
        EXPECT_TRUE(rule->getValue<bool>("inPool"));
        EXPECT_EQ(rule->getValue<int>("latestVersion"), 1);
    }
    EXPECT_EQ(
        ok(call(tokenB, "GET", "/admin/v1/apps/" + std::to_string(appIdB) + "/code-rules"))->getValue<int>("total"), 1);
    EXPECT_TRUE(ok(call(tokenB, "GET", "/admin/v1/apps/" + std::to_string(appIdB) + "/permissions"))
                    ->getValue<bool>("generate"));
    for (const Poco::Int64 id : foreign["terminals"])
        EXPECT_EQ(ok(call(m_main, "GET", "/admin/v1/terminals/" + std::to_string(id)))->getValue<std::string>("status"),
                  "enabled");
}

// Regions, industries and dictionaries through a real server (001 §4.12.2-4.12.3): shared by
// every platform, changed by the main platform only; codes unique; the region tree and the
// industries in use protected from deletion; batch deletes all or nothing; changes logged.
#include "AdminSession.h"
#include "TempDir.h"

#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <memory>

using namespace citycode::test;

namespace {

class TestReferenceData : public ::testing::Test
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

    static HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {},
                             const std::string& token = s_token)
    {
        return AdminSession::call(s_server->port(), method, path, token, body);
    }

    static Poco::Int64 create(const std::string& path, const std::string& body)
    {
        const HttpResponse response = call("POST", path, body);
        EXPECT_EQ(response.status, 201) << path << " " << body << " " << response.body;
        return response.status == 201 ? AdminSession::json(response)->getValue<Poco::Int64>("id") : 0;
    }

    static std::unique_ptr<TempDir> s_dir;
    static std::unique_ptr<ServerProcess> s_server;
    static std::string s_token;
};

std::unique_ptr<TempDir> TestReferenceData::s_dir;
std::unique_ptr<ServerProcess> TestReferenceData::s_server;
std::string TestReferenceData::s_token;

std::string idList(std::initializer_list<Poco::Int64> ids)
{
    std::string text;
    for (const Poco::Int64 id : ids)
        text += (text.empty() ? "" : ",") + std::to_string(id);
    return R"({"ids":[)" + text + "]}";
}

} // namespace

TEST_F(TestReferenceData, RegionTreeIsProtected)
{
    const Poco::Int64 city = create("/admin/v1/regions", R"({"code":"330100","name":"杭州市"})");
    const Poco::Int64 district =
        create("/admin/v1/regions", R"({"code":"330106","name":"西湖区","parentId":)" + std::to_string(city) + "}");
    const Poco::Int64 street = create("/admin/v1/regions", R"({"code":"330106001","name":"北山街道","parentId":)" +
                                                               std::to_string(district) + "}");

    EXPECT_EQ(AdminSession::errorCode(call("POST", "/admin/v1/regions", R"({"code":"330100","name":"again"})")),
              "CODE_TAKEN");
    EXPECT_EQ(call("POST", "/admin/v1/regions", R"({"code":"x1","name":"orphan","parentId":999999})").status, 400);
    EXPECT_EQ(call("POST", "/admin/v1/regions", R"({"code":"bad code!","name":"x"})").status, 400);
    // A region never becomes its own ancestor.
    EXPECT_EQ(call("PUT", "/admin/v1/regions/" + std::to_string(city), R"({"parentId":)" + std::to_string(street) + "}")
                  .status,
              400);

    const auto children = call("GET", "/admin/v1/regions?parentId=" + std::to_string(city));
    ASSERT_EQ(children.status, 200) << children.body;
    EXPECT_EQ(AdminSession::json(children)->getValue<int>("total"), 1);

    EXPECT_EQ(AdminSession::errorCode(call("DELETE", "/admin/v1/regions/" + std::to_string(city))),
              "REGION_HAS_CHILDREN");
    // All or nothing: an unknown id in the batch deletes nothing.
    EXPECT_EQ(call("POST", "/admin/v1/regions/batch-delete", idList({street, 999999})).status, 404);
    EXPECT_EQ(call("GET", "/admin/v1/regions/" + std::to_string(street)).status, 200);
    // The whole branch in one batch, parents named first.
    const auto deleted = call("POST", "/admin/v1/regions/batch-delete", idList({city, district, street}));
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(AdminSession::json(deleted)->getValue<int>("deleted"), 3);
    EXPECT_EQ(call("GET", "/admin/v1/regions/" + std::to_string(district)).status, 404);

    const auto log = call("GET", "/admin/v1/operation-logs?action=region.delete");
    EXPECT_EQ(AdminSession::json(log)->getValue<int>("total"), 1) << log.body;
}

TEST_F(TestReferenceData, IndustryInUseIsNotDeleted)
{
    const Poco::Int64 industry = create("/admin/v1/industries", R"({"code":"transport","name":"交通"})");
    const HttpResponse app =
        call("POST", "/admin/v1/apps",
             R"({"name":"metro","developerName":"metro dev","industryId":)" + std::to_string(industry) + "}");
    ASSERT_EQ(app.status, 201) << app.body;
    EXPECT_EQ(AdminSession::errorCode(call("DELETE", "/admin/v1/industries/" + std::to_string(industry))),
              "INDUSTRY_IN_USE");

    const auto disabled = call("POST", "/admin/v1/industries/" + std::to_string(industry) + "/disable");
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_EQ(AdminSession::json(disabled)->getValue<std::string>("status"), "disabled");
    const auto list = call("GET", "/admin/v1/industries?status=disabled&sort=code&order=desc");
    EXPECT_EQ(AdminSession::json(list)->getValue<int>("total"), 1) << list.body;
    EXPECT_EQ(call("GET", "/admin/v1/industries?sort=secret").status, 400);
}

TEST_F(TestReferenceData, DictionaryEntriesGoWithTheirDictionary)
{
    const Poco::Int64 group = create("/admin/v1/dictionaries", R"({"code":"id_type","name":"证件类型"})");
    const std::string groupField = R"({"groupId":)" + std::to_string(group);
    const Poco::Int64 first =
        create("/admin/v1/dictionary-entries", groupField + R"(,"code":"01","label":"居民身份证"})");
    create("/admin/v1/dictionary-entries", groupField + R"(,"code":"02","label":"护照","position":2})");
    EXPECT_EQ(AdminSession::errorCode(
                  call("POST", "/admin/v1/dictionary-entries", groupField + R"(,"code":"01","label":"again"})")),
              "CODE_TAKEN");
    // The same code in another dictionary is fine.
    const Poco::Int64 other = create("/admin/v1/dictionaries", R"({"code":"gender","name":"性别"})");
    create("/admin/v1/dictionary-entries", R"({"groupId":)" + std::to_string(other) + R"(,"code":"01","label":"男"})");

    const auto renamed =
        call("PUT", "/admin/v1/dictionary-entries/" + std::to_string(first), R"({"label":"居民身份证（大陆）"})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(AdminSession::json(renamed)->getValue<std::string>("label"), "居民身份证（大陆）");

    const auto entries = call("GET", "/admin/v1/dictionary-entries?groupCode=id_type&sort=position");
    EXPECT_EQ(AdminSession::json(entries)->getValue<int>("total"), 2) << entries.body;

    ASSERT_EQ(call("DELETE", "/admin/v1/dictionaries/" + std::to_string(group)).status, 200);
    EXPECT_EQ(call("GET", "/admin/v1/dictionary-entries/" + std::to_string(first)).status, 404);
    EXPECT_EQ(AdminSession::json(call("GET", "/admin/v1/dictionary-entries"))->getValue<int>("total"), 1);
}

TEST_F(TestReferenceData, SubPlatformsReadButDoNotChange)
{
    const Poco::Int64 region = create("/admin/v1/regions", R"({"code":"110000","name":"北京市"})");
    const HttpResponse platform =
        call("POST", "/admin/v1/platforms", R"({"name":"reader","adminUsername":"reader-admin"})");
    ASSERT_EQ(platform.status, 201) << platform.body;
    const std::string sub = AdminSession::signInAs(s_server->port(), "reader-admin",
                                                   AdminSession::json(platform)->getValue<std::string>("adminPassword"),
                                                   "Reader-Pass-2024");
    EXPECT_EQ(call("GET", "/admin/v1/regions/" + std::to_string(region), {}, sub).status, 200);
    EXPECT_EQ(call("GET", "/admin/v1/dictionaries", {}, sub).status, 200);
    EXPECT_EQ(call("POST", "/admin/v1/regions", R"({"code":"120000","name":"天津市"})", sub).status, 403);
    EXPECT_EQ(call("PUT", "/admin/v1/regions/" + std::to_string(region), R"({"name":"x"})", sub).status, 403);
    EXPECT_EQ(call("POST", "/admin/v1/regions/" + std::to_string(region) + "/disable", {}, sub).status, 403);
    EXPECT_EQ(call("DELETE", "/admin/v1/regions/" + std::to_string(region), {}, sub).status, 403);
}

// Cache view and flush (001 §4.12.3 缓存管理) through a real citycode-server: the node lists its
// caches with their sizes, flushes one or all, logs who did it, and refuses sub-platform operators.
#include "AdminSession.h"
#include "TempDir.h"

#include <Poco/JSON/Array.h>

#include <gtest/gtest.h>

#include <memory>
#include <set>

using namespace citycode::test;

namespace {

class TestCaches : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data")));
        m_server->start();
        m_admin = AdminSession::signIn(port());
    }
    int port() const { return m_server->port(); }
    HttpResponse call(const std::string& method, const std::string& path, const std::string& token = {},
                      const std::string& body = {})
    {
        return AdminSession::call(port(), method, path, token.empty() ? m_admin : token, body);
    }
    std::set<std::string> cacheNames()
    {
        const HttpResponse list = call("GET", "/admin/v1/caches");
        EXPECT_EQ(list.status, 200) << list.body;
        std::set<std::string> names;
        const auto items = AdminSession::json(list)->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto item = items->getObject(i);
            EXPECT_FALSE(item->getValue<std::string>("description").empty());
            EXPECT_GE(item->getValue<Poco::Int64>("entries"), 0);
            names.insert(item->getValue<std::string>("name"));
        }
        return names;
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_admin;
};

} // namespace

TEST_F(TestCaches, TheNodeListsItsCachesAndFlushesThem)
{
    const std::set<std::string> names = cacheNames();
    EXPECT_EQ(names.count("settings"), 1u);
    EXPECT_EQ(names.count("keys"), 1u);

    const HttpResponse one = call("POST", "/admin/v1/caches/settings/flush");
    EXPECT_EQ(one.status, 200) << one.body;
    const HttpResponse all = call("POST", "/admin/v1/caches/flush");
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(AdminSession::json(all)->getValue<std::size_t>("flushed"), names.size());
    const HttpResponse unknown = call("POST", "/admin/v1/caches/no-such-cache/flush");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(AdminSession::errorCode(unknown), "NOT_FOUND");

    // Both flushes are in the operation log, the failed one is not.
    const auto page = AdminSession::json(call("GET", "/admin/v1/operation-logs?action=cache.flush"));
    EXPECT_EQ(page->getValue<int>("total"), 2);
}

TEST_F(TestCaches, SubPlatformOperatorsCannotSeeOrFlushCaches)
{
    const HttpResponse created =
        call("POST", "/admin/v1/platforms", {}, R"({"name":"西湖区平台","adminUsername":"xihu-admin"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string sub = AdminSession::signInAs(
        port(), "xihu-admin", AdminSession::json(created)->getValue<std::string>("adminPassword"), "Xihu-Pass-2024");
    EXPECT_EQ(call("GET", "/admin/v1/caches", sub).status, 403);
    EXPECT_EQ(call("POST", "/admin/v1/caches/flush", sub).status, 403);
    EXPECT_EQ(call("POST", "/admin/v1/caches/settings/flush", sub).status, 403);
}

// System settings (002 §5.2.5: global refresh time, data receiving address, key policy) through a
// real server: defaults, validation, main platform only, the operation log, and the key policy
// taking effect on the next rotation.
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include <chrono>
#include <memory>
#include <thread>

using namespace citycode::test;

namespace {

class TestSettings : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data")));
        m_server->start();
        m_token = AdminSession::signIn(m_server->port());
    }

    HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {})
    {
        return AdminSession::call(m_server->port(), method, path, m_token, body);
    }

    TempDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::string m_token;
};

} // namespace

TEST_F(TestSettings, DefaultsAreTheStandardsValues)
{
    const HttpResponse r = call("GET", "/admin/v1/settings");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto settings = AdminSession::json(r);
    EXPECT_EQ(settings->getValue<int>("refreshSeconds"), 60); // 002 §9.2
    EXPECT_EQ(settings->getValue<std::string>("dataReceivingAddress"), "");
    EXPECT_EQ(settings->getValue<std::string>("signingAlg"), "SM2-SM3"); // 003 §7.2.2
    EXPECT_GT(settings->getValue<Poco::Int64>("keyOverlapSeconds"), 0);
}

TEST_F(TestSettings, ChangesAreValidatedStoredAndLogged)
{
    const HttpResponse changed =
        call("PUT", "/admin/v1/settings",
             R"({"refreshSeconds":30,"dataReceivingAddress":"https://data.example.gov.cn/receive"})");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(AdminSession::json(changed)->getValue<int>("refreshSeconds"), 30);

    struct Case
    {
        const char* name;
        const char* body;
    };
    for (const Case& c : {Case{"refresh below ten seconds", R"({"refreshSeconds":5})"},
                          Case{"refresh as text", R"({"refreshSeconds":"30"})"},
                          Case{"address without scheme", R"({"dataReceivingAddress":"data.example.org"})"},
                          Case{"ftp address", R"({"dataReceivingAddress":"ftp://data.example.org"})"},
                          Case{"MAC algorithm for signing", R"({"signingAlg":"HMAC-SM3"})"},
                          Case{"unknown setting", R"({"colour":"red"})"}, Case{"nothing", "{}"}}) {
        const HttpResponse r = call("PUT", "/admin/v1/settings", c.body);
        EXPECT_EQ(r.status, 400) << c.name << ": " << r.body;
    }
    // A refused change leaves the stored values as they were, also after a restart.
    m_server->stop();
    m_server = std::make_unique<ServerProcess>(AdminSession::serverOptions(m_dir.file("data")));
    m_server->start();
    m_token = AdminSession::signIn(m_server->port());
    const auto settings = AdminSession::json(call("GET", "/admin/v1/settings"));
    EXPECT_EQ(settings->getValue<int>("refreshSeconds"), 30);
    EXPECT_EQ(settings->getValue<std::string>("dataReceivingAddress"), "https://data.example.gov.cn/receive");
    const HttpResponse logs = call("GET", "/admin/v1/operation-logs?action=settings.update");
    EXPECT_NE(logs.body.find("refreshSeconds"), std::string::npos) << logs.body;
}

TEST_F(TestSettings, TheSigningAlgorithmSettingAppliesToTheNextRotation)
{
    ASSERT_EQ(call("PUT", "/admin/v1/settings", R"({"signingAlg":"ECDSA-P256","keyOverlapSeconds":600})").status, 200);
    const HttpResponse rotated = call("POST", "/admin/v1/keys/rotate", R"({"purpose":"sign"})");
    ASSERT_EQ(rotated.status, 201) << rotated.body;
    EXPECT_EQ(AdminSession::json(rotated)->getValue<std::string>("alg"), "ECDSA-P256");
    const auto retired = AdminSession::json(call("GET", "/admin/v1/keys?purpose=sign&status=retired"));
    ASSERT_EQ(retired->getValue<Poco::Int64>("total"), 1);
    const auto old = retired->getArray("items")->getObject(0);
    EXPECT_EQ(old->getValue<std::string>("alg"), "SM2-SM3");
    EXPECT_FALSE(old->isNull("notAfter"));
}

TEST_F(TestSettings, OnlyMainPlatformOperatorsSeeOrChangeSettings)
{
    const HttpResponse created =
        call("POST", "/admin/v1/platforms", R"({"name":"settings-sub","adminUsername":"settings-sub-admin"})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string token = AdminSession::signInAs(
        m_server->port(), "settings-sub-admin", AdminSession::json(created)->getValue<std::string>("adminPassword"),
        "Sub-Platform-Pass-1");
    EXPECT_EQ(AdminSession::call(m_server->port(), "GET", "/admin/v1/settings", token).status, 403);
    EXPECT_EQ(
        AdminSession::call(m_server->port(), "PUT", "/admin/v1/settings", token, R"({"refreshSeconds":20})").status,
        403);
    EXPECT_EQ(AdminSession::call(m_server->port(), "GET", "/admin/v1/settings", "").status, 401);
}

TEST(TestSettingsConfig, TheConfiguredSigningAlgorithmMakesTheFirstKeys)
{
    TempDir dir;
    ServerProcess server(AdminSession::serverOptions(
        dir.file("data"), {"--set", "keys.signing_alg=ECDSA-P256", "--set", "keys.overlap_seconds=7200"}));
    server.start();
    const std::string token = AdminSession::signIn(server.port());
    const auto settings = AdminSession::json(AdminSession::call(server.port(), "GET", "/admin/v1/settings", token));
    EXPECT_EQ(settings->getValue<std::string>("signingAlg"), "ECDSA-P256");
    EXPECT_EQ(settings->getValue<Poco::Int64>("keyOverlapSeconds"), 7200);
    const auto keys =
        AdminSession::json(AdminSession::call(server.port(), "GET", "/admin/v1/keys?purpose=sign", token));
    ASSERT_EQ(keys->getValue<Poco::Int64>("total"), 1);
    EXPECT_EQ(keys->getArray("items")->getObject(0)->getValue<std::string>("alg"), "ECDSA-P256");

    // A value the server does not know stops it at start, naming the key.
    TempDir other;
    ServerProcess refused(AdminSession::serverOptions(other.file("data"), {"--set", "keys.signing_alg=RSA"}));
    refused.launch();
    EXPECT_NE(refused.waitForExit(10000), 0);
    EXPECT_NE(refused.errors().find("keys.signing_alg"), std::string::npos) << refused.errors();
}

// 002 §5.2.5 key policy: with keyRotationDays set, a node rotates the keys that have been current
// that long on its own (keys.rotation_check_seconds), with the overlap, and says so in its log.
TEST(TestKeyRotationPolicy, KeysCurrentForTheRotationIntervalAreRotatedByTheServer)
{
    TempDir dir;
    ServerProcess server(AdminSession::serverOptions(dir.file("data"), {"--set", "keys.rotation_check_seconds=1"}));
    server.start();
    const std::string token = AdminSession::signIn(server.port());
    const auto keys = [&](const std::string& query) {
        const HttpResponse r = AdminSession::call(server.port(), "GET", "/admin/v1/keys?" + query, token);
        EXPECT_EQ(r.status, 200) << r.body;
        return AdminSession::json(r)->getArray("items");
    };
    const std::string before =
        keys("purpose=mac&status=current&platformId=1")->getObject(0)->getValue<std::string>("keyId");
    ASSERT_EQ(AdminSession::call(server.port(), "PUT", "/admin/v1/settings", token, R"({"keyRotationDays":1})").status,
              200);
    // The main platform's MAC key has been current for two days (as if the server had been running).
    DatabaseFile(dir.file("data/citycode.db"))
        .execute("UPDATE code_keys SET not_before = not_before - 172800"
                 " WHERE platform_id = 1 AND purpose = 'mac' AND status = 'current'");
    bool rotated = false;
    for (int i = 0; i < 100 && !rotated; ++i) {
        rotated = keys("purpose=mac&status=retired&platformId=1")->size() == 1;
        if (!rotated)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(rotated) << server.errors();
    const auto retired = keys("purpose=mac&status=retired&platformId=1")->getObject(0);
    EXPECT_EQ(retired->getValue<std::string>("keyId"), before);
    EXPECT_FALSE(retired->isNull("notAfter")) << "the old key verifies until the end of the overlap";
    EXPECT_NE(keys("purpose=mac&status=current&platformId=1")->getObject(0)->getValue<std::string>("keyId"), before);
    EXPECT_EQ(keys("purpose=sign&status=retired&platformId=1")->size(), 0u) << "the signing key is not due yet";
    EXPECT_NE(server.errors().find("rotated the mac key of platform 1"), std::string::npos) << server.errors();
}

// CodeEngineStore, the code engine lookup the open API reads (services/CodeEngineLookup.h),
// against a real, freshly migrated database (SQLite, or PostgreSQL for pg.*), with rules, apps,
// permissions and terminals made through the admin services: which version an app issues with,
// and how each admin switch (rule, version, app, platform, push, link, permission, terminal)
// shows in the next request's lookup, though the store keeps its answers in memory: a write to
// a watched table, by a service or by another node's plain SQL, moves change_generation.
#include "TempDir.h"
#include "TestBackend.h"
#include "citycode/common/Crypto.h"
#include "services/AppCodePermissionService.h"
#include "services/AppService.h"
#include "services/CodeEngineStore.h"
#include "services/CodeRuleService.h"
#include "services/CodeSpecService.h"
#include "services/PersonalDataCipher.h"
#include "services/PlatformService.h"
#include "services/SetupService.h"
#include "services/TerminalService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include <gtest/gtest.h>

using namespace citycode::server;
using namespace citycode::test;

namespace {

Poco::JSON::Object::Ptr json(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string databaseUrl()
{
    return TestBackend::postgresql() ? TestBackend::createDatabase() : "sqlite:test.db";
}

class TestCodeEngineStore : public ::testing::Test
{
protected:
    TestCodeEngineStore()
    {
        Migrations(m_database, m_log).apply();
        SetupService(m_database, m_log).initialize({"Main", "Initial-Password-1", ""});
        m_main.operatorId = 1;
        m_main.platformId = 1;
        m_main.mainPlatform = true;
        const auto platform = m_platforms.create(m_main, *json(R"({"name":"Transport","adminUsername":"transport"})"));
        m_sub.platformId = platform.platform->getValue<Poco::Int64>("id");
        m_appId = m_apps.create(m_sub, *json(R"({"name":"Metro","developerName":"Metro developer"})"))
                      .app->getValue<Poco::Int64>("id");
        m_specId =
            m_specs
                .create(m_main, *json(R"({"name":"Spec","fields":[{"name":"userId","type":"string","length":32}]})"))
                ->getValue<Poco::Int64>("id");
    }

    // A published rule of the sub-platform, pushed and linked to the app.
    Poco::Int64 usableRule(const std::string& name, const std::string& codeType = "personal")
    {
        const auto rule = m_rules.create(
            m_main, *json(R"({"basic":{"name":")" + name + R"(","form":"dynamic","codeType":")" + codeType +
                          R"(","platformId":)" + std::to_string(m_sub.platformId) +
                          R"(},"function":{"validitySeconds":90},"spec":{"specId":)" + std::to_string(m_specId) +
                          R"(},"extensionFields":{"fields":[{"name":"level","type":"integer","length":1}]},)"
                          R"("collectFields":{"fields":[{"name":"deviceId","type":"string","length":64}]}})"));
        const Poco::Int64 id = rule->getValue<Poco::Int64>("id");
        m_rules.publish(m_main, id);
        m_rules.push(m_main, id);
        m_rules.link(m_sub, m_appId, {id});
        return id;
    }

    // Each lookup as the first of a new open API request (the server calls beginRequest then).
    const CodeEngineStore& next()
    {
        m_store.beginRequest();
        return m_store;
    }

    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
    Database m_database{databaseUrl(), m_dir.path(), 4};
    PersonalDataCipher m_cipher = PersonalDataCipher::fromKeyFile(m_dir.file("keys/data.key"));
    PlatformService m_platforms{m_database};
    AppService m_apps{m_database, m_cipher};
    CodeSpecService m_specs{m_database};
    CodeRuleService m_rules{m_database};
    AppCodePermissionService m_permissions{m_database};
    TerminalService m_terminals{m_database};
    CodeEngineStore m_store{m_database};
    Principal m_main;
    Principal m_sub;
    Poco::Int64 m_appId = 0;
    Poco::Int64 m_specId = 0;
};

} // namespace

TEST_F(TestCodeEngineStore, IssuableVersionCarriesTheRuleSettings)
{
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal")) << "no rule linked yet";
    const Poco::Int64 rule = usableRule("Personal");
    const auto version = next().issuableVersion(m_appId, "personal");
    ASSERT_TRUE(version);
    EXPECT_EQ(version->ruleId, rule);
    EXPECT_EQ(version->version, 1u);
    EXPECT_EQ(version->platformId, m_sub.platformId);
    EXPECT_EQ(version->codeType, "personal");
    EXPECT_EQ(version->form, "dynamic");
    EXPECT_EQ(version->validitySeconds, 90u);
    EXPECT_EQ(version->decodeFields, (std::vector<std::string>{"userId", "level"}));
    EXPECT_EQ(version->collectFields, std::vector<std::string>{"deviceId"});
    EXPECT_FALSE(next().issuableVersion(m_appId, "health")) << "no health rule linked";
    EXPECT_EQ(next().verifiableVersion(rule, 1).first, RuleVersionState::Usable);
    EXPECT_EQ(next().verifiableVersion(rule, 1).second->validitySeconds, 90u);
}

TEST_F(TestCodeEngineStore, NewVersionsCountOnceTheyArePushed)
{
    const Poco::Int64 rule = usableRule("Versions");
    m_rules.saveStep(m_main, rule, 2, *json(R"({"validitySeconds":30})"));
    EXPECT_EQ(next().issuableVersion(m_appId, "personal")->version, 1u) << "version 2 is not pushed yet";
    m_rules.push(m_main, rule);
    EXPECT_EQ(next().issuableVersion(m_appId, "personal")->version, 2u);
    EXPECT_EQ(next().issuableVersion(m_appId, "personal")->validitySeconds, 30u);
    // Codes of version 1 still verify while it is enabled (several versions at once).
    EXPECT_EQ(next().verifiableVersion(rule, 1).first, RuleVersionState::Usable);
    m_rules.setVersionEnabled(m_main, rule, 2, false);
    EXPECT_EQ(next().issuableVersion(m_appId, "personal")->version, 1u);
    EXPECT_EQ(next().verifiableVersion(rule, 2).first, RuleVersionState::VersionDisabled);
    m_rules.setVersionEnabled(m_main, rule, 1, false);
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal"));
    EXPECT_EQ(next().verifiableVersion(rule, 3).first, RuleVersionState::Unknown);
    EXPECT_EQ(next().verifiableVersion(rule + 1000, 1).first, RuleVersionState::Unknown);
    EXPECT_FALSE(next().verifiableVersion(rule, 3).second);
}

TEST_F(TestCodeEngineStore, EachAdminSwitchStopsIssuing)
{
    const Poco::Int64 rule = usableRule("Switches");
    m_rules.setEnabled(m_main, rule, false);
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal"));
    EXPECT_EQ(next().verifiableVersion(rule, 1).first, RuleVersionState::RuleDisabled);
    m_rules.setEnabled(m_main, rule, true);
    ASSERT_TRUE(next().issuableVersion(m_appId, "personal"));

    m_apps.setEnabled(m_sub, m_appId, false);
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal")) << "disabled app";
    m_apps.setEnabled(m_sub, m_appId, true);
    m_platforms.setEnabled(m_main, m_sub.platformId, false);
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal")) << "disabled platform";
    m_platforms.setEnabled(m_main, m_sub.platformId, true);
    m_apps.setEnabled(m_sub, m_appId, true);
    ASSERT_TRUE(next().issuableVersion(m_appId, "personal"));

    m_rules.unlink(m_sub, m_appId, rule);
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal")) << "unlinked";
    m_rules.link(m_sub, m_appId, {rule});
    m_rules.setEnabled(m_main, rule, false);
    m_rules.removeFromPool(m_main, rule);
    m_rules.setEnabled(m_main, rule, true);
    EXPECT_FALSE(next().issuableVersion(m_appId, "personal")) << "removed from the pool";
}

TEST_F(TestCodeEngineStore, PermissionsAndTerminals)
{
    EXPECT_FALSE(next().appPermissions(m_appId).generate);
    EXPECT_FALSE(next().appPermissions(m_appId).scan);
    m_permissions.set(m_sub, m_appId, *json(R"({"generate":true})"));
    EXPECT_TRUE(next().appPermissions(m_appId).generate);
    EXPECT_FALSE(next().appPermissions(m_appId).scan);
    m_permissions.set(m_sub, m_appId, *json(R"({"generate":false,"scan":true})"));
    EXPECT_FALSE(next().appPermissions(m_appId).generate);
    EXPECT_TRUE(next().appPermissions(m_appId).scan);

    const auto key = citycode::common::PrivateKey::generate(citycode::common::CodeAlg::Sm2Sm3).publicKey();
    Poco::JSON::Object input;
    input.set("terminalCode", "gate-7");
    input.set("name", "Gate 7");
    input.set("publicKeyPem", key.toPem());
    const Poco::Int64 id = m_terminals.create(m_sub, input)->getValue<Poco::Int64>("id");
    const auto terminal = next().terminal("gate-7");
    ASSERT_TRUE(terminal);
    EXPECT_EQ(terminal->id, id);
    EXPECT_EQ(terminal->platformId, m_sub.platformId);
    EXPECT_TRUE(terminal->enabled);
    EXPECT_EQ(citycode::common::PublicKey::fromPem(terminal->publicKeyPem).keyId(), key.keyId());
    m_terminals.setEnabled(m_sub, id, false);
    EXPECT_FALSE(next().terminal("gate-7")->enabled);
    m_terminals.remove(m_sub, id);
    EXPECT_FALSE(next().terminal("gate-7"));
    EXPECT_FALSE(next().terminal("GATE-7"));
}

TEST_F(TestCodeEngineStore, KeptAnswersLastUntilTheDatabaseChanges)
{
    usableRule("Kept");
    m_permissions.set(m_sub, m_appId, *json(R"({"generate":true,"scan":true})"));
    next().flush();
    ASSERT_TRUE(next().issuableVersion(m_appId, "personal"));
    ASSERT_TRUE(m_store.appPermissions(m_appId).scan);
    ASSERT_TRUE(m_store.appById(m_appId));
    const std::size_t kept = m_store.cachedEntries();
    EXPECT_GE(kept, 3u);
    // Another node switches the app's scan permission off and disables the app with plain SQL.
    {
        Poco::Data::Session session = m_database.session();
        session << "UPDATE app_code_permissions SET can_scan = 0 WHERE app_id = " + std::to_string(m_appId),
            Poco::Data::Keywords::now;
        session << "UPDATE apps SET status = 'disabled' WHERE id = " + std::to_string(m_appId),
            Poco::Data::Keywords::now;
    }
    // Within the request that was running, the answers are the kept ones...
    EXPECT_TRUE(m_store.appPermissions(m_appId).scan);
    EXPECT_EQ(m_store.cachedEntries(), kept);
    // ...and the next request sees the change.
    EXPECT_FALSE(next().appPermissions(m_appId).scan);
    EXPECT_FALSE(m_store.appById(m_appId)->enabled);
    EXPECT_FALSE(m_store.appByCode(m_store.appById(m_appId)->appCode)->enabled);
    EXPECT_FALSE(m_store.issuableVersion(m_appId, "personal"));

    // A request with no change in between reads nothing again: the answers stay kept.
    const std::size_t after = m_store.cachedEntries();
    next();
    EXPECT_EQ(m_store.cachedEntries(), after);
}

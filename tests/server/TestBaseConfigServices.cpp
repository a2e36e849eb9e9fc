// The base-configuration services (001 §4.3-4.6) against a real, freshly migrated SQLite file:
// platform rules, apps with their developer, the shelf, developer secrets sealed at rest, and the
// tenant scope of a sub-platform operator.
#include "DatabaseFile.h"
#include "TempDir.h"
#include "citycode/common/Error.h"
#include "services/AppService.h"
#include "services/OnboardingService.h"
#include "services/PersonalDataCipher.h"
#include "services/PlatformService.h"
#include "services/SetupService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Logger.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <sys/stat.h>

using namespace citycode::server;
using namespace citycode::test;
using citycode::common::Error;

namespace {

Poco::JSON::Object body(std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>> fields)
{
    Poco::JSON::Object object;
    for (const auto& [key, value] : fields)
        object.set(key, value);
    return object;
}

template <typename F>
std::string errorOf(F&& action)
{
    try {
        action();
    } catch (const Error& e) {
        return e.code();
    }
    return "no error";
}

class TestBaseConfigServices : public ::testing::Test
{
protected:
    TestBaseConfigServices()
    {
        Migrations(m_database, m_log).apply();
        SetupService(m_database, m_log).initialize({"Main", "Initial-Password-1", ""});
        m_main.operatorId = 1;
        m_main.platformId = 1;
        m_main.mainPlatform = true;
        CreatedPlatform first =
            m_platforms.create(m_main, body({{"name", "Transport"}, {"adminUsername", "transport"}}));
        CreatedPlatform second = m_platforms.create(m_main, body({{"name", "Health"}, {"adminUsername", "health"}}));
        m_subA.platformId = first.platform->getValue<Poco::Int64>("id");
        m_subB.platformId = second.platform->getValue<Poco::Int64>("id");
        m_firstPassword = first.adminPassword;
        DatabaseFile db(m_dir.file("test.db"));
        m_subA.operatorId = std::stoll(db.value("SELECT id FROM operators WHERE username = 'transport'"));
        m_subB.operatorId = std::stoll(db.value("SELECT id FROM operators WHERE username = 'health'"));
    }

    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
    Database m_database{"sqlite:test.db", m_dir.path(), 4};
    PersonalDataCipher m_cipher = PersonalDataCipher::fromKeyFile(m_dir.file("keys/data.key"));
    PlatformService m_platforms{m_database};
    AppService m_apps{m_database, m_cipher};
    OnboardingService m_onboarding{m_database, m_cipher, m_apps};
    Principal m_main;
    Principal m_subA;
    Principal m_subB;
    std::string m_firstPassword;
};

} // namespace

TEST_F(TestBaseConfigServices, SubPlatformCreationCreatesItsAdministrator)
{
    DatabaseFile db(m_dir.file("test.db"));
    EXPECT_EQ(db.value("SELECT must_change_password FROM operators WHERE username = 'transport'"), "1");
    EXPECT_EQ(db.value("SELECT platform_id FROM operators WHERE username = 'transport'"),
              std::to_string(m_subA.platformId));
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM operator_roles r JOIN operators o ON o.id = r.operator_id"
                       " WHERE o.username = 'transport'"),
              "1");
    EXPECT_GE(m_firstPassword.size(), 16u);
    EXPECT_EQ(errorOf([&] {
                  m_platforms.create(m_main, body({{"name", "Other"}, {"adminUsername", "transport"}}));
              }),
              "OPERATOR_NAME_TAKEN");
    EXPECT_EQ(errorOf([&] {
                  m_platforms.create(m_main, body({{"name", "Health"}, {"adminUsername", "x-y-z"}}));
              }),
              "PLATFORM_NAME_TAKEN");
    EXPECT_EQ(errorOf([&] {
                  m_platforms.create(m_subA, body({{"name", "Mine"}, {"adminUsername", "mine"}}));
              }),
              "FORBIDDEN");
}

TEST_F(TestBaseConfigServices, MainPlatformIsNeverDisabledOrDeleted)
{
    EXPECT_EQ(errorOf([&] { m_platforms.setEnabled(m_main, 1, false); }), "MAIN_PLATFORM_PROTECTED");
    EXPECT_EQ(errorOf([&] { m_platforms.remove(m_main, 1); }), "MAIN_PLATFORM_PROTECTED");
}

TEST_F(TestBaseConfigServices, DisablingCascadesToAppsAndIsRefusedWhileOnShelf)
{
    const CreatedApp app = m_apps.create(m_subA, body({{"name", "Bus"}, {"developerName", "Bus dev"}}));
    const Poco::Int64 appId = app.app->getValue<Poco::Int64>("id");
    EXPECT_EQ(app.app->getValue<Poco::Int64>("platformId"), m_subA.platformId);
    m_apps.list(m_subA, appId, 0);
    EXPECT_EQ(errorOf([&] { m_platforms.setEnabled(m_main, m_subA.platformId, false); }), "PLATFORM_APP_ON_SHELF");
    EXPECT_EQ(errorOf([&] { m_apps.setEnabled(m_subA, appId, false); }), "APP_ON_SHELF");
    EXPECT_EQ(errorOf([&] { m_platforms.remove(m_main, m_subA.platformId); }), "PLATFORM_HAS_APPS");
    m_apps.unlist(m_subA, appId);
    const auto platform = m_platforms.setEnabled(m_main, m_subA.platformId, false);
    EXPECT_EQ(platform->getValue<std::string>("status"), "disabled");
    EXPECT_EQ(m_apps.get(m_subA, appId)->getValue<std::string>("status"), "disabled");
    EXPECT_EQ(errorOf([&] {
                  m_apps.create(m_subA, body({{"name", "Metro"}, {"developerName", "d"}}));
              }),
              "PLATFORM_DISABLED");
}

TEST_F(TestBaseConfigServices, AppsAreDeletedOnlyWhenDisabledAndPlatformsOnlyWithoutApps)
{
    const CreatedApp app = m_apps.create(m_subB, body({{"name", "Clinic"}, {"developerName", "dev"}}));
    const Poco::Int64 appId = app.app->getValue<Poco::Int64>("id");
    EXPECT_EQ(errorOf([&] { m_apps.remove(m_subB, appId); }), "APP_NOT_DISABLED");
    m_apps.setEnabled(m_subB, appId, false);
    m_apps.remove(m_subB, appId);
    EXPECT_EQ(errorOf([&] { m_apps.get(m_subB, appId); }), "NOT_FOUND");
    m_platforms.remove(m_main, m_subB.platformId);
    EXPECT_EQ(errorOf([&] { m_platforms.get(m_main, m_subB.platformId); }), "NOT_FOUND");
    DatabaseFile db(m_dir.file("test.db"));
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM operators WHERE username = 'health'"), "0");
}

TEST_F(TestBaseConfigServices, SecretIsShownOnceStoredSealedAndRotatable)
{
    const CreatedApp app = m_apps.create(m_subA, body({{"name", "Bus"}, {"developerName", "Bus dev"}}));
    const std::string appCode = app.app->getValue<std::string>("appCode");
    EXPECT_EQ(app.secret.size(), 64u);
    EXPECT_EQ(appCode.size(), 30u);
    EXPECT_EQ(m_apps.secretOfApp(appCode), app.secret);
    EXPECT_FALSE(app.developer->has("secret"));
    const Poco::Int64 developerId = app.developer->getValue<Poco::Int64>("id");
    EXPECT_EQ(app.developer->getValue<std::string>("number"), "D" + std::string(7, '0') + std::to_string(developerId));
    const std::string rotated = m_apps.rotateSecret(m_subA, developerId);
    EXPECT_NE(rotated, app.secret);
    EXPECT_EQ(m_apps.secretOfApp(appCode), rotated);

    DatabaseFile db(m_dir.file("test.db"));
    for (const auto& table : {"developers", "operators", "apps"}) {
        for (const auto& row : db.rows(std::string("SELECT * FROM ") + table)) {
            for (const std::string& value : row) {
                EXPECT_EQ(value.find(rotated), std::string::npos) << table;
                EXPECT_EQ(value.find(m_firstPassword), std::string::npos) << table;
            }
        }
    }
}

TEST_F(TestBaseConfigServices, SubPlatformOperatorSeesNothingOfAnotherPlatform)
{
    const CreatedApp foreign = m_apps.create(m_subB, body({{"name", "Clinic"}, {"developerName", "dev"}}));
    const Poco::Int64 appId = foreign.app->getValue<Poco::Int64>("id");
    const Poco::Int64 developerId = foreign.developer->getValue<Poco::Int64>("id");
    m_apps.create(m_subA, body({{"name", "Bus"}, {"developerName", "dev"}}));

    ListQuery smuggled;
    smuggled.filters["platformId"] = std::to_string(m_subB.platformId);
    EXPECT_EQ(m_apps.list(m_subA, smuggled).total, 0);
    EXPECT_EQ(m_apps.list(m_subA, {}).total, 1);
    EXPECT_EQ(m_apps.list(m_main, {}).total, 2);
    EXPECT_EQ(m_apps.developers(m_subA, {}).total, 1);
    EXPECT_EQ(m_platforms.list(m_subA, {}).total, 1);
    ListQuery byId;
    byId.filters["id"] = std::to_string(m_subB.platformId);
    EXPECT_EQ(m_platforms.list(m_subA, byId).total, 0);

    const auto notFound = [](auto&& action) { return errorOf(action); };
    EXPECT_EQ(notFound([&] { m_apps.get(m_subA, appId); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_apps.update(m_subA, appId, body({{"name", "x"}})); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_apps.setEnabled(m_subA, appId, false); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_apps.remove(m_subA, appId); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_apps.list(m_subA, appId, 0); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_apps.rotateSecret(m_subA, developerId); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_apps.renameDeveloper(m_subA, developerId, body({{"name", "x"}})); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_platforms.get(m_subA, m_subB.platformId); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_platforms.update(m_subA, m_subB.platformId, body({{"name", "x"}})); }), "NOT_FOUND");
    EXPECT_EQ(notFound([&] { m_platforms.remove(m_subA, m_subB.platformId); }), "NOT_FOUND");
    EXPECT_EQ(m_apps.get(m_main, appId)->getValue<std::string>("name"), "Clinic");
}

TEST_F(TestBaseConfigServices, ListsPageSortAndRefuseUnknownSortKeys)
{
    for (int i = 0; i < 5; ++i)
        m_apps.create(m_main, body({{"name", "App " + std::to_string(i)}, {"developerName", "d"}}));
    ListQuery query;
    query.pageSize = 2;
    query.page = 2;
    query.sort = "name";
    const ListPage page = m_apps.list(m_main, query);
    EXPECT_EQ(page.total, 5);
    ASSERT_EQ(page.items.size(), 2u);
    EXPECT_EQ(page.items[0]->getValue<std::string>("name"), "App 2");
    query.sort = "app_code; DROP TABLE apps";
    EXPECT_EQ(errorOf([&] { m_apps.list(m_main, query); }), "BAD_REQUEST");
    ListQuery like;
    like.filters["name"] = "%";
    EXPECT_EQ(m_apps.list(m_main, like).total, 0);
}

TEST_F(TestBaseConfigServices, AppApplicationIsReviewedAndItsContactIsNeverStoredInClear)
{
    const auto submitted = m_onboarding.submitApplication(m_subA, body({{"appName", "12345 hotline"},
                                                                        {"organisation", "City office"},
                                                                        {"contactName", "刘川福"},
                                                                        {"contactPhone", "18629579886"},
                                                                        {"description", "hotline"}}));
    EXPECT_EQ(submitted->getValue<std::string>("status"), "pending");
    EXPECT_EQ(submitted->getValue<std::string>("contactName"), "刘**");
    EXPECT_EQ(submitted->getValue<std::string>("contactPhone"), "186****9886");
    EXPECT_FALSE(submitted->has("contactPhoneHash"));
    const Poco::Int64 id = submitted->getValue<Poco::Int64>("id");

    ListQuery byPhone;
    byPhone.filters["contactPhone"] = "18629579886";
    EXPECT_EQ(m_onboarding.listApplications(m_subA, byPhone).total, 1);
    byPhone.filters["contactPhone"] = "18629579887";
    EXPECT_EQ(m_onboarding.listApplications(m_subA, byPhone).total, 0);
    EXPECT_EQ(m_onboarding.listApplications(m_subB, {}).total, 0);

    CreatedApp created;
    EXPECT_EQ(errorOf([&] { m_onboarding.review(m_subB, id, body({{"approve", true}}), created); }), "NOT_FOUND");
    EXPECT_EQ(errorOf([&] { m_onboarding.review(m_main, id, body({{"approve", false}}), created); }), "BAD_REQUEST");
    const auto approved = m_onboarding.review(m_main, id, body({{"approve", true}}), created);
    EXPECT_EQ(approved->getValue<std::string>("status"), "approved");
    EXPECT_EQ(created.secret.size(), 64u);
    EXPECT_EQ(created.app->getValue<Poco::Int64>("platformId"), m_subA.platformId);
    EXPECT_EQ(m_apps.secretOfApp(created.app->getValue<std::string>("appCode")), created.secret);
    EXPECT_EQ(errorOf([&] {
                  m_onboarding.review(m_main, id, body({{"approve", true}}), created);
              }),
              "APPLICATION_REVIEWED");

    // Must-show 6: no clear-text name, phone, password or secret anywhere in the file.
    m_database.close();
    std::string bytes = readFile(m_dir.file("test.db"));
    if (std::filesystem::exists(m_dir.file("test.db-wal"))) // checkpointed and removed at close, normally
        bytes += readFile(m_dir.file("test.db-wal"));
    for (const std::string& secret : {std::string("刘川福"), std::string("18629579886"), m_firstPassword,
                                      std::string("Initial-Password-1"), created.secret})
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
    EXPECT_NE(bytes.find("12345 hotline"), std::string::npos); // the check can see clear text
}

TEST(TestPersonalDataCipher, KeyFileIsCreatedPrivateAndACorruptOneIsRefused)
{
    TempDir dir;
    const std::string path = dir.file("keys/data.key");
    const PersonalDataCipher cipher = PersonalDataCipher::fromKeyFile(path);
    struct stat info
    {
    };
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(std::filesystem::file_size(path), 16u);
    const std::string sealed = cipher.seal("13812345678", "t.phone");
    EXPECT_EQ(sealed.find("13812345678"), std::string::npos);
    EXPECT_EQ(PersonalDataCipher::fromKeyFile(path).open(sealed, "t.phone"), "13812345678");
    EXPECT_EQ(errorOf([&] { cipher.open(sealed, "t.name"); }), "CRYPTO_AEAD_FAILED");
    EXPECT_EQ(cipher.searchHash("13812345678", "t.phone"), cipher.searchHash("13812345678", "t.phone"));
    EXPECT_NE(cipher.searchHash("13812345678", "t.phone"), cipher.searchHash("13812345679", "t.phone"));
    writeFile(path, "short");
    EXPECT_EQ(errorOf([&] { PersonalDataCipher::fromKeyFile(path); }), "DATA_KEY_INVALID");
}

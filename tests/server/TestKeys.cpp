// The code keys (KeyStore.h, KeyService): created at first use, sealed at rest under the data
// key, rotated with an overlap during which the old key still verifies, scoped to the caller's
// platform, and never two current keys when several nodes create a platform's first key at once.
// Runs on SQLite and, as pg.TestKeys, on PostgreSQL.
#include "TempDir.h"
#include "TestBackend.h"
#include "citycode/common/CodePayload.h"
#include "citycode/common/Error.h"
#include "services/KeyService.h"
#include "services/PersonalDataCipher.h"
#include "services/PlatformService.h"
#include "services/SettingsService.h"
#include "services/SetupService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/RecordStore.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <gtest/gtest.h>

#include <ctime>
#include <set>
#include <thread>

using namespace citycode::server;
using namespace citycode::test;
using citycode::common::Bytes;
using citycode::common::CodeAlg;
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

std::int64_t unixNow()
{
    return static_cast<std::int64_t>(std::time(nullptr));
}

class TestKeys : public ::testing::Test
{
protected:
    TestKeys()
    {
        Migrations(m_database, m_log).apply();
        SetupService(m_database, m_log).initialize({"Main", "Initial-Password-1", ""});
        m_main.operatorId = 1;
        m_main.platformId = 1;
        m_main.mainPlatform = true;
        m_subA.platformId = m_platforms.create(m_main, body({{"name", "Transport"}, {"adminUsername", "transport"}}))
                                .platform->getValue<Poco::Int64>("id");
        m_subB.platformId = m_platforms.create(m_main, body({{"name", "Health"}, {"adminUsername", "health"}}))
                                .platform->getValue<Poco::Int64>("id");
    }

    std::vector<Poco::JSON::Object::Ptr> rows(const std::string& sql, const std::vector<SqlValue>& values = {})
    {
        Poco::Data::Session session = m_database.session();
        return RecordStore(session).select(sql, values);
    }

    Poco::Int64 count(const std::string& sql, const std::vector<SqlValue>& values = {})
    {
        Poco::Data::Session session = m_database.session();
        return RecordStore(session).scalar(sql, values);
    }

    TempDir m_dir;
    Poco::Logger& m_log = Poco::Logger::get("test");
    Database m_database{TestBackend::postgresql() ? TestBackend::createDatabase() : "sqlite:citycode.db", m_dir.path(),
                        24};
    PersonalDataCipher m_cipher = PersonalDataCipher::fromKeyFile(m_dir.file("keys/data.key"));
    SettingsService m_settings{m_database};
    KeyService m_keys{m_database, m_cipher, m_settings, KeyService::Options{}};
    PlatformService m_platforms{m_database};
    Principal m_main;
    Principal m_subA;
    Principal m_subB;
};

} // namespace

TEST_F(TestKeys, PrepareCreatesTheMainPlatformKeysOnce)
{
    m_keys.prepare();
    m_keys.prepare();
    EXPECT_EQ(count("SELECT COUNT(*) FROM code_keys WHERE platform_id = 1 AND status = 'current'"), 3);
    const MacKey mac = m_keys.currentMacKey(1);
    EXPECT_EQ(mac.keyId.size(), citycode::common::kKeyIdSize);
    EXPECT_EQ(mac.alg, CodeAlg::HmacSm3);
    EXPECT_EQ(mac.secret.size(), 32u);
    EXPECT_EQ(mac.platformId, 1);
    const SigningKey sign = m_keys.currentSigningKey(1);
    ASSERT_TRUE(sign.key);
    EXPECT_EQ(sign.key->alg(), CodeAlg::Sm2Sm3); // 003 §7.2.2: SM2 by default
    EXPECT_EQ(sign.keyId, sign.key->publicKey().keyId());
    // The anchor signs trust lists only, never codes: it is not a signing key.
    const Bytes anchorId = m_keys.anchorKey().publicKey().keyId();
    EXPECT_NE(anchorId, sign.keyId);
    EXPECT_FALSE(m_keys.signingKey(anchorId, unixNow()));
}

TEST_F(TestKeys, KeyMaterialIsSealedAtRestUnderTheDataKey)
{
    const MacKey mac = m_keys.currentMacKey(m_subA.platformId);
    const SigningKey sign = m_keys.currentSigningKey(m_subA.platformId);
    const std::string macHex = citycode::common::toHex(mac.secret);
    for (const auto& row : rows("SELECT secret_sealed FROM code_keys WHERE platform_id = $1", {m_subA.platformId})) {
        const std::string sealed = row->getValue<std::string>("secret_sealed");
        EXPECT_EQ(sealed.find("PRIVATE KEY"), std::string::npos);
        EXPECT_EQ(sealed.find(macHex), std::string::npos);
        EXPECT_GT(sealed.size(), 40u);
    }
    // Another node with the same data key reads the same keys...
    SettingsService settings(m_database);
    KeyService sameKey(m_database, m_cipher, settings, KeyService::Options{});
    const auto found = sameKey.macKey(mac.keyId, unixNow());
    ASSERT_TRUE(found);
    EXPECT_EQ(found->secret, mac.secret);
    // ...one with another data key cannot open them.
    const PersonalDataCipher otherCipher(citycode::common::randomBytes(16));
    KeyService wrongKey(m_database, otherCipher, settings, KeyService::Options{});
    EXPECT_EQ(errorOf([&] { wrongKey.signingKey(sign.keyId, unixNow()); }), "CRYPTO_AEAD_FAILED");
}

TEST_F(TestKeys, RotationKeepsTheOldKeyVerifyingUntilTheEndOfTheOverlap)
{
    const SigningKey old = m_keys.currentSigningKey(m_subA.platformId);
    const std::int64_t rotatedAt = unixNow();
    const auto rotated =
        m_keys.rotate(m_subA, body({{"purpose", "sign"}, {"alg", "ECDSA-P256"}, {"overlapSeconds", 120}}));
    EXPECT_EQ(rotated->getValue<std::string>("alg"), "ECDSA-P256");
    EXPECT_EQ(rotated->getValue<std::string>("status"), "current");
    EXPECT_FALSE(rotated->has("secretSealed"));
    const SigningKey fresh = m_keys.currentSigningKey(m_subA.platformId);
    EXPECT_NE(fresh.keyId, old.keyId);
    EXPECT_EQ(fresh.key->alg(), CodeAlg::EcdsaP256);
    EXPECT_EQ(citycode::common::toHex(fresh.keyId), rotated->getValue<std::string>("keyId"));

    // Within the overlap both verify; after it only the new one.
    EXPECT_TRUE(m_keys.signingKey(old.keyId, rotatedAt + 60));
    EXPECT_TRUE(m_keys.signingKey(fresh.keyId, rotatedAt + 60));
    EXPECT_FALSE(m_keys.signingKey(old.keyId, rotatedAt + 125));
    EXPECT_TRUE(m_keys.signingKey(fresh.keyId, rotatedAt + 125));
    EXPECT_EQ(count("SELECT COUNT(*) FROM code_keys WHERE platform_id = $1 AND purpose = 'sign'"
                    " AND status = 'current'",
                    {m_subA.platformId}),
              1);

    // A code sealed with the old MAC key still verifies after a MAC rotation (overlap).
    const MacKey oldMac = m_keys.currentMacKey(m_subA.platformId);
    m_keys.rotate(m_subA, body({{"purpose", "mac"}}));
    const MacKey newMac = m_keys.currentMacKey(m_subA.platformId);
    EXPECT_NE(newMac.keyId, oldMac.keyId);
    const auto stillValid = m_keys.macKey(oldMac.keyId, unixNow());
    ASSERT_TRUE(stillValid);
    EXPECT_EQ(stillValid->secret, oldMac.secret);
}

TEST_F(TestKeys, LookupsAnswerNothingForUnknownOrMismatchedKeys)
{
    const MacKey mac = m_keys.currentMacKey(m_subB.platformId);
    const SigningKey sign = m_keys.currentSigningKey(m_subB.platformId);
    EXPECT_FALSE(m_keys.macKey(citycode::common::randomBytes(8), unixNow()));
    EXPECT_FALSE(m_keys.macKey(Bytes{1, 2, 3}, unixNow()));
    // A MAC key id is never a signing key and the other way round (the verifier picks the kind).
    EXPECT_FALSE(m_keys.signingKey(mac.keyId, unixNow()));
    EXPECT_FALSE(m_keys.macKey(sign.keyId, unixNow()));
    // Not yet valid: far before its creation.
    EXPECT_FALSE(m_keys.macKey(mac.keyId, unixNow() - 3600));
    EXPECT_EQ(errorOf([&] { m_keys.currentMacKey(987654); }), "NOT_FOUND");
}

TEST_F(TestKeys, RotationAndListsStayWithinTheCallersPlatform)
{
    m_keys.currentSigningKey(m_subA.platformId);
    m_keys.currentSigningKey(m_subB.platformId);
    EXPECT_EQ(errorOf([&] {
                  m_keys.rotate(m_subA, body({{"platformId", m_subB.platformId}, {"purpose", "sign"}}));
              }),
              "NOT_FOUND");
    EXPECT_EQ(errorOf([&] { m_keys.rotate(m_subA, body({{"purpose", "anchor"}})); }), "BAD_REQUEST");
    EXPECT_EQ(errorOf([&] { m_keys.rotate(m_subA, body({{"purpose", "sign"}, {"alg", "HMAC-SM3"}})); }), "BAD_REQUEST");
    EXPECT_EQ(errorOf([&] {
                  m_keys.rotate(m_subA, body({{"purpose", "sign"}, {"overlapSeconds", 5}}));
              }),
              "BAD_REQUEST");
    ListQuery query;
    const ListPage page = m_keys.list(m_subA, query);
    ASSERT_GT(page.items.size(), 0u);
    for (const auto& item : page.items) {
        EXPECT_EQ(item->getValue<Poco::Int64>("platformId"), m_subA.platformId);
        EXPECT_FALSE(item->has("secretSealed"));
    }
    const Poco::Int64 foreignId = m_keys.list(m_subB, query).items.front()->getValue<Poco::Int64>("id");
    EXPECT_EQ(errorOf([&] { m_keys.get(m_subA, foreignId); }), "NOT_FOUND");
    EXPECT_NO_THROW(m_keys.get(m_main, foreignId));
}

TEST_F(TestKeys, NodesCreatingAPlatformsFirstKeyAtOnceAgreeOnOneKey)
{
    // Two KeyService objects on one database stand for two server nodes.
    SettingsService settings(m_database);
    KeyService otherNode(m_database, m_cipher, settings, KeyService::Options{});
    const std::int64_t platform = m_subB.platformId;
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::set<Bytes> macIds;
    std::set<Bytes> signIds;
    std::vector<std::string> failures;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            const KeyService& node = i % 2 ? otherNode : m_keys;
            try {
                const Bytes mac = node.currentMacKey(platform).keyId;
                const Bytes sign = node.currentSigningKey(platform).keyId;
                std::lock_guard<std::mutex> lock(mutex);
                macIds.insert(mac);
                signIds.insert(sign);
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_TRUE(failures.empty()) << (failures.empty() ? "" : failures.front());
    EXPECT_EQ(macIds.size(), 1u);
    EXPECT_EQ(signIds.size(), 1u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM code_keys WHERE platform_id = $1", {platform}), 2);
}

TEST_F(TestKeys, EmergencyCodesAreSignedByThePlatformsCurrentKey)
{
    const auto issued = m_keys.issueEmergencyCode(
        m_subA, body({{"subjectRef", "subject-42"}, {"codeType", 1}, {"validitySeconds", 600}}));
    const std::string text = issued->getValue<std::string>("code");
    const auto parsed = citycode::common::parseCode(text);
    const SigningKey key = m_keys.currentSigningKey(m_subA.platformId);
    EXPECT_EQ(parsed.payload.keyId, key.keyId);
    EXPECT_EQ(citycode::common::verifyCodeSignature(parsed, CodeAlg::Sm2Sm3, key.key->publicKey()),
              citycode::common::CodeAuthResult::Ok);
    EXPECT_EQ(parsed.payload.expiresAt - parsed.payload.issuedAt, 600u);
    EXPECT_EQ(citycode::common::toString(parsed.payload.subjectRef), "subject-42");
    EXPECT_EQ(errorOf([&] {
                  m_keys.issueEmergencyCode(m_subA, body({{"platformId", m_subB.platformId}, {"subjectRef", "x"}}));
              }),
              "NOT_FOUND");
    EXPECT_EQ(errorOf([&] {
                  m_keys.issueEmergencyCode(m_subA, body({{"subjectRef", std::string(65, 'x')}}));
              }),
              "BAD_REQUEST");
}

TEST_F(TestKeys, TheDatabaseRefusesASecondCurrentKeyOfAPlatform)
{
    // The last guard against two nodes racing: the partial unique index on current keys.
    m_keys.currentMacKey(m_subA.platformId);
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    EXPECT_ANY_THROW(store.execute("INSERT INTO code_keys (platform_id, purpose, key_id, alg, secret_sealed, status,"
                                   " not_before, created_at) VALUES ($1, 'mac', 'feedfacefeedface', 'HMAC-SM3', 'x',"
                                   " 'current', 0, '2024-01-01T00:00:00.000Z')",
                                   {m_subA.platformId}));
    EXPECT_EQ(count("SELECT COUNT(*) FROM code_keys WHERE platform_id = $1 AND purpose = 'mac'", {m_subA.platformId}),
              1);
}

TEST_F(TestKeys, KeysOfADeletedPlatformNeverServeANewPlatformOfTheSameId)
{
    // SQLite may give a deleted platform's id to the next platform; its keys must not pass over.
    const auto created = m_platforms.create(m_main, body({{"name", "Short-lived"}, {"adminUsername", "shortlived"}}));
    const Poco::Int64 id = created.platform->getValue<Poco::Int64>("id");
    const SigningKey old = m_keys.currentSigningKey(id);
    m_platforms.remove(m_main, id);
    m_keys.invalidate();
    EXPECT_FALSE(m_keys.signingKey(old.keyId, unixNow()));
    // A platform with the same id, created later (forced on PostgreSQL, which never reuses ids).
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    {
        Poco::Data::Session session = m_database.session();
        RecordStore(session).execute("INSERT INTO platforms (id, kind, name, created_at, updated_at)"
                                     " VALUES ($1, 'sub', 'Reborn', $2, $3)",
                                     {id, Database::timestampNow(), Database::timestampNow()});
    }
    const SigningKey fresh = m_keys.currentSigningKey(id);
    EXPECT_NE(fresh.keyId, old.keyId);
    EXPECT_FALSE(m_keys.signingKey(old.keyId, unixNow()));
    ListQuery query;
    query.filters["platformId"] = std::to_string(id);
    EXPECT_EQ(m_keys.list(m_main, query).total, 1);
}

// 002 §5.2.5 key policy: keys current for keyRotationDays are rotated once, even by two nodes at
// the same moment, with the overlap; nothing else is touched, and 0 days means never.
TEST_F(TestKeys, KeysCurrentForTheRotationIntervalAreRotatedOnce)
{
    const MacKey oldMac = m_keys.currentMacKey(m_subA.platformId);
    const SigningKey oldSign = m_keys.currentSigningKey(m_subA.platformId);
    const auto age = [&] {
        Poco::Data::Session session = m_database.session();
        RecordStore(session).execute("UPDATE code_keys SET not_before = not_before - 172800"
                                     " WHERE platform_id = $1 AND status = 'current' AND purpose IN ('sign', 'mac')",
                                     {m_subA.platformId});
    };
    age();
    EXPECT_TRUE(m_keys.rotateDue().empty()) << "keyRotationDays 0: rotation by hand only";

    m_settings.update(m_main, body({{"keyRotationDays", 3}}));
    EXPECT_TRUE(m_keys.rotateDue().empty()) << "two days old, three allowed";
    m_settings.update(m_main, body({{"keyRotationDays", 1}}));

    // Two nodes find the keys due at the same moment.
    KeyService otherNode{m_database, m_cipher, m_settings, KeyService::Options{}};
    std::vector<KeyService::Rotated> first;
    std::vector<KeyService::Rotated> second;
    std::thread a([&] { first = m_keys.rotateDue(); });
    std::thread b([&] { second = otherNode.rotateDue(); });
    a.join();
    b.join();
    std::vector<KeyService::Rotated> all = first;
    all.insert(all.end(), second.begin(), second.end());
    ASSERT_EQ(all.size(), 2u);
    for (const auto& rotated : all)
        EXPECT_EQ(rotated.platformId, m_subA.platformId);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM code_keys WHERE platform_id = $1 AND status = 'current'", {m_subA.platformId}), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM code_keys WHERE platform_id = $1", {m_subA.platformId}), 4);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM code_keys WHERE platform_id <> $1 AND status = 'retired'", {m_subA.platformId}), 0);

    m_keys.invalidate();
    EXPECT_NE(m_keys.currentMacKey(m_subA.platformId).keyId, oldMac.keyId);
    EXPECT_NE(m_keys.currentSigningKey(m_subA.platformId).keyId, oldSign.keyId);
    EXPECT_TRUE(m_keys.macKey(oldMac.keyId, unixNow() + 60)) << "the old key verifies during the overlap";
    EXPECT_TRUE(m_keys.rotateDue().empty()) << "the new keys are not due";
}

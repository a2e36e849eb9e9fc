// Issue 4, must-show 3: a dynamic code is accepted once, however the scans arrive (QUALITY.md
// "Codes"). 50 concurrent decodes of one code: exactly one succeeds, the others answer CODE_USED.
// Two server processes on one PostgreSQL database (production's several nodes): a code used at one
// is refused at the other, and a signed request replayed at the other node is refused too.
// The two-node case always runs on PostgreSQL — also in the SQLite run — so it needs
// CITYCODE_TEST_POSTGRES_URL and FAILS without it (a skipped replay test proves nothing).
#include "AdminSession.h"
#include "OpenApiClient.h"
#include "OpenApiSetup.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

using namespace citycode;
using namespace citycode::test;

namespace {

// A PostgreSQL database of the cluster CITYCODE_TEST_POSTGRES_URL, whatever backend this run tests.
std::string sharedPostgresDatabase()
{
    const char* admin = std::getenv("CITYCODE_TEST_POSTGRES_URL");
    if (!admin || !*admin)
        throw std::runtime_error("CITYCODE_TEST_POSTGRES_URL is not set: the two-node replay test needs a "
                                 "PostgreSQL cluster in every run (scripts/postgres.sh start)");
    // TestBackend creates (and drops at exit) databases only in PostgreSQL runs: switch it on for
    // the creation, then restore this run's setting for everything else.
    const char* backend = std::getenv("CITYCODE_TEST_BACKEND");
    const std::string saved = backend ? backend : "";
    ::setenv("CITYCODE_TEST_BACKEND", "postgresql", 1);
    std::string url;
    try {
        url = TestBackend::createDatabase();
    } catch (...) {
        saved.empty() ? ::unsetenv("CITYCODE_TEST_BACKEND") : ::setenv("CITYCODE_TEST_BACKEND", saved.c_str(), 1);
        throw;
    }
    saved.empty() ? ::unsetenv("CITYCODE_TEST_BACKEND") : ::setenv("CITYCODE_TEST_BACKEND", saved.c_str(), 1);
    return url;
}

struct World
{
    OpenApiApp app;
    Poco::Int64 ruleId = 0;
    std::string userId;
};

World prepare(int port, const common::PrivateKey& terminalKey)
{
    OpenApiSetup setup(port);
    World world;
    world.app = setup.createApp("Concurrency app");
    world.ruleId = setup.createRule("personal", world.app.platformId, {"name"});
    setup.link(world.app.id, world.ruleId);
    setup.permissions(world.app.id, true, true);
    setup.registerTerminal("GATE-1", terminalKey, world.app.platformId);
    world.userId = OpenApiSetup::openUser(OpenApiClient::app(port, world.app.code, world.app.secret), "personal",
                                          world.ruleId, OpenApiSetup::person(5));
    return world;
}

std::string show(int port, const World& world)
{
    const OpenApiClient app = OpenApiClient::app(port, world.app.code, world.app.secret);
    const HttpResponse answer =
        app.post("/api/showPersonalCode", OpenApiSetup::showBody(app, world.ruleId, world.userId));
    if (OpenApiClient::errorCode(answer) != "0")
        throw std::runtime_error("show failed: " + answer.body);
    return OpenApiClient::data(answer)->getValue<std::string>("codeContent");
}

std::string decode(int port, const common::PrivateKey& key, const std::string& code)
{
    const HttpResponse answer = OpenApiClient::terminal(port, "GATE-1", key)
                                    .post("/identity/decodeIdentityCode", OpenApiSetup::decodeBody(code));
    return OpenApiClient::errorCode(answer);
}

TEST(TestDecodeConcurrency, FiftyConcurrentDecodesOfOneCodeSucceedOnce)
{
    TempDir dir;
    // All 50 scans come from 127.0.0.1: allow them at once (the default is 32 per address).
    ServerProcess server(AdminSession::serverOptions(
        dir.file("data"), {"--set", "server.max_connections_per_address=60", "--set", "server.max_threads=64"}));
    server.start();
    const common::PrivateKey key = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
    const World world = prepare(server.port(), key);

    for (int round = 0; round < 2; ++round) {
        const std::string code = show(server.port(), world);
        constexpr int kScans = 50;
        // Every request is signed first, then all are released at once.
        std::vector<HeaderList> signedHeaders;
        const std::string body = OpenApiClient::json(OpenApiSetup::decodeBody(code));
        const OpenApiClient terminal = OpenApiClient::terminal(server.port(), "GATE-1", key);
        for (int i = 0; i < kScans; ++i)
            signedHeaders.push_back(terminal.sign("/identity/decodeIdentityCode", body));
        std::mutex mutex;
        std::condition_variable go;
        bool started = false;
        std::vector<std::string> results(kScans);
        std::vector<std::thread> threads;
        for (int i = 0; i < kScans; ++i) {
            threads.emplace_back([&, i] {
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    go.wait(lock, [&] { return started; });
                }
                try {
                    results[i] =
                        OpenApiClient::errorCode(terminal.send("/identity/decodeIdentityCode", body, signedHeaders[i]));
                } catch (const std::exception& e) {
                    results[i] = std::string("exception: ") + e.what();
                }
            });
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            started = true;
        }
        go.notify_all();
        for (std::thread& t : threads)
            t.join();
        int success = 0;
        int used = 0;
        for (const std::string& r : results) {
            success += r == "0";
            used += r == "CODE_USED";
            EXPECT_TRUE(r == "0" || r == "CODE_USED") << r;
        }
        EXPECT_EQ(success, 1) << "round " << round;
        EXPECT_EQ(used, kScans - 1) << "round " << round;
    }
}

TEST(TestDecodeConcurrency, TwoServersOnOnePostgresqlShareTheUsedMarksAndNonces)
{
    const std::string database = sharedPostgresDatabase();
    TempDir dir;
    ServerOptions optionsA = AdminSession::serverOptions(dir.file("node-a"));
    optionsA.args.insert(optionsA.args.end(), {"--database-url", database});
    ServerOptions optionsB = AdminSession::serverOptions(dir.file("node-b"));
    optionsB.args.insert(optionsB.args.end(), {"--database-url", database});
    // Both nodes need the same data key to read each other's sealed secrets and users.
    ServerProcess nodeA(optionsA);
    nodeA.start();
    const std::string keyFile = dir.file("node-a") + "/keys/data.key";
    optionsB.args.insert(optionsB.args.end(), {"--set", "security.data_key_file=" + keyFile});
    ServerProcess nodeB(optionsB);
    nodeB.start();

    const common::PrivateKey key = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
    const World world = prepare(nodeA.port(), key);

    // Shown at A, used at A, refused at B.
    const std::string first = show(nodeA.port(), world);
    EXPECT_EQ(decode(nodeA.port(), key, first), "0");
    EXPECT_EQ(decode(nodeB.port(), key, first), "CODE_USED");
    // Shown at B, used at B, refused at A.
    const std::string second = show(nodeB.port(), world);
    EXPECT_EQ(decode(nodeB.port(), key, second), "0");
    EXPECT_EQ(decode(nodeA.port(), key, second), "CODE_USED");

    // A signed request answered by A and replayed at B.
    const OpenApiClient app = OpenApiClient::app(nodeA.port(), world.app.code, world.app.secret);
    const std::string body = OpenApiClient::json(OpenApiSetup::showBody(app, world.ruleId, world.userId));
    const HeaderList once = app.sign("/api/showPersonalCode", body);
    EXPECT_EQ(OpenApiClient::errorCode(httpRequest(nodeA.port(), "POST", "/api/showPersonalCode", body, once)), "0");
    EXPECT_EQ(OpenApiClient::errorCode(httpRequest(nodeB.port(), "POST", "/api/showPersonalCode", body, once)),
              "NONCE_REUSED");

    // Concurrent scans of one code at both nodes: still exactly one success.
    const std::string third = show(nodeA.port(), world);
    std::vector<std::string> results(20);
    std::vector<std::thread> threads;
    for (int i = 0; i < 20; ++i) {
        threads.emplace_back([&, i] {
            try {
                results[i] = decode(i % 2 ? nodeA.port() : nodeB.port(), key, third);
            } catch (const std::exception& e) {
                results[i] = e.what();
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    EXPECT_EQ(std::count(results.begin(), results.end(), "0"), 1);
    EXPECT_EQ(std::count(results.begin(), results.end(), "CODE_USED"), 19);
}

} // namespace

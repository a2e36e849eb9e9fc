// Issue 3, must show 5: kill -9 during a stream of admin writes loses no acknowledged write, and
// the database is intact after the restart (SQLite: PRAGMA integrity_check; PostgreSQL: amcheck,
// see DatabaseFile::integrityCheck). It holds because a write is answered only after COMMIT has
// returned, and COMMIT returns only once the data is on disk: SQLite in WAL mode with
// synchronous=FULL syncs the WAL at every commit; PostgreSQL with synchronous_commit=on (the
// default) flushes the commit's WAL record first (see Database.h).
#include "DatabaseFile.h"
#include "ServerProcess.h"
#include "TempDir.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace citycode::test;

namespace {

constexpr char kPassword[] = "Durable-Start-2024";
constexpr char kNewPassword[] = "Durable-Changed-2024!";
constexpr int kWriters = 4;
constexpr int kRounds = 3;

Poco::JSON::Object::Ptr json(const std::string& text)
{
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

class TestCrashDurability : public ::testing::Test
{
protected:
    std::string dataDir() const { return m_dir.file("data"); }

    ServerOptions options() const
    {
        return ServerOptions{
            dataDir(), "127.0.0.1:0", {"--set", "auth.captcha=disabled"}, {{"CITYCODE_ADMIN_PASSWORD", kPassword}}};
    }

    // Signs in as the initial administrator; on the first start its one-time password is
    // changed first, as the server demands. Returns the bearer token.
    std::string signIn(int port)
    {
        for (const std::string& password : {std::string(kNewPassword), std::string(kPassword)}) {
            Poco::JSON::Object login;
            login.set("username", "admin");
            login.set("password", password);
            std::ostringstream body;
            login.stringify(body);
            const HttpResponse answer =
                httpRequest(port, "POST", "/admin/v1/auth/login", body.str(), {{"Content-Type", "application/json"}});
            if (answer.status != 200)
                continue;
            const auto session = json(answer.body);
            const std::string token = session->getValue<std::string>("token");
            if (!session->optValue("mustChangePassword", false))
                return token;
            Poco::JSON::Object change;
            change.set("oldPassword", password);
            change.set("newPassword", std::string(kNewPassword));
            std::ostringstream changeBody;
            change.stringify(changeBody);
            const HttpResponse changed =
                httpRequest(port, "POST", "/admin/v1/auth/password", changeBody.str(),
                            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
            EXPECT_EQ(changed.status, 200) << changed.body;
            return signIn(port);
        }
        ADD_FAILURE() << "cannot sign in as admin";
        return {};
    }

    TempDir m_dir;
};

} // namespace

TEST_F(TestCrashDurability, KillDuringAdminWritesLosesNoAcknowledgedWrite)
{
    std::mt19937 random{std::random_device{}()};
    std::set<Poco::Int64> acknowledged;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        ServerProcess server(options());
        server.start();
        const int port = server.port();
        const std::string token = signIn(port);
        ASSERT_FALSE(token.empty());

        std::mutex mutex;
        std::atomic<bool> stop{false};
        std::atomic<int> attempted{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([&, w] {
                for (int i = 0; !stop; ++i) {
                    Poco::JSON::Object menu;
                    const std::string key = std::to_string(round) + ":" + std::to_string(w) + ":" + std::to_string(i);
                    menu.set("name", "durable " + key);
                    menu.set("permission", "durable:" + key);
                    menu.set("type", std::string("button"));
                    std::ostringstream body;
                    menu.stringify(body);
                    ++attempted;
                    try {
                        const HttpResponse answer =
                            httpRequest(port, "POST", "/admin/v1/menus", body.str(),
                                        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
                        if (answer.status != 201) {
                            ADD_FAILURE() << answer.status << " " << answer.body;
                            return;
                        }
                        // Acknowledged: the client has been told the menu exists.
                        const std::lock_guard lock(mutex);
                        acknowledged.insert(json(answer.body)->getValue<Poco::Int64>("id"));
                    } catch (const std::exception&) {
                        return; // the server was killed mid-request: not acknowledged
                    }
                }
            });
        }
        // A random moment in a busy stream of commits.
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 1200)(random)));
        server.kill();
        stop = true;
        for (auto& t : writers)
            t.join();
        EXPECT_GT(attempted.load(), kWriters) << "the writers never got going";
    }
    ASSERT_GE(acknowledged.size(), 20u) << "too few writes to tell anything";

    {
        // Checked before any server opens the database again: what the kill left on disk.
        DatabaseFile db(dataDir() + "/citycode.db");
        EXPECT_EQ(db.integrityCheck(), "ok");
    }
    ServerProcess again(options());
    again.start();
    const std::string token = signIn(again.port());
    std::size_t missing = 0;
    for (const Poco::Int64 id : acknowledged) {
        const HttpResponse answer = httpRequest(again.port(), "GET", "/admin/v1/menus/" + std::to_string(id), {},
                                                {{"Authorization", "Bearer " + token}});
        if (answer.status != 200) {
            ++missing;
            ADD_FAILURE() << "acknowledged menu " << id << " is gone: " << answer.status;
        }
    }
    EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged writes";
    EXPECT_EQ(again.stop(), 0) << again.errors();
    DatabaseFile db(dataDir() + "/citycode.db");
    EXPECT_EQ(db.integrityCheck(), "ok");
    RecordProperty("acknowledgedWrites", static_cast<int>(acknowledged.size()));
}

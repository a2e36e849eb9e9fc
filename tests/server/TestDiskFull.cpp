// QUALITY.md "Faults and load": a full disk answers 503 STORAGE_FULL (with Retry-After) for
// writes and keeps serving reads; the server recovers when space returns, without a restart; no
// refused write is half-written and the database checks clean after a kill -9.
//
// The disk is real: the server runs in a private mount namespace (unshare --user
// --map-root-user --mount, util-linux) with its data folder on a small tmpfs, and the test fills
// that tmpfs through /proc/PID/root with a ballast file. SQLite only: a PostgreSQL server keeps
// its data elsewhere, so this program is not part of the pg.* loop (tests/server/CMakeLists.txt).
#include "AdminSession.h"
#include "DatabaseFile.h"
#include "OpenApiClient.h"
#include "OpenApiSetup.h"
#include "Process.h"
#include "TempDir.h"
#include "citycode/common/Bytes.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace citycode::test;

namespace {

// Room for the new database, keys and logs, far less than the build machine's disk.
constexpr char kTmpfsSize[] = "24m";
// Writes tried after the ballast before the disk must have refused one: SQLite reuses the room
// already given to its WAL file, so the first few writes after the ballast may still fit.
constexpr int kMaxWritesToFill = 3000;

// The mount command run inside the new namespace; "$0" is the data folder, "$@" the server.
std::vector<std::string> tmpfsWrapper()
{
    return {"unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            std::string("mount -t tmpfs -o size=") + kTmpfsSize + ",mode=0700 tmpfs \"$0\" && exec \"$@\""};
}

// Writes zeros to `path` until the file system says ENOSPC; returns the bytes written.
std::size_t fillUntilFull(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot create the ballast " + path + ": " + std::strerror(errno));
    std::vector<char> block(64 * 1024, 0);
    std::size_t written = 0;
    for (std::size_t size = block.size(); size > 0;) {
        const ssize_t n = ::write(fd, block.data(), size);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == ENOSPC) {
            size /= 2; // the last pages, down to the last byte
        } else {
            const int error = errno;
            ::close(fd);
            throw std::runtime_error("cannot write the ballast: " + std::string(std::strerror(error)));
        }
    }
    ::close(fd);
    return written;
}

std::string regionBody(const std::string& code)
{
    return R"({"code":")" + code + R"(","name":"full disk )" + code + R"("})";
}

// The body of POST /api/openPersonalCode for OpenApiSetup::person(n), as OpenApiSetup::openUser
// sends it, for a call whose refusal is looked at.
std::string openBody(const OpenApiClient& client, Poco::Int64 ruleId, int n)
{
    const TestPerson person = OpenApiSetup::person(n);
    Poco::JSON::Object ext;
    ext.set("name", person.name);
    ext.set("certNo", person.idNumber);
    ext.set("mobile", person.phone);
    Poco::JSON::Object body;
    body.set("cityCodeAppId", client.appCode());
    body.set("codeDefId", std::to_string(ruleId));
    body.set("userExt", citycode::common::toBase64(citycode::common::toBytes(OpenApiClient::json(ext))));
    return OpenApiClient::json(body);
}

// The parameter is log.target: "console" (stderr, checked for the warnings), or "file" (the logs
// folder inside the data folder, so on the full disk too: logging must not bring the server down).
class TestDiskFull : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        if (TestBackend::postgresql())
            GTEST_SKIP() << "not registered for PostgreSQL: its data cannot be put on the test's tmpfs";
        // Fails (never skips) where the machine cannot give the test a real small disk.
        std::filesystem::create_directories(m_dir.file("probe"));
        const ProcessResult probe = runProcess({"unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                                                "mount -t tmpfs -o size=1m tmpfs \"$0\"", m_dir.file("probe")});
        ASSERT_EQ(probe.exitCode, 0)
            << "this test needs a real full disk: it mounts a tmpfs in a private mount namespace with `unshare "
               "--user --map-root-user --mount` (util-linux), which failed here (unprivileged user namespaces "
               "disabled? run as root or allow them, e.g. sysctl kernel.unprivileged_userns_clone=1): "
            << probe.err;
    }

    std::string dataDir() const { return m_dir.file("data"); }

    ServerOptions options()
    {
        std::filesystem::create_directories(dataDir());
        ServerOptions options =
            AdminSession::serverOptions(dataDir(), {"--set", "auth.session_idle_seconds=8", "--set",
                                                    "log.level=warning", "--set", "log.target=" + GetParam()});
        options.wrapper = tmpfsWrapper();
        options.wrapper.push_back(dataDir()); // "$0"
        return options;
    }

    // The data folder as the server sees it, on its tmpfs.
    std::string serverDataDir(const ServerProcess& server) const
    {
        return "/proc/" + std::to_string(server.pid()) + "/root" + dataDir();
    }

    HttpResponse call(const ServerProcess& server, const std::string& method, const std::string& path,
                      const std::string& body = {})
    {
        return AdminSession::call(server.port(), method, path, m_token, body);
    }

    TempDir m_dir;
    std::string m_token;
};

TEST_P(TestDiskFull, WritesAnswer503ReadsGoOnAndWritesComeBack)
{
    ServerProcess server(options());
    server.start(20000);
    // An app that may open city users through the open API (docs/open-api.md).
    OpenApiSetup setup(server.port());
    m_token = setup.token();
    const OpenApiApp app = setup.createApp("Full disk app");
    const Poco::Int64 ruleId = setup.createRule("personal", app.platformId, {"name", "certNo"});
    setup.link(app.id, ruleId);
    setup.permissions(app.id, true, true);
    const OpenApiClient client = OpenApiClient::app(server.port(), app.code, app.secret);
    const std::string firstUser = OpenApiSetup::openUser(client, "personal", ruleId, OpenApiSetup::person(1));
    // A code shown while there is room, verified while the disk is full (the app scans itself).
    const auto shown =
        client.post(OpenApiSetup::showPath("personal"), OpenApiSetup::showBody(client, ruleId, firstUser));
    ASSERT_EQ(shown.status, 200) << shown.body;
    const std::string code = OpenApiClient::data(shown)->getValue<std::string>("codeContent");
    const std::string onTmpfs = serverDataDir(server);
    ASSERT_TRUE(std::filesystem::exists(onTmpfs + "/citycode.db")) << onTmpfs;
    // Held open, the folder stays readable after the server (and with it the namespace) is gone.
    const int folder = ::open(onTmpfs.c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(folder, 0) << std::strerror(errno);
    const std::shared_ptr<void> closeFolder(nullptr, [folder](void*) { ::close(folder); });

    std::set<std::string> acknowledged;
    const auto created = call(server, "POST", "/admin/v1/regions", regionBody("DF0"));
    ASSERT_EQ(created.status, 201) << created.body;
    acknowledged.insert("DF0");

    // Fill the disk; then write until a write is refused.
    const std::string ballast = onTmpfs + "/ballast";
    const std::size_t ballastBytes = fillUntilFull(ballast);
    ASSERT_GT(ballastBytes, 0u);
    HttpResponse refused;
    std::string refusedCode;
    for (int i = 1; i <= kMaxWritesToFill && refused.status == 0; ++i) {
        const std::string code = "DF" + std::to_string(i);
        const HttpResponse answer = call(server, "POST", "/admin/v1/regions", regionBody(code));
        if (answer.status == 201) {
            acknowledged.insert(code);
        } else {
            refused = answer;
            refusedCode = code;
        }
    }
    ASSERT_NE(refused.status, 0) << "the disk never filled up after " << kMaxWritesToFill << " writes";
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_EQ(AdminSession::errorCode(refused), "STORAGE_FULL") << refused.body;
    EXPECT_FALSE(refused.header("Retry-After").empty());
    EXPECT_NE(refused.body.find("requestId"), std::string::npos);

    // Still full: every write is refused the same way, every read answers, repeatedly.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100)); // the session's last_seen is due
    for (int round = 0; round < 5; ++round) {
        const auto write = call(server, "POST", "/admin/v1/regions", regionBody("DFX" + std::to_string(round)));
        EXPECT_EQ(write.status, 503) << write.body;
        EXPECT_EQ(AdminSession::errorCode(write), "STORAGE_FULL");
        const auto list = call(server, "GET", "/admin/v1/regions?pageSize=5");
        EXPECT_EQ(list.status, 200) << list.body;
        const auto one = call(server, "GET", "/admin/v1/operators");
        EXPECT_EQ(one.status, 200) << one.body;
    }
    // The open API's envelope says the same: Response.Error.Code STORAGE_FULL, 503, Retry-After.
    const auto openRefused = client.post(OpenApiSetup::openPath("personal"), openBody(client, ruleId, 2));
    EXPECT_EQ(openRefused.status, 503) << openRefused.body;
    EXPECT_EQ(OpenApiClient::errorCode(openRefused), "STORAGE_FULL") << openRefused.body;
    EXPECT_FALSE(openRefused.header("Retry-After").empty());
    // A verification whose used mark cannot be made durable is not acknowledged.
    const auto decodeRefused = client.post(OpenApiSetup::decodePath("personal"), OpenApiSetup::decodeBody(code));
    EXPECT_EQ(decodeRefused.status, 503) << decodeRefused.body;
    EXPECT_EQ(OpenApiClient::errorCode(decodeRefused), "STORAGE_FULL") << decodeRefused.body;

    EXPECT_TRUE(server.running());
    if (GetParam() == "console") {
        // One warning per refused request, with its request id; nothing reported as a bug.
        const std::string errors = server.errors();
        EXPECT_NE(errors.find("requestId=" + AdminSession::json(refused)->getValue<std::string>("requestId") +
                              " POST /admin/v1/regions: STORAGE_FULL"),
                  std::string::npos)
            << errors;
        EXPECT_EQ(errors.find("[Error]"), std::string::npos) << errors;
        EXPECT_EQ(errors.find("INTERNAL_ERROR"), std::string::npos) << errors;
    }

    if (GetParam() == "file") {
        // More than a page of access-log lines while the disk is full, and time for their batch to
        // be written (BufferedLogChannel): past any slack in the file's last page, a write fails.
        for (int i = 0; i < 40; ++i)
            EXPECT_EQ(call(server, "GET", "/admin/v1/regions?pageSize=1").status, 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(400)); // the flush interval is 100 ms
    }

    // Space returns: the very next write succeeds, on the same server.
    ASSERT_TRUE(std::filesystem::remove(ballast));
    const auto again = call(server, "POST", "/admin/v1/regions", regionBody(refusedCode));
    EXPECT_EQ(again.status, 201) << again.body;
    if (again.status == 201)
        acknowledged.insert(refusedCode);
    // The refused verification left no used mark: the code verifies now, once.
    const auto decoded = client.post(OpenApiSetup::decodePath("personal"), OpenApiSetup::decodeBody(code));
    EXPECT_EQ(decoded.status, 200) << decoded.body;
    EXPECT_EQ(OpenApiClient::errorCode(decoded), "0") << decoded.body;
    const auto replayed = client.post(OpenApiSetup::decodePath("personal"), OpenApiSetup::decodeBody(code));
    EXPECT_EQ(OpenApiClient::errorCode(replayed), "CODE_USED") << replayed.body;
    const std::string secondUser = OpenApiSetup::openUser(client, "personal", ruleId, OpenApiSetup::person(2));
    EXPECT_NE(secondUser, firstUser);
    for (int round = 0; round < 5; ++round) {
        const std::string code = "DFY" + std::to_string(round);
        const auto write = call(server, "POST", "/admin/v1/regions", regionBody(code));
        EXPECT_EQ(write.status, 201) << write.body;
        if (write.status == 201)
            acknowledged.insert(code);
    }

    if (GetParam() == "file") {
        // Log lines of the full disk were dropped, and the log says how many. Which log lost lines
        // (server or access log) depends on the slack left in the files' last blocks. The access log
        // is written in batches, so its note follows within a flush interval.
        std::string log;
        for (int i = 0; i < 50 && log.find("log message(s) dropped") == std::string::npos; ++i) {
            if (i > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::ifstream file(onTmpfs + "/logs/citycode-server.log");
            log.assign((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        }
        EXPECT_NE(log.find("log message(s) dropped, the file could not be written"), std::string::npos) << log;
    }

    // Crash, then check what is on the tmpfs: every acknowledged write, none of the refused ones.
    server.kill();
    const std::string copy = m_dir.file("after-kill");
    std::filesystem::create_directories(copy);
    const std::string held = "/proc/self/fd/" + std::to_string(folder);
    for (const char* name : {"citycode.db", "citycode.db-wal"}) {
        if (std::filesystem::exists(held + "/" + name))
            std::filesystem::copy_file(held + "/" + name, copy + "/" + name);
    }
    DatabaseFile database(copy + "/citycode.db");
    EXPECT_EQ(database.integrityCheck(), "ok");
    std::set<std::string> stored;
    for (const auto& row : database.rows("SELECT code FROM regions WHERE code LIKE 'DF%'"))
        stored.insert(row[0]);
    EXPECT_EQ(stored, acknowledged);
}

INSTANTIATE_TEST_SUITE_P(LogTargets, TestDiskFull, ::testing::Values("console", "file"));

} // namespace

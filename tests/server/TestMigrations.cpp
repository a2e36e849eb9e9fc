// First start and later starts on one data folder: migrations applied once, the main platform
// and initial administrator created once, the one-time password shown once and never stored.
#include "DatabaseFile.h"
#include "Process.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <regex>
#include <sys/stat.h>

using namespace citycode::test;

namespace {

// The block printed on first start, e.g. "   Password:  Xk7pQ2..."; empty when absent.
std::string printedPassword(const std::string& output)
{
    std::smatch match;
    static const std::regex line(R"(\n\s+Password:\s+(\S+)\n)");
    return std::regex_search(output, match, line) ? match[1].str() : std::string();
}

// PBKDF2-HMAC-SHA256 computed by the openssl command, as lower-case hex.
std::string opensslPbkdf2(const std::string& password, const std::string& saltHex, const std::string& iterations)
{
    const ProcessResult r =
        runProcess({"openssl", "kdf", "-keylen", "32", "-kdfopt", "digest:SHA256", "-kdfopt", "pass:" + password,
                    "-kdfopt", "hexsalt:" + saltHex, "-kdfopt", "iter:" + iterations, "PBKDF2"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::string hex;
    for (char c : r.out) {
        if (std::isxdigit(static_cast<unsigned char>(c)))
            hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return hex;
}

// True when the stored "pbkdf2-sha256$N$salt$hash" is the hash of `password`.
bool storedHashMatches(const std::string& stored, const std::string& password)
{
    std::smatch m;
    const std::regex format(R"(pbkdf2-sha256\$(\d+)\$([0-9a-f]{32})\$([0-9a-f]{64}))");
    if (!std::regex_match(stored, m, format))
        return false;
    return opensslPbkdf2(password, m[2].str(), m[1].str()) == m[3].str();
}

class TestMigrations : public ::testing::Test
{
protected:
    std::string dataDir() const { return m_dir.file("data"); }
    std::string databasePath() const { return dataDir() + "/citycode.db"; }

    // Starts a server on the data folder, stops it with SIGTERM; returns its stdout.
    std::string runOnce(std::vector<std::string> args = {}, HeaderList env = {})
    {
        ServerProcess server(ServerOptions{dataDir(), "127.0.0.1:0", std::move(args), std::move(env)});
        server.start();
        EXPECT_EQ(server.stop(), 0) << server.errors();
        m_lastErrors = server.errors();
        return server.output();
    }

    TempDir m_dir;
    std::string m_lastErrors;
};

} // namespace

TEST_F(TestMigrations, FirstStartCreatesTheDatabaseAndAppliesMigrations)
{
    ASSERT_FALSE(std::filesystem::exists(dataDir()));
    runOnce();

    struct stat info
    {
    };
    ASSERT_EQ(::stat(dataDir().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u) << "the data folder is private to the server's user";
    ASSERT_TRUE(TestBackend::hasDatabase(dataDir()));

    DatabaseFile db(databasePath());
    if (!db.postgresql()) {
        EXPECT_EQ(db.value("PRAGMA journal_mode"), "wal");
    }
    const auto migrations = db.rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    ASSERT_GE(migrations.size(), 3u); // 2: authorisation, 3: base configuration; later issues add more
    EXPECT_EQ(migrations[0][0], "1");
    EXPECT_EQ(migrations[0][1], "platforms and operators");
    EXPECT_TRUE(std::regex_match(migrations[0][2], std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
        << migrations[0][2];
    EXPECT_NE(m_lastErrors.find("applied database migration 1"), std::string::npos) << m_lastErrors;

    EXPECT_EQ(db.rows("SELECT id FROM platforms WHERE kind = 'main' AND status = 'enabled'").size(), 1u);
    const auto admins = db.rows("SELECT username, must_change_password, is_initial_admin, status, platform_id"
                                " FROM operators");
    ASSERT_EQ(admins.size(), 1u);
    EXPECT_EQ(admins[0][0], "admin");
    EXPECT_EQ(admins[0][1], "1") << "the one-time password must be changed at first login";
    EXPECT_EQ(admins[0][2], "1");
    EXPECT_EQ(admins[0][3], "enabled");
    EXPECT_EQ(admins[0][4], db.value("SELECT id FROM platforms WHERE kind = 'main'"));
}

TEST_F(TestMigrations, SecondStartAppliesNothingAndCreatesNothing)
{
    runOnce();
    std::vector<std::vector<std::string>> before, operatorsBefore, platformsBefore;
    {
        DatabaseFile db(databasePath());
        before = db.rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        operatorsBefore = db.rows("SELECT id, username, password_hash, created_at FROM operators ORDER BY id");
        platformsBefore = db.rows("SELECT id, kind, name, created_at FROM platforms ORDER BY id");
    }
    runOnce();
    EXPECT_EQ(m_lastErrors.find("applied database migration"), std::string::npos) << m_lastErrors;
    DatabaseFile db(databasePath());
    EXPECT_EQ(db.rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"), before);
    EXPECT_EQ(db.rows("SELECT id, username, password_hash, created_at FROM operators ORDER BY id"), operatorsBefore);
    EXPECT_EQ(db.rows("SELECT id, kind, name, created_at FROM platforms ORDER BY id"), platformsBefore);
}

TEST_F(TestMigrations, OneTimePasswordIsPrintedOnFirstStartOnly)
{
    const std::string first = runOnce();
    const std::string firstErrors = m_lastErrors;
    const std::string password = printedPassword(first);
    ASSERT_EQ(password.size(), 16u) << first;
    EXPECT_TRUE(std::regex_match(password, std::regex("[A-HJ-NP-Za-km-np-z2-9]{16}"))) << password;
    EXPECT_TRUE(std::regex_search(first, std::regex(R"(URL:\s+http://127\.0\.0\.1:\d+\n)"))) << first;
    EXPECT_TRUE(std::regex_search(first, std::regex(R"(User:\s+admin\n)"))) << first;
    EXPECT_NE(first.find("must be changed"), std::string::npos) << first;
    EXPECT_EQ(firstErrors.find(password), std::string::npos) << "the password must not reach the log";

    const std::string second = runOnce();
    EXPECT_EQ(second.find("Password:"), std::string::npos) << second;
    EXPECT_EQ(second.find(password), std::string::npos);
    EXPECT_EQ(m_lastErrors.find(password), std::string::npos);

    DatabaseFile db(databasePath());
    EXPECT_TRUE(storedHashMatches(db.value("SELECT password_hash FROM operators WHERE username = 'admin'"), password));
}

TEST_F(TestMigrations, DatabaseFilesHoldNoClearTextPassword)
{
    const std::string password = printedPassword(runOnce());
    ASSERT_FALSE(password.empty());
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dataDir())) {
        if (!entry.is_regular_file())
            continue;
        ++files;
        EXPECT_EQ(readFile(entry.path().string()).find(password), std::string::npos) << entry.path();
    }
    DatabaseFile db(databasePath());
    if (db.postgresql()) {
        // The PostgreSQL files belong to the cluster: a full dump is what an attacker would get.
        const ProcessResult dump = runProcess({"pg_dump", TestBackend::knownDatabaseUrl(dataDir())});
        ASSERT_EQ(dump.exitCode, 0) << dump.err;
        EXPECT_NE(dump.out.find("pbkdf2-sha256$"), std::string::npos) << "the dump holds the operators";
        EXPECT_EQ(dump.out.find(password), std::string::npos);
    } else {
        EXPECT_GE(files, 1);
    }
    const std::string stored = db.value("SELECT password_hash FROM operators WHERE username = 'admin'");
    EXPECT_EQ(stored.rfind("pbkdf2-sha256$600000$", 0), 0u) << stored;
    EXPECT_TRUE(storedHashMatches(stored, password));
}

TEST_F(TestMigrations, ConfiguredInitialPasswordIsUsedAndNotPrinted)
{
    const std::string password = "Configured-Pass-2024";
    const std::string output = runOnce({}, {{"CITYCODE_ADMIN_PASSWORD", password}});
    EXPECT_NE(output.find("Password:  (as set by admin.initial_password)"), std::string::npos) << output;
    EXPECT_EQ(output.find(password), std::string::npos);
    DatabaseFile db(databasePath());
    EXPECT_TRUE(storedHashMatches(db.value("SELECT password_hash FROM operators"), password));
    EXPECT_EQ(db.value("SELECT must_change_password FROM operators"), "1");
}

TEST_F(TestMigrations, RefusesADatabaseFromANewerServer)
{
    runOnce();
    {
        DatabaseFile db(databasePath());
        db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')");
    }
    ServerProcess server(dataDir());
    server.launch();
    EXPECT_EQ(server.waitForExit(10000), 70);
    EXPECT_NE(server.errors().find("schema version 999"), std::string::npos) << server.errors();
}

TEST_F(TestMigrations, TwoServersStartingTogetherSetUpOnce)
{
    ServerProcess a(dataDir());
    ServerProcess b(dataDir());
    a.launch();
    b.launch();
    a.waitUntilReady();
    b.waitUntilReady();
    EXPECT_EQ(a.stop(), 0) << a.errors();
    EXPECT_EQ(b.stop(), 0) << b.errors();
    const std::string outputs = a.output() + b.output();
    EXPECT_EQ(outputs.find("Password:"), outputs.rfind("Password:")) << "printed by exactly one of them";
    EXPECT_NE(outputs.find("Password:"), std::string::npos);
    DatabaseFile db(databasePath());
    // Every migration applied exactly once, whatever the latest version.
    EXPECT_EQ(db.value("SELECT CASE WHEN COUNT(*) = MAX(version) THEN 'each once' ELSE 'repeated' END"
                       " FROM schema_migrations"),
              "each once");
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM platforms"), "1");
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM operators"), "1");
}

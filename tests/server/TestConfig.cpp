// Where the server's settings come from (options, environment, properties file, defaults), and
// how it fails on bad ones.
#include "DatabaseFile.h"
#include "Process.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

using namespace citycode::test;

namespace {

namespace fs = std::filesystem;

std::string loopback(int port)
{
    return "127.0.0.1:" + std::to_string(port);
}

// Case-insensitive (header values like "close" are).
int countOccurrences(std::string text, const std::string& what)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++count;
    return count;
}

class TestConfig : public ::testing::Test
{
protected:
    TempDir m_dir;
};

} // namespace

TEST_F(TestConfig, DataDirAndListenWorkWithoutAConfigFile)
{
    const int port = freeLoopbackPort();
    ServerProcess server(ServerOptions{m_dir.file("data"), loopback(port), {}, {}});
    server.start();
    EXPECT_EQ(server.port(), port);
    EXPECT_EQ(httpRequest(port, "GET", "/health").status, 200);
    EXPECT_TRUE(TestBackend::hasDatabase(m_dir.file("data")));
    EXPECT_EQ(server.stop(), 0);
}

TEST_F(TestConfig, EnvironmentSetsListenAndDataDir)
{
    const int port = freeLoopbackPort();
    ServerProcess server(ServerOptions{
        "", "", {}, {{"CITYCODE_LISTEN", loopback(port)}, {"CITYCODE_DATA_DIR", m_dir.file("env-data")}}});
    server.start();
    EXPECT_EQ(server.port(), port);
    EXPECT_TRUE(TestBackend::hasDatabase(m_dir.file("env-data")));
}

TEST_F(TestConfig, CommandLineBeatsEnvironment)
{
    const int envPort = freeLoopbackPort();
    ServerProcess server(
        ServerOptions{m_dir.file("cli-data"),
                      "127.0.0.1:0",
                      {},
                      {{"CITYCODE_LISTEN", loopback(envPort)}, {"CITYCODE_DATA_DIR", m_dir.file("env-data")}}});
    server.start();
    EXPECT_NE(server.port(), envPort);
    EXPECT_TRUE(TestBackend::hasDatabase(m_dir.file("cli-data")));
    EXPECT_FALSE(fs::exists(m_dir.file("env-data")));
}

TEST_F(TestConfig, DatabaseUrlFromEnvironmentIsRelativeToTheDataDir)
{
    ServerProcess server(
        ServerOptions{m_dir.file("data"), "127.0.0.1:0", {}, {{"CITYCODE_DATABASE_URL", "sqlite:other.db"}}});
    server.start();
    EXPECT_TRUE(fs::exists(m_dir.file("data") + "/other.db"));
    EXPECT_FALSE(TestBackend::hasDatabase(m_dir.file("data")));
}

TEST_F(TestConfig, ConfigFileValuesAreUsed)
{
    const int port = freeLoopbackPort();
    writeFile(m_dir.file("server.properties"), "# test configuration\n"
                                               "server.listen = " +
                                                   loopback(port) +
                                                   "\n"
                                                   "data.dir = " +
                                                   m_dir.file("file-data") +
                                                   "\n"
                                                   "platform.main_name = Test City Platform\n");
    ServerProcess server(ServerOptions{"", "", {"--config", m_dir.file("server.properties")}, {}});
    server.start();
    EXPECT_EQ(server.port(), port);
    EXPECT_EQ(server.stop(), 0);
    DatabaseFile db(m_dir.file("file-data") + "/citycode.db");
    EXPECT_EQ(db.value("SELECT name FROM platforms WHERE kind = 'main'"), "Test City Platform");
}

TEST_F(TestConfig, EnvironmentBeatsConfigFile)
{
    const int filePort = freeLoopbackPort();
    const int envPort = freeLoopbackPort();
    writeFile(m_dir.file("server.properties"), "server.listen = " + loopback(filePort) + "\n");
    ServerProcess server(ServerOptions{m_dir.file("data"),
                                       "",
                                       {"--config", m_dir.file("server.properties")},
                                       {{"CITYCODE_LISTEN", loopback(envPort)}}});
    server.start();
    EXPECT_EQ(server.port(), envPort);
}

TEST_F(TestConfig, ShippedConfigFileDocumentsValidKeysAndDefaults)
{
    // Every key in resources/config is commented out with its default: uncommented, the file must
    // be accepted (known keys, valid values) and behave like the built-in defaults.
    std::istringstream shipped(readFile(CITYCODE_CONFIG_FILE));
    std::string active;
    int keys = 0;
    for (std::string line; std::getline(shipped, line);) {
        if (line.size() > 1 && line[0] == '#' && std::islower(static_cast<unsigned char>(line[1]))) {
            active += line.substr(1) + "\n";
            ++keys;
        }
    }
    EXPECT_GE(keys, 19);
    writeFile(m_dir.file("all.properties"), active);
    ServerProcess server(m_dir.file("data"), {"--config", m_dir.file("all.properties")});
    server.start();
    EXPECT_EQ(httpRequest(server.port(), "GET", "/health").status, 200);
    EXPECT_EQ(server.stop(), 0) << server.errors();
    DatabaseFile db(m_dir.file("data") + "/citycode.db");
    EXPECT_EQ(db.value("SELECT name FROM platforms WHERE kind = 'main'"), "城市码主平台");
}

TEST_F(TestConfig, SetOptionOverridesAnyKey)
{
    ServerProcess server(m_dir.file("data"), {"--set", "platform.main_name=From Set"});
    server.start();
    EXPECT_EQ(server.stop(), 0);
    DatabaseFile db(m_dir.file("data") + "/citycode.db");
    EXPECT_EQ(db.value("SELECT name FROM platforms WHERE kind = 'main'"), "From Set");
}

TEST_F(TestConfig, PublicUrlIsShownInTheFirstStartMessage)
{
    ServerProcess server(m_dir.file("data"), {"--set", "server.public_url=https://citycode.example.gov.cn"});
    server.start();
    EXPECT_NE(server.output().find("URL:       https://citycode.example.gov.cn\n"), std::string::npos)
        << server.output();
}

class TestBadListenAddress : public ::testing::TestWithParam<const char*>
{
};

TEST_P(TestBadListenAddress, ExitsWithAClearMessage)
{
    TempDir dir;
    ServerProcess server(ServerOptions{dir.file("data"), GetParam(), {}, {}});
    server.launch();
    EXPECT_EQ(server.waitForExit(10000), 78);
    EXPECT_NE(server.errors().find("server.listen"), std::string::npos) << server.errors();
    EXPECT_NE(server.errors().find("HOST:PORT"), std::string::npos) << server.errors();
    EXPECT_FALSE(TestBackend::hasDatabase(dir.file("data")));
}

INSTANTIATE_TEST_SUITE_P(Addresses, TestBadListenAddress,
                         ::testing::Values("nonsense", "127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:65536",
                                           "127.0.0.1:http", "300.1.1.1:80"));

TEST_F(TestConfig, PortInUseExitsBeforeTouchingTheDatabase)
{
    Poco::Net::ServerSocket taken;
    taken.bind(Poco::Net::SocketAddress("127.0.0.1", 0), false, false);
    taken.listen();
    ServerProcess server(ServerOptions{m_dir.file("data"), loopback(taken.address().port()), {}, {}});
    server.launch();
    EXPECT_EQ(server.waitForExit(10000), 69);
    EXPECT_NE(server.errors().find("cannot listen on"), std::string::npos) << server.errors();
    EXPECT_FALSE(TestBackend::hasDatabase(m_dir.file("data"))) << "no one-time password may be created unseen";
}

TEST_F(TestConfig, BadValuesAndOptionsExitWithAClearMessage)
{
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--set", "server.max_threads=0"}, "server.max_threads"},
        {{"--set", "server.keep_alive=maybe"}, "server.keep_alive"},
        {{"--set", "log.target=syslog"}, "log.target"},
        {{"--set", "nokeyvalue"}, "KEY=VALUE"},
        {{"--database-url", "mysql://x"}, "sqlite:PATH"},
        {{"--config", "/nonexistent/citycode.properties"}, "/nonexistent/citycode.properties"},
        {{"--bogus"}, "bogus"},
        {{"--set", "server.listn=127.0.0.1:1"}, "unknown configuration key 'server.listn'"},
    };
    for (const auto& [args, message] : cases) {
        SCOPED_TRACE(args.front() + " " + args.back());
        TempDir dir;
        ServerProcess server(dir.file("data"), args);
        server.launch();
        EXPECT_NE(server.waitForExit(10000), 0);
        EXPECT_NE(server.errors().find(message), std::string::npos) << server.errors();
    }
}

TEST_F(TestConfig, HelpAndVersion)
{
    const ProcessResult version = runProcess({ServerProcess::binary(), "--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out, std::string("citycode-server ") + CITYCODE_VERSION + "\n");
    const ProcessResult help = runProcess({ServerProcess::binary(), "--help"});
    EXPECT_EQ(help.exitCode, 0);
    for (const char* option : {"--config", "--data-dir", "--listen", "--database-url", "--port-file", "--demo",
                               "--demo-dir", "--set", "--version"})
        EXPECT_NE(help.out.find(option), std::string::npos) << option;
}

TEST_F(TestConfig, KeepAliveRequestLimitComesFromConfig)
{
    ServerProcess server(m_dir.file("data"), {"--set", "server.max_keep_alive_requests=2"});
    server.start();
    // Three pipelined requests on one connection: the second answer closes it.
    const std::string request = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    const std::string answers = httpExchangeRaw(server.port(), request + request + request);
    EXPECT_EQ(countOccurrences(answers, "http/1.1 200"), 2) << answers;
    EXPECT_EQ(countOccurrences(answers, "connection: close"), 1) << answers;
}

TEST_F(TestConfig, FileLogTargetWritesLogsIntoTheDataDir)
{
    ServerProcess server(m_dir.file("data"), {"--set", "log.target=file"});
    server.start();
    const HttpResponse response = httpRequest(server.port(), "GET", "/health");
    EXPECT_EQ(server.stop(), 0);
    const std::string access = readFile(m_dir.file("data") + "/logs/access.log");
    EXPECT_NE(access.find(response.header("X-Request-Id")), std::string::npos) << access;
    EXPECT_NE(readFile(m_dir.file("data") + "/logs/citycode-server.log").find("listening on"), std::string::npos);
    EXPECT_EQ(server.output().find(response.header("X-Request-Id")), std::string::npos);
}

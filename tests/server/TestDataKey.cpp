// The data key that seals personal data at rest (security.data_key_file): created private on first
// start, kept across restarts, taken from the configuration, and a corrupt key file stops the start.
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace citycode::test;

namespace {

namespace fs = std::filesystem;

constexpr int kExitConfig = 78; // EX_CONFIG (sysexits.h), Poco's Application::EXIT_CONFIG

class TestDataKey : public ::testing::Test
{
protected:
    std::string defaultKeyFile() const { return m_dir.file("data") + "/keys/data.key"; }

    TempDir m_dir;
};

} // namespace

TEST_F(TestDataKey, IsCreatedPrivateOnFirstStartAndKeptAcrossRestarts)
{
    std::string key;
    {
        ServerProcess server(m_dir.file("data"));
        server.start();
        EXPECT_EQ(server.stop(), 0) << server.errors();
        ASSERT_TRUE(fs::exists(defaultKeyFile()));
        key = readFile(defaultKeyFile());
    }
    EXPECT_EQ(key.size(), 16u);
    const fs::perms permissions = fs::status(defaultKeyFile()).permissions();
    EXPECT_EQ(permissions & (fs::perms::group_all | fs::perms::others_all), fs::perms::none)
        << "the key file must be readable by its owner only (0600)";

    ServerProcess again(m_dir.file("data"));
    again.start();
    EXPECT_EQ(again.stop(), 0) << again.errors();
    EXPECT_EQ(readFile(defaultKeyFile()), key) << "a restart must never replace the key";
}

TEST_F(TestDataKey, ComesFromTheConfiguredFile)
{
    const std::string keyFile = m_dir.file("secrets") + "/citycode.key";
    ServerProcess server(m_dir.file("data"), {"--set", "security.data_key_file=" + keyFile});
    server.start();
    EXPECT_EQ(server.stop(), 0) << server.errors();
    EXPECT_TRUE(fs::exists(keyFile));
    EXPECT_EQ(fs::file_size(keyFile), 16u);
    EXPECT_FALSE(fs::exists(defaultKeyFile()));
}

TEST_F(TestDataKey, CorruptKeyFileStopsTheStartWithAClearMessage)
{
    fs::create_directories(m_dir.file("data") + "/keys");
    for (const std::string& content : {std::string("short"), std::string(17, 'k'), std::string()}) {
        SCOPED_TRACE("a key file of " + std::to_string(content.size()) + " bytes");
        writeFile(defaultKeyFile(), content);
        ServerProcess server(m_dir.file("data"));
        server.launch();
        EXPECT_EQ(server.waitForExit(10000), kExitConfig);
        EXPECT_NE(server.errors().find("security.data_key_file"), std::string::npos) << server.errors();
        EXPECT_NE(server.errors().find(defaultKeyFile()), std::string::npos) << server.errors();
        EXPECT_EQ(readFile(defaultKeyFile()), content) << "a corrupt key must never be overwritten";
        EXPECT_FALSE(TestBackend::hasDatabase(m_dir.file("data"))) << "nothing may be sealed with another key";
    }
}

// --demo: the demo data set is loaded into an empty database only, from --demo-dir or from the
// installed layout next to the program.
#include "DatabaseFile.h"
#include "ServerProcess.h"
#include "TempDir.h"
#include "TestBackend.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

using namespace citycode::test;

namespace {

namespace fs = std::filesystem;

using Rows = std::vector<std::vector<std::string>>;

class TestDemo : public ::testing::Test
{
protected:
    std::string dataDir() const { return m_dir.file("data"); }

    Rows subPlatforms()
    {
        DatabaseFile db(dataDir() + "/citycode.db");
        return db.rows("SELECT name, service_address, status FROM platforms WHERE kind = 'sub' ORDER BY id");
    }

    void runOnce(std::vector<std::string> args)
    {
        ServerProcess server(dataDir(), std::move(args));
        server.start();
        EXPECT_EQ(server.stop(), 0) << server.errors();
        m_lastErrors = server.errors();
    }

    TempDir m_dir;
    std::string m_lastErrors;
};

const Rows kDemoPlatforms = {
    {"市交通局", "https://jtj.demo.citycode.example/api", "enabled"},
    {"市卫健委", "https://wjw.demo.citycode.example/api", "enabled"},
    {"市数据局", "https://sjj.demo.citycode.example/api", "enabled"},
};

} // namespace

TEST_F(TestDemo, LoadsSubPlatformsOnFirstStartOnly)
{
    runOnce({"--demo", "--demo-dir", CITYCODE_DEMO_DIR});
    EXPECT_EQ(subPlatforms(), kDemoPlatforms);
    runOnce({"--demo", "--demo-dir", CITYCODE_DEMO_DIR});
    EXPECT_EQ(subPlatforms(), kDemoPlatforms);
    EXPECT_NE(m_lastErrors.find("first start only"), std::string::npos) << m_lastErrors;
}

TEST_F(TestDemo, NoDemoDataWithoutTheOption)
{
    runOnce({"--demo-dir", CITYCODE_DEMO_DIR});
    EXPECT_TRUE(subPlatforms().empty());
}

TEST_F(TestDemo, MissingDemoDataFailsClearly)
{
    ServerProcess server(dataDir(), {"--demo", "--demo-dir", m_dir.file("nowhere")});
    server.launch();
    EXPECT_EQ(server.waitForExit(10000), 78);
    EXPECT_NE(server.errors().find("demo"), std::string::npos) << server.errors();
    EXPECT_FALSE(TestBackend::hasDatabase(dataDir()));
}

TEST_F(TestDemo, FindsDemoDataInTheInstalledLayout)
{
    // <prefix>/bin/citycode-server finds <prefix>/share/citycode/demo by itself.
    const std::string prefix = m_dir.file("prefix");
    fs::create_directories(prefix + "/bin");
    fs::create_directories(prefix + "/share/citycode");
    fs::copy_file(ServerProcess::binary(), prefix + "/bin/citycode-server");
    fs::copy(CITYCODE_DEMO_DIR, prefix + "/share/citycode/demo", fs::copy_options::recursive);
    ::setenv("CITYCODE_SERVER_BIN", (prefix + "/bin/citycode-server").c_str(), 1);
    runOnce({"--demo"});
    ::unsetenv("CITYCODE_SERVER_BIN");
    EXPECT_EQ(subPlatforms(), kDemoPlatforms);
}

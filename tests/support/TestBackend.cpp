#include "TestBackend.h"

#include "Process.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>

namespace citycode::test {

namespace {

// The test databases of this process, by data folder; all dropped when the process ends.
class Registry
{
public:
    ~Registry()
    {
        for (const std::string& name : m_created) {
            // FORCE (PostgreSQL 13+) ends the sessions of a server that a failed test left running.
            runProcess({"psql", adminUrl(), "-q", "-c", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"});
        }
    }

    static std::string adminUrl()
    {
        const char* url = std::getenv("CITYCODE_TEST_POSTGRES_URL");
        if (!url || !*url)
            throw std::runtime_error("CITYCODE_TEST_BACKEND=postgresql needs CITYCODE_TEST_POSTGRES_URL, the admin "
                                     "URL of a PostgreSQL cluster (scripts/test.sh starts one)");
        return url;
    }

    // The admin URL with its database replaced.
    static std::string urlOf(const std::string& database)
    {
        const std::string admin = adminUrl();
        const std::size_t slash = admin.find('/', admin.find("://") + 3);
        if (slash == std::string::npos)
            throw std::runtime_error("CITYCODE_TEST_POSTGRES_URL has no database: " + admin);
        const std::size_t query = admin.find('?', slash);
        return admin.substr(0, slash + 1) + database + (query == std::string::npos ? "" : admin.substr(query));
    }

    std::string create()
    {
        static std::mt19937_64 random{std::random_device{}()};
        std::string name;
        {
            std::lock_guard lock(m_mutex);
            name = "citycode_test_" + std::to_string(random() % 1000000000000ULL);
            m_created.push_back(name);
        }
        const ProcessResult r = runProcess({"psql", adminUrl(), "-q", "-v", "ON_ERROR_STOP=1", "-c",
                                            "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0"});
        if (r.exitCode != 0)
            throw std::runtime_error("cannot create the test database " + name + ": " + r.err);
        return urlOf(name);
    }

    std::string forDataDir(const std::string& dataDir, bool create)
    {
        const std::string key = std::filesystem::absolute(dataDir).lexically_normal().string();
        {
            std::lock_guard lock(m_mutex);
            if (const auto known = m_byDataDir.find(key); known != m_byDataDir.end())
                return known->second;
        }
        if (!create)
            return {};
        const std::string url = this->create();
        std::lock_guard lock(m_mutex);
        return m_byDataDir.emplace(key, url).first->second;
    }

private:
    std::mutex m_mutex;
    std::vector<std::string> m_created;
    std::map<std::string, std::string> m_byDataDir;
};

Registry& registry()
{
    static Registry instance;
    return instance;
}

} // namespace

bool TestBackend::postgresql()
{
    const char* backend = std::getenv("CITYCODE_TEST_BACKEND");
    const std::string value = backend ? backend : "";
    if (value.empty() || value == "sqlite")
        return false;
    if (value != "postgresql")
        throw std::runtime_error("CITYCODE_TEST_BACKEND must be sqlite or postgresql, not '" + value + "'");
    Registry::adminUrl(); // throws when missing
    return true;
}

std::string TestBackend::name()
{
    return postgresql() ? "postgresql" : "sqlite";
}

std::string TestBackend::databaseUrlFor(const std::string& dataDir)
{
    return postgresql() ? registry().forDataDir(dataDir, true) : std::string();
}

std::string TestBackend::knownDatabaseUrl(const std::string& dataDir)
{
    return postgresql() ? registry().forDataDir(dataDir, false) : std::string();
}

std::string TestBackend::createDatabase()
{
    if (!postgresql())
        throw std::runtime_error("TestBackend::createDatabase needs CITYCODE_TEST_BACKEND=postgresql");
    return registry().create();
}

std::string TestBackend::connectionString(const std::string& url)
{
    // postgresql://USER@HOST:PORT/DBNAME, as made by Registry::urlOf from the admin URL.
    const std::size_t start = url.find("://");
    const std::size_t at = url.find('@', start);
    const std::size_t slash = url.find('/', start + 3);
    if (start == std::string::npos || at == std::string::npos || slash == std::string::npos || at > slash)
        throw std::runtime_error("expected postgresql://USER@HOST:PORT/DBNAME, not " + url);
    const std::string user = url.substr(start + 3, at - start - 3);
    const std::string hostPort = url.substr(at + 1, slash - at - 1);
    const std::size_t colon = hostPort.rfind(':');
    const std::string database = url.substr(slash + 1, url.find('?', slash) - slash - 1);
    std::string result = "host=" + hostPort.substr(0, colon) + " dbname=" + database + " user=" + user;
    if (colon != std::string::npos)
        result += " port=" + hostPort.substr(colon + 1);
    return result;
}

bool TestBackend::hasDatabase(const std::string& dataDir)
{
    if (!postgresql())
        return std::filesystem::exists(dataDir + "/citycode.db");
    const std::string url = knownDatabaseUrl(dataDir);
    if (url.empty())
        return false;
    const ProcessResult r =
        runProcess({"psql", url, "-At", "-c", "SELECT to_regclass('schema_migrations') IS NOT NULL"});
    if (r.exitCode != 0)
        throw std::runtime_error("cannot query " + url + ": " + r.err);
    return r.out == "t\n";
}

} // namespace citycode::test

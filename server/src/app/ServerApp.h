#pragma once

#include <Poco/Util/ServerApplication.h>

#include <map>
#include <optional>
#include <string>

namespace citycode::server {

struct InitialAdministrator;
struct ServerConfig;

// The citycode-server process: reads options and configuration, prepares the data folder,
// logging and database (migrations, first-start setup), serves HTTP until SIGTERM or SIGINT,
// then stops accepting, lets in-flight requests finish and closes the database.
// Exit codes: 0 after a clean stop or --help/--version; 78 bad option or configuration (Poco
// reports option errors the same way); 64 an unexpected argument; 69 cannot listen; 70 any other
// start-up failure (database, migrations, first-start setup).
class ServerApp : public Poco::Util::ServerApplication
{
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    int serve(const ServerConfig& config);
    void setUpLogging(const ServerConfig& config);
    std::string demoDirectory(const ServerConfig& config) const;
    static void printFirstStart(const InitialAdministrator& admin, const std::string& url);
    static void writePortFile(const std::string& path, unsigned short port);

    std::string m_configFile;
    std::map<std::string, std::string> m_commandLine; // config key -> value
    bool m_helpRequested = false;
    bool m_versionRequested = false;
};

} // namespace citycode::server

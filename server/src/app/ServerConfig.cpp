#include "app/ServerConfig.h"

#include "citycode/common/Error.h"
#include "http/AddressList.h"
#include "services/Passwords.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <cstdlib>
#include <limits>
#include <vector>

namespace citycode::server {

namespace {

// Environment variables and the keys they set.
const std::map<std::string, std::string>& environmentKeys()
{
    static const std::map<std::string, std::string> keys = {
        {"CITYCODE_LISTEN", "server.listen"},
        {"CITYCODE_DATA_DIR", "data.dir"},
        {"CITYCODE_DATABASE_URL", "database.url"},
        {"CITYCODE_ADMIN_PASSWORD", "admin.initial_password"},
    };
    return keys;
}

const std::map<std::string, std::string>& defaults()
{
    static const std::map<std::string, std::string> values = {
        {"server.listen", "127.0.0.1:8080"},
        {"server.public_url", ""},
        {"server.max_threads", "64"},
        {"server.max_queued", "64"},
        {"server.io_threads", "0"},
        {"server.max_connections_per_address", "32"},
        {"server.header_timeout", "5"},
        {"server.keep_alive", "true"},
        {"server.max_keep_alive_requests", "100"},
        {"server.keep_alive_timeout", "10"},
        {"server.timeout", "10"},
        {"server.max_body_bytes", "1048576"},
        {"server.trusted_proxies", ""},
        {"server.metrics_allow", "127.0.0.1, ::1"},
        {"server.tls_cert", ""},
        {"server.tls_key", ""},
        {"server.port_file", ""},
        {"data.dir", "citycode-data"},
        {"database.url", "sqlite:${data.dir}/citycode.db"},
        {"security.data_key_file", "${data.dir}/keys/data.key"},
        {"log.target", "console"},
        {"log.level", "information"},
        {"log.access", "true"},
        {"platform.main_name", "城市码主平台"},
        {"admin.initial_password", ""},
        {"auth.captcha", "required"},
        {"auth.session_idle_seconds", "1800"},
        {"auth.session_absolute_seconds", "43200"},
        {"auth.throttle_window_seconds", "900"},
        {"auth.throttle_free_failures", "5"},
        {"auth.throttle_max_delay_seconds", "900"},
        {"auth.password_iterations", "600000"},
        {"demo.enabled", "false"},
        {"demo.dir", ""},
        {"keys.signing_alg", "SM2-SM3"},
        {"keys.overlap_seconds", "86400"},
        {"keys.rotation_check_seconds", "600"},
        {"testing.clock_offset_file", ""},
    };
    return values;
}

[[noreturn]] void invalid(const std::string& key, const std::string& value, const std::string& expected)
{
    throw common::Error("CONFIG_INVALID", key + " = '" + value + "': " + expected);
}

Poco::AutoPtr<Poco::Util::MapConfiguration> mapConfiguration(const std::map<std::string, std::string>& values)
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> map = new Poco::Util::MapConfiguration;
    for (const auto& [key, value] : values)
        map->setString(key, value);
    return map;
}

// Reads typed values, turning every parse failure into CONFIG_INVALID naming the key.
class Reader
{
public:
    explicit Reader(Poco::Util::AbstractConfiguration& config) : m_config(config) {}

    std::string text(const std::string& key) const
    {
        try {
            return m_config.getString(key);
        } catch (const Poco::Exception& e) {
            invalid(key, m_config.getRawString(key, ""), e.displayText());
        }
    }

    // Secrets are taken literally: no ${...} expansion.
    std::string raw(const std::string& key) const { return m_config.getRawString(key); }

    long long integer(const std::string& key, long long min, long long max) const
    {
        const std::string value = text(key);
        Poco::Int64 number = 0;
        if (!Poco::NumberParser::tryParse64(value, number) || number < min || number > max)
            invalid(key, value, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return number;
    }

    int smallInteger(const std::string& key, int min, int max) const
    {
        return static_cast<int>(integer(key, min, max));
    }

    bool boolean(const std::string& key) const
    {
        const std::string value = text(key);
        bool result = false;
        if (!Poco::NumberParser::tryParseBool(value, result))
            invalid(key, value, "expected true or false");
        return result;
    }

private:
    Poco::Util::AbstractConfiguration& m_config;
};

// "HOST:PORT" or "[IPv6]:PORT"; port 0 asks the system for a free port.
Poco::Net::SocketAddress parseListen(const std::string& value)
{
    const std::string expected = "expected HOST:PORT, e.g. 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:8080";
    const std::size_t colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == value.size())
        invalid("server.listen", value, expected);
    std::string host = value.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    unsigned port = 0;
    if (!Poco::NumberParser::tryParseUnsigned(value.substr(colon + 1), port) || port > 65535)
        invalid("server.listen", value, expected + " (port 0-65535)");
    try {
        return Poco::Net::SocketAddress(host, static_cast<Poco::UInt16>(port));
    } catch (const Poco::Exception& e) {
        invalid("server.listen", value, expected + " (" + e.displayText() + ")");
    }
}

// A list for AddressList ("127.0.0.1, 10.0.0.0/8"), checked here so that a typo stops the start.
std::string addressList(const Reader& read, const std::string& key)
{
    const std::string value = read.text(key);
    try {
        AddressList::parse(value);
    } catch (const common::Error& e) {
        invalid(key, value, std::string(e.what()) + "; expected addresses or ADDRESS/PREFIX networks");
    }
    return value;
}

// Every key of a configuration, e.g. "server.listen".
void collectKeys(const Poco::Util::AbstractConfiguration& config, const std::string& root,
                 std::vector<std::string>& keys)
{
    Poco::Util::AbstractConfiguration::Keys children;
    config.keys(root, children);
    if (children.empty() && !root.empty())
        keys.push_back(root);
    for (const std::string& child : children)
        collectKeys(config, root.empty() ? child : root + "." + child, keys);
}

// A misspelt key would otherwise be ignored silently and its default used instead.
void rejectUnknownKeys(const Poco::Util::AbstractConfiguration& config, const std::string& source)
{
    std::vector<std::string> keys;
    collectKeys(config, "", keys);
    for (const std::string& key : keys) {
        if (defaults().count(key) == 0)
            throw common::Error("CONFIG_INVALID", "unknown configuration key '" + key + "' in " + source +
                                                      " (the keys are listed in citycode-server.properties)");
    }
}

} // namespace

ServerConfig ServerConfig::load(const std::string& configFile, const std::map<std::string, std::string>& commandLine)
{
    std::map<std::string, std::string> environment;
    for (const auto& [variable, key] : environmentKeys()) {
        if (const char* value = std::getenv(variable.c_str()))
            environment[key] = value;
    }

    Poco::AutoPtr<Poco::Util::LayeredConfiguration> layers = new Poco::Util::LayeredConfiguration;
    Poco::AutoPtr<Poco::Util::MapConfiguration> top = mapConfiguration(commandLine);
    rejectUnknownKeys(*top, "the command line");
    layers->add(top, 0); // a lower priority number is searched first
    layers->add(mapConfiguration(environment), 10);
    if (!configFile.empty()) {
        Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file;
        try {
            file = new Poco::Util::PropertyFileConfiguration(configFile);
        } catch (const Poco::Exception& e) {
            throw common::Error("CONFIG_FILE",
                                "cannot read the configuration file " + configFile + ": " + e.displayText());
        }
        rejectUnknownKeys(*file, configFile);
        layers->add(file, 20);
    }
    layers->add(mapConfiguration(defaults()), 100);
    const Reader read(*layers);

    ServerConfig config;
    // The data folder is made absolute first: database.url refers to it as ${data.dir}, and the
    // server must not depend on the directory it was started from afterwards.
    const std::string dataDir = read.text("data.dir");
    if (dataDir.empty())
        invalid("data.dir", dataDir, "expected a folder");
    config.dataDir = Poco::Path(dataDir).makeAbsolute().toString();
    top->setString("data.dir", config.dataDir);

    config.listen = parseListen(read.text("server.listen"));
    config.publicUrl = read.text("server.public_url");
    config.maxThreads = read.smallInteger("server.max_threads", 1, 1024);
    config.maxQueued = read.smallInteger("server.max_queued", 1, 100000);
    config.ioThreads = read.smallInteger("server.io_threads", 0, 256);
    config.keepAlive = read.boolean("server.keep_alive");
    config.maxKeepAliveRequests = read.smallInteger("server.max_keep_alive_requests", 1, 1000000);
    config.keepAliveTimeoutSeconds = read.smallInteger("server.keep_alive_timeout", 1, 3600);
    config.timeoutSeconds = read.smallInteger("server.timeout", 1, 3600);
    config.maxBodyBytes = static_cast<std::size_t>(read.integer("server.max_body_bytes", 1, 1LL << 32));
    config.maxConnectionsPerAddress = read.smallInteger("server.max_connections_per_address", 1, 100000);
    config.headerTimeoutSeconds = read.smallInteger("server.header_timeout", 1, 3600);
    config.trustedProxies = addressList(read, "server.trusted_proxies");
    config.metricsAllow = addressList(read, "server.metrics_allow");
    config.tlsCert = read.text("server.tls_cert");
    config.tlsKey = read.text("server.tls_key");
    if (config.tlsCert.empty() != config.tlsKey.empty())
        invalid(config.tlsCert.empty() ? "server.tls_cert" : "server.tls_key", "",
                "server.tls_cert and server.tls_key go together: set both for TLS, or neither");
    config.portFile = read.text("server.port_file");
    config.databaseUrl = read.text("database.url");
    const std::string dataKeyFile = read.text("security.data_key_file");
    if (dataKeyFile.empty())
        invalid("security.data_key_file", dataKeyFile, "expected a file name");
    config.dataKeyFile = Poco::Path(dataKeyFile).makeAbsolute().toString();
    config.logTarget = read.text("log.target");
    if (config.logTarget != "console" && config.logTarget != "file")
        invalid("log.target", config.logTarget, "expected console or file");
    config.logLevel = read.text("log.level");
    try {
        Poco::Logger::parseLevel(config.logLevel);
    } catch (const Poco::Exception&) {
        invalid("log.level", config.logLevel,
                "expected fatal, critical, error, warning, notice, information, debug or trace");
    }
    config.accessLog = read.boolean("log.access");
    config.mainPlatformName = read.text("platform.main_name");
    if (config.mainPlatformName.empty())
        invalid("platform.main_name", "", "expected a name");
    config.initialAdminPassword = read.raw("admin.initial_password");
    const std::string captcha = read.text("auth.captcha");
    if (captcha != "required" && captcha != "disabled")
        invalid("auth.captcha", captcha, "expected required or disabled");
    config.auth.captchaRequired = captcha == "required";
    config.auth.sessionIdleSeconds = read.integer("auth.session_idle_seconds", 1, 7 * 24 * 3600);
    config.auth.sessionAbsoluteSeconds = read.integer("auth.session_absolute_seconds", 1, 30 * 24 * 3600);
    config.auth.throttleWindowSeconds = read.integer("auth.throttle_window_seconds", 1, 24 * 3600);
    config.auth.throttleFreeFailures = read.integer("auth.throttle_free_failures", 1, 1000);
    config.auth.throttleMaxDelaySeconds = read.integer("auth.throttle_max_delay_seconds", 1, 24 * 3600);
    config.auth.passwordIterations =
        read.integer("auth.password_iterations", Passwords::kMinimumIterations, 100 * Passwords::kIterations);
    config.demo = read.boolean("demo.enabled");
    config.demoDir = read.text("demo.dir");
    // The defaults of the system settings signingAlg and keyOverlapSeconds (002 §5.2.5, 003 §7.2.2);
    // the admin API may override them later.
    config.keysSigningAlg = read.text("keys.signing_alg");
    if (config.keysSigningAlg != "SM2-SM3" && config.keysSigningAlg != "ECDSA-P256")
        invalid("keys.signing_alg", config.keysSigningAlg, "expected SM2-SM3 or ECDSA-P256");
    config.keysOverlapSeconds = read.integer("keys.overlap_seconds", 60, 90LL * 86400);
    config.keysRotationCheckSeconds = read.smallInteger("keys.rotation_check_seconds", 1, 86400);
    config.testClockOffsetFile = read.text("testing.clock_offset_file");
    return config;
}

std::string ServerConfig::urlFor(unsigned short boundPort) const
{
    if (!publicUrl.empty())
        return publicUrl;
    std::string host = listen.host().toString();
    if (listen.host().isWildcard())
        host = listen.family() == Poco::Net::SocketAddress::IPv6 ? "::1" : "127.0.0.1";
    if (host.find(':') != std::string::npos)
        host = "[" + host + "]";
    return (tlsCert.empty() ? "http://" : "https://") + host + ":" + std::to_string(boundPort);
}

} // namespace citycode::server

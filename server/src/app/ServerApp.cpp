#include "app/ServerApp.h"

#include "api/Routes.h"
#include "app/BufferedLogChannel.h"
#include "app/PeriodicTask.h"
#include "app/ServerConfig.h"
#include "app/ServerServices.h"
#include "app/TolerantChannel.h"
#include "citycode/common/Error.h"
#include "http/AddressList.h"
#include "http/EventHttpServer.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "http/TrustedProxies.h"
#include "services/Passwords.h"
#include "services/PersonalDataCipher.h"
#include "services/SetupService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>
#include <Poco/PatternFormatter.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>

namespace citycode::server {

namespace {

// Options that set one configuration key.
struct KeyOption
{
    const char* name;
    const char* argument;
    const char* key;
    const char* description;
};

const KeyOption kKeyOptions[] = {
    {"data-dir", "DIR", "data.dir", "Folder for the database and logs, created (0700) if missing. [data.dir]"},
    {"listen", "HOST:PORT", "server.listen", "Address to listen on; port 0 picks a free port. [server.listen]"},
    {"database-url", "URL", "database.url", "Database: sqlite:PATH or postgresql://USER@HOST/DB. [database.url]"},
    {"port-file", "FILE", "server.port_file",
     "Write the bound port number to FILE once the server accepts requests. [server.port_file]"},
    {"demo-dir", "DIR", "demo.dir", "Folder of the demo data for --demo. [demo.dir]"},
};

// A start-up failure that ends the process with a specific exit code.
class StartupFailure : public std::runtime_error
{
public:
    StartupFailure(int exitCode, const std::string& message) : std::runtime_error(message), m_exitCode(exitCode) {}

    int exitCode() const { return m_exitCode; }

private:
    int m_exitCode;
};

[[noreturn]] void fail(int exitCode, const std::string& message)
{
    throw StartupFailure(exitCode, message);
}

// Creates the data folder readable by the server's user only; an existing one is left as it is.
void prepareFolder(const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::exists(dir, error)) {
        fs::create_directories(dir, error);
        if (!error)
            fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, error);
    }
    if (error || !fs::is_directory(dir))
        throw common::Error("DATA_DIR", "cannot create the folder " + dir + (error ? ": " + error.message() : ""));
}

Poco::AutoPtr<Poco::Channel> fileChannel(const std::string& path)
{
    Poco::AutoPtr<Poco::FileChannel> channel = new Poco::FileChannel(path);
    channel->setProperty("rotation", "10 M");
    channel->setProperty("archive", "number");
    channel->setProperty("purgeCount", "10");
    return channel;
}

// The TLS context of server.tls_cert and server.tls_key. TLS 1.2 and 1.3 only (RFC 8996
// deprecates 1.0 and 1.1), TLS 1.2 limited to forward-secret AEAD suites (Mozilla's
// "intermediate" configuration); no client certificates. Fails with EXIT_CONFIG naming the file.
Poco::Net::Context::Ptr tlsContext(const ServerConfig& config)
{
    for (const auto& [key, path] : {std::pair{"server.tls_cert", config.tlsCert}, {"server.tls_key", config.tlsKey}}) {
        if (!std::ifstream(path).good())
            fail(Poco::Util::Application::EXIT_CONFIG,
                 std::string("cannot read ") + key + " " + path + ": " + std::strerror(errno));
    }
    Poco::Net::Context::Params params;
    params.certificateFile = config.tlsCert;
    params.privateKeyFile = config.tlsKey;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    params.cipherList = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
    Poco::Net::Context::Ptr context;
    try {
        context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    } catch (const Poco::Exception& e) {
        fail(Poco::Util::Application::EXIT_CONFIG, "cannot use server.tls_cert " + config.tlsCert +
                                                       " with server.tls_key " + config.tlsKey + ": " +
                                                       e.displayText());
    }
    // Poco loads both files but does not check that they belong together.
    if (SSL_CTX_check_private_key(context->sslContext()) != 1)
        fail(Poco::Util::Application::EXIT_CONFIG,
             "server.tls_key " + config.tlsKey + " is not the key of server.tls_cert " + config.tlsCert);
    return context;
}

} // namespace

void ServerApp::defineOptions(Poco::Util::OptionSet& options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", "Show the options and exit."));
    options.addOption(Poco::Util::Option("version", "v", "Show the version and exit."));
    options.addOption(
        Poco::Util::Option("config", "c", "Read settings from a properties file.").argument("FILE").repeatable(false));
    for (const KeyOption& option : kKeyOptions) {
        options.addOption(
            Poco::Util::Option(option.name, "", option.description).argument(option.argument).repeatable(false));
    }
    options.addOption(
        Poco::Util::Option("demo", "", "Load the demo data on first start (empty database). [demo.enabled]"));
    options.addOption(Poco::Util::Option("set", "", "Set any configuration key (repeatable).")
                          .argument("KEY=VALUE")
                          .repeatable(true));
}

void ServerApp::handleOption(const std::string& name, const std::string& value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help" || name == "version") {
        (name == "help" ? m_helpRequested : m_versionRequested) = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        m_configFile = value;
    } else if (name == "demo") {
        m_commandLine["demo.enabled"] = "true";
    } else if (name == "set") {
        const std::size_t equals = value.find('=');
        if (equals == std::string::npos || equals == 0)
            throw Poco::Util::InvalidArgumentException("--set expects KEY=VALUE, got '" + value + "'");
        m_commandLine[value.substr(0, equals)] = value.substr(equals + 1);
    } else {
        for (const KeyOption& option : kKeyOptions) {
            if (name == option.name)
                m_commandLine[option.key] = value;
        }
    }
}

int ServerApp::main(const std::vector<std::string>& args)
{
    if (m_helpRequested) {
        Poco::Util::HelpFormatter help(options());
        help.setCommand("citycode-server");
        help.setUsage("[OPTIONS]");
        help.setHeader("CityCode server: the code engine, open API and admin API over HTTP. Settings come from "
                       "the options, then the environment (CITYCODE_LISTEN, CITYCODE_DATA_DIR, "
                       "CITYCODE_DATABASE_URL, CITYCODE_ADMIN_PASSWORD), then the --config file, then defaults.");
        help.setUnixStyle(true);
        help.format(std::cout);
        return EXIT_OK;
    }
    if (m_versionRequested) {
        std::cout << "citycode-server " << CITYCODE_VERSION << std::endl;
        return EXIT_OK;
    }
    if (!args.empty()) {
        std::cerr << "citycode-server: unexpected argument '" << args.front() << "' (see --help)" << std::endl;
        return EXIT_USAGE;
    }

    std::optional<ServerConfig> config;
    try {
        config = ServerConfig::load(m_configFile, m_commandLine);
        prepareFolder(config->dataDir);
        setUpLogging(*config);
    } catch (const common::Error& e) {
        std::cerr << "citycode-server: configuration error: " << e.what() << std::endl;
        return EXIT_CONFIG;
    }
    try {
        return serve(*config);
    } catch (const StartupFailure& e) {
        std::cerr << "citycode-server: " << e.what() << std::endl;
        if (config->logTarget == "file")
            Poco::Logger::get("citycode").critical(e.what());
        return e.exitCode();
    }
}

int ServerApp::serve(const ServerConfig& config)
{
    Poco::Logger& log = Poco::Logger::get("citycode");
    if (!config.portFile.empty())
        std::remove(config.portFile.c_str()); // a stale port must never be read as this run's
    Passwords::setIterations(static_cast<int>(config.auth.passwordIterations));
    if (config.auth.passwordIterations < Passwords::kIterations)
        log.warning("auth.password_iterations=" + std::to_string(config.auth.passwordIterations) + " is below " +
                    std::to_string(Passwords::kIterations) +
                    ": new password hashes are cheaper to guess; use this for test suites only");

    // The socket is bound before the database is set up: if the port is taken, the process fails
    // before a one-time password is created that nobody would ever see.
    // TLS first: a missing or corrupt key file stops the server before anything else happens
    // (QUALITY.md), with the file named.
    Poco::Net::Context::Ptr tls;
    if (!config.tlsCert.empty())
        tls = tlsContext(config);
    Poco::Net::ServerSocket socket = tls ? Poco::Net::SecureServerSocket(tls) : Poco::Net::ServerSocket();
    try {
        // SO_REUSEADDR restarts at once despite connections in TIME_WAIT; SO_REUSEPORT, which
        // Poco's two-argument bind() also sets, would let a second server share the port.
        socket.bind(config.listen, true, false);
        socket.listen(config.maxQueued);
    } catch (const Poco::Exception& e) {
        fail(EXIT_UNAVAILABLE, "cannot listen on " + config.listen.toString() + ": " + e.displayText());
    }

    std::string demoDir;
    try {
        demoDir = demoDirectory(config);
    } catch (const common::Error& e) {
        fail(EXIT_CONFIG, std::string("configuration error: ") + e.what());
    }

    // The data key before the database: a wrong or corrupt key would make every sealed personal
    // value unreadable, so it stops the start with the file named (QUALITY.md, "Faults").
    std::optional<PersonalDataCipher> cipher;
    try {
        cipher = PersonalDataCipher::fromKeyFile(config.dataKeyFile);
    } catch (const common::Error& e) {
        fail(EXIT_CONFIG, "security.data_key_file " + config.dataKeyFile + ": " + e.what());
    }

    std::unique_ptr<Database> database;
    std::optional<InitialAdministrator> admin;
    try {
        // One session per worker thread, plus start-up and housekeeping.
        database = std::make_unique<Database>(config.databaseUrl, config.dataDir, config.maxThreads + 4);
        log.information("database: %s at %s", std::string(database->backendName()), database->location());
        Migrations(*database, log).apply();
        admin =
            SetupService(*database, log).initialize({config.mainPlatformName, config.initialAdminPassword, demoDir});
    } catch (const common::Error& e) {
        fail(EXIT_SOFTWARE, std::string("cannot prepare the database: ") + e.what());
    } catch (const Poco::Exception& e) {
        fail(EXIT_SOFTWARE, "cannot prepare the database: " + e.displayText());
    }

    ServerServices::Options serviceOptions;
    serviceOptions.auth = config.auth;
    serviceOptions.settingDefaults.signingAlg = config.keysSigningAlg;
    serviceOptions.settingDefaults.keyOverlapSeconds = config.keysOverlapSeconds;
    serviceOptions.metricsAllow = config.metricsAllow;
    serviceOptions.mainPlatformName = config.mainPlatformName;
    serviceOptions.testClockOffsetFile = config.testClockOffsetFile;
    // The services outlive the HTTP server below.
    ServerServices services(*database, *cipher, serviceOptions, log);
    const TrustedProxies proxies(AddressList::parse(config.trustedProxies));
    try {
        // First start: the main platform's signing, MAC and trust-list keys (KeyStore.h). A key
        // that does not open under the data key stops the start here, not at the first scan.
        services.keys.prepare();
    } catch (const common::Error& e) {
        fail(EXIT_SOFTWARE, std::string("cannot prepare the code keys: ") + e.what());
    } catch (const Poco::Exception& e) {
        fail(EXIT_SOFTWARE, "cannot prepare the code keys: " + e.displayText());
    }
    Poco::SharedPtr<Router> router(new Router(config.maxBodyBytes));
    router->setAuthenticator(&services.sessions);
    addRoutes(*router, services.api());
    router->setTrustedProxies(proxies);
    router->setMetrics(&services.metrics);

    // Poco's defaults are unbounded or long (no per-connection request limit, 60 s timeouts);
    // bounded values keep slow or greedy clients from holding every worker.
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config.maxThreads);
    params->setMaxQueued(config.maxQueued);
    params->setKeepAlive(config.keepAlive);
    params->setMaxKeepAliveRequests(config.maxKeepAliveRequests);
    params->setKeepAliveTimeout(Poco::Timespan(config.keepAliveTimeoutSeconds, 0));
    params->setTimeout(Poco::Timespan(config.timeoutSeconds, 0));
    // Poco 1.11 wakes the idle workers when stopping, but a worker that is just going back to
    // sleep misses it and sleeps for the whole idle time; a short idle time bounds that delay of
    // the stop (default 10 s). Idle workers beyond the first then retire sooner too, which costs
    // little: a thread is started again when the queue fills.
    params->setThreadIdleTime(Poco::Timespan(1, 0));
    // A pool of our own, so that stopping can wait for exactly the requests still being handled.
    // Only the TLS front uses it: the event loops keep their own workers.
    std::optional<Poco::ThreadPool> workers;
    ConnectionRegistry::Settings limits;
    limits.maxPerAddress = config.maxConnectionsPerAddress;
    limits.headerTimeout = Poco::Timespan(config.headerTimeoutSeconds, 0);
    limits.keepAliveTimeout = Poco::Timespan(config.keepAliveTimeoutSeconds, 0);
    limits.tls = static_cast<bool>(tls);
    // Only with TLS does each open connection hold a worker.
    if (tls && config.maxConnectionsPerAddress >= config.maxThreads)
        log.warning("server.max_connections_per_address (%d) >= server.max_threads (%d): one address can occupy "
                    "every worker",
                    config.maxConnectionsPerAddress, config.maxThreads);
    // TLS: Poco's thread-per-connection server (its handshake blocks); plain HTTP: event loops.
    std::unique_ptr<HttpServer> tlsServer;
    std::unique_ptr<EventHttpServer> eventServer;
    if (tls) {
        workers.emplace(1, config.maxThreads);
        tlsServer = std::make_unique<HttpServer>(router, *workers, socket, params, limits, services.metrics, proxies);
    } else {
        EventHttpServer::Settings settings;
        settings.loops = config.ioThreads > 0 ? config.ioThreads
                                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
        settings.workers = config.maxThreads;
        settings.maxConnections = config.maxThreads + config.maxQueued;
        settings.keepAlive = config.keepAlive;
        settings.maxKeepAliveRequests = config.maxKeepAliveRequests;
        settings.bodyTimeout = Poco::Timespan(config.timeoutSeconds, 0);
        // On PostgreSQL a "fast" route's reads cross the network: every request goes to a worker.
        settings.fastRoutesOnLoops = database->backend() == DatabaseBackend::Sqlite;
        eventServer = std::make_unique<EventHttpServer>(router, socket, settings, limits, services.metrics, proxies);
    }

    const std::string url = config.urlFor(socket.address().port());
    if (admin)
        printFirstStart(*admin, url);
    if (tlsServer)
        tlsServer->start();
    else
        eventServer->start();
    if (!config.portFile.empty())
        writePortFile(config.portFile, socket.address().port());
    log.information("citycode-server %s listening on %s (%s)", std::string(CITYCODE_VERSION),
                    socket.address().toString(), url);

    // 002 §5.2.5 key policy: keys current for keyRotationDays are rotated (on whichever node
    // gets there first; the others find nothing due).
    PeriodicTask keyRotation(std::chrono::seconds(config.keysRotationCheckSeconds), [&services, &log] {
        try {
            for (const KeyService::Rotated& key : services.keys.rotateDue())
                log.notice("rotated the %s key of platform %?d (current for the setting keyRotationDays): %s "
                           "replaces %s, which verifies until the end of the overlap",
                           key.purpose, key.platformId, key.newKeyId, key.oldKeyId);
        } catch (const Poco::Exception& e) {
            log.error("automatic key rotation failed, will try again: %s", e.displayText());
        } catch (const std::exception& e) {
            log.error("automatic key rotation failed, will try again: %s", std::string(e.what()));
        }
    });

    waitForTerminationRequest();
    keyRotation.stop();

    log.information("stopping: no new connections, finishing requests in progress");
    // Idle connections close now, busy ones after their current answer.
    if (tlsServer) {
        tlsServer->stopAll();
        workers->joinAll();
    } else {
        eventServer->stop();
    }
    services.openApi.stop(); // the records of the last answered requests are committed
    database->close();
    if (!config.portFile.empty())
        std::remove(config.portFile.c_str());
    log.information("stopped");
    // The access log's last lines wait in its buffer (BufferedLogChannel): write them now.
    if (Poco::Channel::Ptr access = Poco::Logger::get("citycode.access").getChannel())
        access->close();
    return EXIT_OK;
}

void ServerApp::setUpLogging(const ServerConfig& config)
{
    Poco::AutoPtr<Poco::PatternFormatter> format = new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S.%iZ [%p] %s: %t");
    Poco::AutoPtr<Poco::Channel> serverChannel;
    Poco::AutoPtr<Poco::Channel> accessChannel;
    if (config.logTarget == "file") {
        const std::string logDir = Poco::Path(Poco::Path::forDirectory(config.dataDir), "logs").toString();
        prepareFolder(logDir);
        serverChannel = fileChannel(logDir + "/citycode-server.log");
        accessChannel = fileChannel(logDir + "/access.log");
    } else {
        // Diagnostics to stderr, the access log (one JSON line per request) to stdout.
        serverChannel = new Poco::ConsoleChannel(std::cerr);
        accessChannel = new Poco::ConsoleChannel(std::cout);
    }
    Poco::AutoPtr<Poco::Channel> formatted = new Poco::FormattingChannel(format, serverChannel);
    if (config.logTarget == "file") {
        // A full disk drops (and counts) log lines instead of failing the requests that log.
        formatted = new TolerantChannel(formatted, "server log");
        accessChannel = new TolerantChannel(accessChannel, "access log", formatted);
    }
    const int level = Poco::Logger::parseLevel(config.logLevel);
    Poco::Logger::setChannel("", formatted); // "" is the root: every logger below it
    Poco::Logger::setLevel("", level);
    // The access log has no formatter: each message is already a complete JSON line.
    Poco::Logger& access = Poco::Logger::get("citycode.access");
    access.setChannel(new BufferedLogChannel(accessChannel));
    access.setLevel(config.accessLog ? Poco::Message::PRIO_INFORMATION : 0);
}

std::string ServerApp::demoDirectory(const ServerConfig& config) const
{
    if (!config.demo)
        return {};
    std::string dir = config.demoDir;
    if (dir.empty()) {
        // Installed layout: <prefix>/bin/citycode-server and <prefix>/share/citycode/demo.
        Poco::Path prefix(Poco::Path::forDirectory(this->config().getString("application.dir")));
        for (int depth = Poco::Path(Poco::Path::forDirectory(CITYCODE_INSTALL_BINDIR)).depth(); depth > 0; --depth)
            prefix.popDirectory();
        dir = Poco::Path(prefix, Poco::Path::forDirectory(CITYCODE_INSTALL_DATADIR "/demo")).toString();
    }
    if (!Poco::File(Poco::Path(Poco::Path::forDirectory(dir), "platforms.json")).exists())
        throw common::Error("CONFIG_INVALID",
                            "no demo data (platforms.json) in " + dir + "; set demo.dir or --demo-dir");
    return dir;
}

void ServerApp::printFirstStart(const InitialAdministrator& admin, const std::string& url)
{
    // Shown once, on stdout, for the person who started the server; never logged or stored.
    const std::string rule(64, '=');
    std::cout << rule << "\n"
              << " CityCode first start: the initial administrator was created.\n"
              << "   URL:       " << url << "\n"
              << "   User:      " << admin.username << "\n";
    if (admin.passwordGenerated) {
        std::cout << "   Password:  " << admin.password << "\n"
                  << " This one-time password is shown only now. It must be changed\n"
                  << " at the first login.\n";
    } else {
        std::cout << "   Password:  (as set by admin.initial_password)\n"
                  << " The password must be changed at the first login.\n";
    }
    std::cout << rule << std::endl;
}

void ServerApp::writePortFile(const std::string& path, unsigned short port)
{
    // Written under a temporary name and renamed, so a watcher never reads half a number.
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << port << "\n";
        if (!out.flush())
            fail(EXIT_CANTCREAT, "cannot write the port file " + temporary);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
        fail(EXIT_CANTCREAT, "cannot write the port file " + path);
}

} // namespace citycode::server

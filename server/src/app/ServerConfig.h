#pragma once

#include "services/AuthSettings.h"

#include <Poco/Net/SocketAddress.h>

#include <cstddef>
#include <map>
#include <string>

namespace citycode::server {

// The server's typed configuration. Every key, with its default, is documented in
// resources/config/citycode-server.properties. Sources, strongest first: command-line options
// (and --set KEY=VALUE), environment variables, the --config properties file, built-in defaults.
struct ServerConfig
{
    Poco::Net::SocketAddress listen;        // server.listen  (CITYCODE_LISTEN, --listen)
    std::string publicUrl;                  // server.public_url, shown in the first-start message
    int maxThreads = 64;                    // server.max_threads
    int maxQueued = 64;                     // server.max_queued
    int ioThreads = 0;                      // server.io_threads (0: one per CPU core)
    int maxConnectionsPerAddress = 32;      // server.max_connections_per_address
    int headerTimeoutSeconds = 5;           // server.header_timeout
    bool keepAlive = true;                  // server.keep_alive
    int maxKeepAliveRequests = 100;         // server.max_keep_alive_requests
    int keepAliveTimeoutSeconds = 10;       // server.keep_alive_timeout
    int timeoutSeconds = 10;                // server.timeout
    std::size_t maxBodyBytes = 1024 * 1024; // server.max_body_bytes
    std::string trustedProxies;             // server.trusted_proxies (addresses and networks)
    std::string metricsAllow;               // server.metrics_allow (addresses and networks)
    std::string tlsCert;                    // server.tls_cert: PEM certificate chain; empty: plain HTTP
    std::string tlsKey;                     // server.tls_key: PEM private key of tls_cert
    std::string portFile;                   // server.port_file (--port-file)
    std::string dataDir;                    // data.dir (CITYCODE_DATA_DIR, --data-dir), absolute
    std::string databaseUrl;                // database.url (CITYCODE_DATABASE_URL, --database-url)
    std::string dataKeyFile;                // security.data_key_file: SM4 key of personal data, absolute
    std::string logTarget = "console";      // log.target: console | file
    std::string logLevel = "information";   // log.level
    bool accessLog = true;                  // log.access
    std::string mainPlatformName;           // platform.main_name
    std::string initialAdminPassword;       // admin.initial_password (CITYCODE_ADMIN_PASSWORD)
    AuthSettings auth;                      // auth.*: captcha, session timeouts, login throttling
    bool demo = false;                      // demo.enabled (--demo)
    std::string demoDir;                    // demo.dir (--demo-dir)
    std::string keysSigningAlg = "SM2-SM3"; // keys.signing_alg: SM2-SM3 | ECDSA-P256, new signing keys
    long long keysOverlapSeconds = 86400;   // keys.overlap_seconds: a rotated key verifies this long
    int keysRotationCheckSeconds = 600;     // keys.rotation_check_seconds: how often keys due are rotated
    std::string testClockOffsetFile;        // testing.clock_offset_file: tests only, empty = system clock

    // Builds the configuration from a properties file (empty: none), the environment and the
    // command-line values (config key -> value). Throws citycode::common::Error("CONFIG_INVALID")
    // naming the key and the expected form for any bad value, ("CONFIG_FILE") for an unreadable file.
    static ServerConfig load(const std::string& configFile, const std::map<std::string, std::string>& commandLine);

    // "http://HOST:PORT" (https with TLS) for the bound port (server.public_url when set).
    std::string urlFor(unsigned short boundPort) const;
};

} // namespace citycode::server

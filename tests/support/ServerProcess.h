#pragma once

#include "TempDir.h"

#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace citycode::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// An HTTP answer as parsed by parseHttpResponse().
struct HttpResponse
{
    int status = 0;
    HeaderList headers; // in the order received
    std::string body;   // de-chunked

    // The first header with this name (case-insensitive), or an empty string.
    std::string header(const std::string& name) const;
    bool hasHeader(const std::string& name) const;
};

// Sends one HTTP/1.1 request to 127.0.0.1:port with "Connection: close" (plus Host and, for a
// body, Content-Length) and returns the answer. Blocking, plain POSIX sockets, 10 s timeouts;
// throws std::runtime_error when the server cannot be reached or answers garbage.
HttpResponse httpRequest(int port, const std::string& method, const std::string& path, const std::string& body = {},
                         const HeaderList& headers = {});

// Sends `request` byte for byte and returns everything the server sends until it closes the
// connection (so the request should say "Connection: close"). For malformed or unusual requests.
std::string httpExchangeRaw(int port, const std::string& request);

// Parses one complete HTTP/1.1 answer; throws std::runtime_error when it is malformed.
HttpResponse parseHttpResponse(const std::string& raw);

// How to start a citycode-server.
struct ServerOptions
{
    std::string dataDir;                // --data-dir DIR, unless empty
    std::string listen = "127.0.0.1:0"; // --listen ADDRESS, unless empty
    std::vector<std::string> args;      // further arguments
    HeaderList env;                     // environment variables set for the server only
    // A command the server is started through, e.g. {"unshare", "-rm", "sh", "-c", "...; exec
    // \"$@\"", "sh"}: the server's command line is appended to it, and it is looked up in PATH. The
    // wrapper must exec the server, so that pid() stays the server's. Empty: started directly.
    std::vector<std::string> wrapper = {};
};

// A real citycode-server process for a test: started with --port-file in a private folder, its
// stdout and stderr captured to files there, and its readiness judged by /health answering.
// The CITYCODE_LISTEN, CITYCODE_DATA_DIR, CITYCODE_DATABASE_URL and CITYCODE_ADMIN_PASSWORD
// variables of the test's own environment are not passed on: only ServerOptions::env counts.
// With CITYCODE_TEST_BACKEND=postgresql, a server that is not given a database URL gets
// --database-url of its data folder's PostgreSQL database (TestBackend). The destructor kills a
// server that is still running.
class ServerProcess
{
public:
    explicit ServerProcess(ServerOptions options);
    explicit ServerProcess(const std::string& dataDir, std::vector<std::string> args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // launch() + waitUntilReady(); throws std::runtime_error (with the server's output) when the
    // server exits or is not ready within the timeout. Generous: a first start applies every
    // migration and creates the keys, which on a loaded 2-core machine took over 10 s.
    void start(int timeoutMs = 30000);
    void launch();
    void waitUntilReady(int timeoutMs = 30000);

    // Waits for the process to end by itself; its exit code (128 + signal when killed), or -1
    // when it is still running after timeoutMs.
    int waitForExit(int timeoutMs);
    // SIGTERM, then waits; returns the exit code. After timeoutMs it is killed and 128 + SIGKILL
    // is returned.
    int stop(int timeoutMs = 10000);
    // SIGKILL and reap.
    void kill();
    bool running();

    pid_t pid() const { return m_pid; }
    int port() const { return m_port; } // after waitUntilReady()
    std::string output() const;         // stdout so far
    std::string errors() const;         // stderr so far

    // The citycode-server binary: $CITYCODE_SERVER_BIN, or the one of this build tree.
    static std::string binary();

private:
    bool reap(int options);
    // The PostgreSQL database to pass on, or empty (SQLite, or the test chose a database).
    std::string postgresDatabaseUrl() const;

    ServerOptions m_options;
    TempDir m_runDir; // port file and captured output
    pid_t m_pid = -1;
    int m_exitCode = -1;
    int m_port = 0;
};

} // namespace citycode::test

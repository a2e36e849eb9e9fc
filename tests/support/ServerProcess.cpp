#include "ServerProcess.h"

#include "TestBackend.h"

#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <spawn.h>
#include <stdexcept>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace citycode::test {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSocketTimeoutSeconds = 10;
const char* const kServerVariables[] = {"CITYCODE_LISTEN", "CITYCODE_DATA_DIR", "CITYCODE_DATABASE_URL",
                                        "CITYCODE_ADMIN_PASSWORD"};

// Closes a file descriptor when it goes out of scope.
class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string trim(const std::string& text)
{
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string decodeChunked(const std::string& data)
{
    std::string body;
    std::size_t at = 0;
    for (;;) {
        const std::size_t lineEnd = data.find("\r\n", at);
        if (lineEnd == std::string::npos)
            throw std::runtime_error("truncated chunked body");
        const std::size_t size = std::stoul(data.substr(at, lineEnd - at), nullptr, 16);
        at = lineEnd + 2;
        if (size == 0)
            return body;
        if (at + size > data.size())
            throw std::runtime_error("truncated chunk");
        body.append(data, at, size);
        at += size + 2;
    }
}

std::string fileContent(const std::string& path)
{
    try {
        return readFile(path);
    } catch (const std::exception&) {
        return {};
    }
}

// The value of `key` in a Java-style properties file ("key = value" lines); empty when absent.
std::string propertyInFile(const std::string& path, const std::string& key)
{
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const std::size_t separator = line.find_first_of("=:");
        if (separator != std::string::npos && trim(line.substr(0, separator)) == key)
            return trim(line.substr(separator + 1));
    }
    return {};
}

} // namespace

std::string HttpResponse::header(const std::string& name) const
{
    for (const auto& [key, value] : headers) {
        if (strcasecmp(key.c_str(), name.c_str()) == 0)
            return value;
    }
    return {};
}

bool HttpResponse::hasHeader(const std::string& name) const
{
    for (const auto& entry : headers) {
        if (strcasecmp(entry.first.c_str(), name.c_str()) == 0)
            return true;
    }
    return false;
}

std::string httpExchangeRaw(int port, const std::string& request)
{
    Fd fd(::socket(AF_INET, SOCK_STREAM, 0));
    if (fd.get() < 0)
        throw std::runtime_error("socket failed");
    timeval timeout{kSocketTimeoutSeconds, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno));
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // the server may answer (e.g. 413) and close before reading everything
        sent += static_cast<std::size_t>(n);
    }
    std::string answer;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            throw std::runtime_error("no answer from 127.0.0.1:" + std::to_string(port) + " within " +
                                     std::to_string(kSocketTimeoutSeconds) + " s");
        if (n <= 0)
            break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    return answer;
}

HttpResponse parseHttpResponse(const std::string& raw)
{
    const std::size_t headerEnd = raw.find("\r\n\r\n");
    if (raw.compare(0, 5, "HTTP/") != 0 || headerEnd == std::string::npos)
        throw std::runtime_error("malformed HTTP answer: '" + raw.substr(0, 200) + "'");
    HttpResponse response;
    const std::size_t statusEnd = raw.find("\r\n");
    const std::size_t space = raw.find(' ');
    response.status = std::stoi(raw.substr(space + 1, 3));
    for (std::size_t at = statusEnd + 2; at < headerEnd;) {
        const std::size_t lineEnd = raw.find("\r\n", at);
        const std::string line = raw.substr(at, lineEnd - at);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos)
            response.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
        at = lineEnd + 2;
    }
    const std::string rest = raw.substr(headerEnd + 4);
    if (lower(response.header("Transfer-Encoding")) == "chunked")
        response.body = decodeChunked(rest);
    else if (response.hasHeader("Content-Length"))
        response.body = rest.substr(0, std::stoul(response.header("Content-Length")));
    else
        response.body = rest;
    return response;
}

HttpResponse httpRequest(int port, const std::string& method, const std::string& path, const std::string& body,
                         const HeaderList& headers)
{
    std::string request =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n" + body;
    return parseHttpResponse(httpExchangeRaw(port, request));
}

ServerProcess::ServerProcess(ServerOptions options) : m_options(std::move(options)) {}

ServerProcess::ServerProcess(const std::string& dataDir, std::vector<std::string> args)
    : ServerProcess(ServerOptions{dataDir, "127.0.0.1:0", std::move(args), {}})
{
}

ServerProcess::~ServerProcess()
{
    if (m_pid > 0 && m_exitCode < 0)
        kill();
}

std::string ServerProcess::binary()
{
    if (const char* path = std::getenv("CITYCODE_SERVER_BIN"); path && *path)
        return path;
#ifdef CITYCODE_SERVER_BIN
    return CITYCODE_SERVER_BIN;
#else
    throw std::runtime_error("no citycode-server in this build: set CITYCODE_SERVER_BIN");
#endif
}

void ServerProcess::launch()
{
    if (m_pid > 0)
        throw std::logic_error("ServerProcess::launch called twice");
    std::vector<std::string> argv = {binary(), "--port-file", m_runDir.file("port")};
    if (!m_options.dataDir.empty())
        argv.insert(argv.end(), {"--data-dir", m_options.dataDir});
    if (!m_options.listen.empty())
        argv.insert(argv.end(), {"--listen", m_options.listen});
    const std::string databaseUrl = postgresDatabaseUrl();
    if (!databaseUrl.empty())
        argv.insert(argv.end(), {"--database-url", databaseUrl});
    argv.insert(argv.end(), m_options.args.begin(), m_options.args.end());
    argv.insert(argv.begin(), m_options.wrapper.begin(), m_options.wrapper.end());

    std::vector<std::string> env;
    for (char** entry = environ; *entry; ++entry) {
        const std::string variable(*entry);
        const std::string name = variable.substr(0, variable.find('='));
        bool dropped = false;
        for (const char* server : kServerVariables)
            dropped = dropped || name == server;
        for (const auto& extra : m_options.env)
            dropped = dropped || name == extra.first;
        if (!dropped)
            env.push_back(variable);
    }
    for (const auto& [name, value] : m_options.env)
        env.push_back(name + "=" + value);

    std::vector<char*> args, envp;
    for (auto& a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, m_runDir.file("stdout.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, m_runDir.file("stderr.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    // The child starts with no blocked signals and default SIGPIPE handling, whatever the test
    // process (which ignores SIGPIPE in runProcess) has set up.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const int rc = m_options.wrapper.empty()
                       ? posix_spawn(&m_pid, args[0], &actions, &attributes, args.data(), envp.data())
                       : posix_spawnp(&m_pid, args[0], &actions, &attributes, args.data(), envp.data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        m_pid = -1;
        throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
}

std::string ServerProcess::postgresDatabaseUrl() const
{
    if (!TestBackend::postgresql())
        return {};
    // The data folder and database as the server resolves them (command line, then environment,
    // then --config file); a test that names its own database keeps it.
    std::string dataDir = m_options.dataDir, configFile;
    for (const auto& [name, value] : m_options.env) {
        if (name == "CITYCODE_DATABASE_URL")
            return {};
        if (name == "CITYCODE_DATA_DIR" && dataDir.empty())
            dataDir = value;
    }
    for (std::size_t i = 0; i < m_options.args.size(); ++i) {
        const std::string& arg = m_options.args[i];
        const std::string next = i + 1 < m_options.args.size() ? m_options.args[i + 1] : std::string();
        if (arg == "--database-url" || arg.rfind("--database-url=", 0) == 0 ||
            (arg == "--set" && next.rfind("database.url=", 0) == 0))
            return {};
        if (arg == "--data-dir")
            dataDir = next;
        else if (arg == "--set" && next.rfind("data.dir=", 0) == 0)
            dataDir = next.substr(9);
        else if (arg == "--config")
            configFile = next;
    }
    if (!configFile.empty()) {
        if (!propertyInFile(configFile, "database.url").empty())
            return {};
        if (dataDir.empty())
            dataDir = propertyInFile(configFile, "data.dir");
    }
    // Servers of one data folder share its database, as they would share citycode.db.
    return dataDir.empty() ? TestBackend::createDatabase() : TestBackend::databaseUrlFor(dataDir);
}

void ServerProcess::waitUntilReady(int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    const auto diagnosis = [this](const std::string& what) {
        return std::runtime_error("citycode-server " + what + "\n--- stdout ---\n" + output() + "--- stderr ---\n" +
                                  errors());
    };
    while (Clock::now() < deadline) {
        if (!running())
            throw diagnosis("exited with code " + std::to_string(m_exitCode) + " before it was ready");
        const std::string port = fileContent(m_runDir.file("port"));
        if (!port.empty() && port.back() == '\n') {
            m_port = std::stoi(port);
            try {
                httpRequest(m_port, "GET", "/health");
                return;
            } catch (const std::runtime_error&) {
                // not accepting yet
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw diagnosis("was not ready within " + std::to_string(timeoutMs) + " ms");
}

void ServerProcess::start(int timeoutMs)
{
    launch();
    waitUntilReady(timeoutMs);
}

bool ServerProcess::reap(int options)
{
    if (m_pid <= 0 || m_exitCode >= 0)
        return true;
    int status = 0;
    pid_t r;
    while ((r = ::waitpid(m_pid, &status, options)) < 0 && errno == EINTR) {
    }
    if (r != m_pid)
        return false;
    m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
}

bool ServerProcess::running()
{
    return m_pid > 0 && !reap(WNOHANG);
}

int ServerProcess::waitForExit(int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (running()) {
        if (Clock::now() >= deadline)
            return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return m_exitCode;
}

int ServerProcess::stop(int timeoutMs)
{
    if (running())
        ::kill(m_pid, SIGTERM);
    if (waitForExit(timeoutMs) < 0)
        kill();
    return m_exitCode;
}

void ServerProcess::kill()
{
    if (running()) {
        ::kill(m_pid, SIGKILL);
        reap(0);
    }
}

std::string ServerProcess::output() const
{
    return fileContent(m_runDir.file("stdout.log"));
}

std::string ServerProcess::errors() const
{
    return fileContent(m_runDir.file("stderr.log"));
}

} // namespace citycode::test

#include "LoopbackClient.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace citycode::test {

LoopbackClient::LoopbackClient(int port, const std::string& sourceAddress)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        throw std::runtime_error("socket failed");
    sockaddr_in source{};
    source.sin_family = AF_INET;
    if (::inet_pton(AF_INET, sourceAddress.c_str(), &source.sin_addr) != 1) {
        close();
        throw std::runtime_error("bad source address " + sourceAddress);
    }
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::bind(m_fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0 ||
        ::connect(m_fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
        const std::string reason = std::strerror(errno);
        close();
        throw std::runtime_error("cannot connect from " + sourceAddress + " to 127.0.0.1:" + std::to_string(port) +
                                 ": " + reason);
    }
}

LoopbackClient::~LoopbackClient()
{
    close();
}

LoopbackClient::LoopbackClient(LoopbackClient&& other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

bool LoopbackClient::send(const std::string& data)
{
    for (std::size_t sent = 0; sent < data.size();) {
        const ssize_t n = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

LoopbackClient::Received LoopbackClient::receiveUntilClosed(std::chrono::milliseconds timeout)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto deadline = started + timeout;
    Received received;
    char buffer[8192];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            break;
        pollfd item{m_fd, POLLIN, 0};
        const int ready = ::poll(&item, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            break;
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            received.closed = true; // 0: FIN; < 0: typically ECONNRESET
            break;
        }
        received.data.append(buffer, static_cast<std::size_t>(n));
    }
    received.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return received;
}

void LoopbackClient::finishSending()
{
    ::shutdown(m_fd, SHUT_WR);
}

void LoopbackClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

} // namespace citycode::test

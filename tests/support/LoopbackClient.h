#pragma once

#include <chrono>
#include <string>

namespace citycode::test {

// A raw TCP connection to a server on 127.0.0.1 from a chosen loopback source address: Linux
// routes all of 127.0.0.0/8 to the loopback interface, so 127.0.0.2 looks like another client.
// For tests of slow, half-sent and over-limit clients; plain POSIX sockets, blocking with
// deadlines, never SIGPIPE.
class LoopbackClient
{
public:
    // Connects at once; throws std::runtime_error when the connection cannot be made.
    LoopbackClient(int port, const std::string& sourceAddress = "127.0.0.1");
    ~LoopbackClient();
    LoopbackClient(LoopbackClient&& other) noexcept;
    LoopbackClient(const LoopbackClient&) = delete;
    LoopbackClient& operator=(const LoopbackClient&) = delete;
    LoopbackClient& operator=(LoopbackClient&&) = delete;

    // False when the server has already closed or reset the connection.
    bool send(const std::string& data);

    struct Received
    {
        std::string data;
        bool closed = false; // the server closed (FIN) or reset (RST) the connection
        std::chrono::milliseconds elapsed{0};
    };
    // Reads until the server closes the connection or `timeout` passes.
    Received receiveUntilClosed(std::chrono::milliseconds timeout);

    // Half-closes the connection: the server reads end-of-file, the answer can still arrive.
    void finishSending();
    void close();

private:
    int m_fd = -1;
};

} // namespace citycode::test

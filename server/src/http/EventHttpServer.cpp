#include "http/EventHttpServer.h"

#include "http/BufferedMessages.h"
#include "http/ErrorMapper.h"
#include "http/HttpMetrics.h"
#include "http/RequestHead.h"
#include "http/RequestId.h"
#include "http/Router.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <functional>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <string>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace citycode::server {

namespace {

// A request header longer than this without its end is refused with 431 (Poco's own limits on
// field count, name, value and target apply to a complete header, with their own answers).
constexpr std::size_t kMaxHeader = 64 * 1024;
constexpr std::size_t kReadChunk = 16 * 1024;
// A connection stops reading ahead (pipelined requests) while this much waits unparsed.
constexpr std::size_t kMaxReadAhead = 256 * 1024;
// epoll tags of a loop's own descriptors; a connection's tag is its serial and descriptor.
constexpr std::uint64_t kWakeTag = ~std::uint64_t{0};
constexpr std::uint64_t kListenTag = ~std::uint64_t{0} - 1;

// The Date header (RFC 9110 §6.6.1), formatted once a second per thread.
const std::string& httpDate()
{
    thread_local std::time_t second = 0;
    thread_local std::string text;
    const std::time_t now = std::time(nullptr);
    if (now != second) {
        second = now;
        text = Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(now), Poco::DateTimeFormat::HTTP_FORMAT);
    }
    return text;
}

// Where the end of a request header is in `data` (the index just after the empty line), or npos.
std::size_t headerEnd(const std::string& data)
{
    const std::size_t crlf = data.find("\r\n\r\n");
    const std::size_t lf = data.find("\n\n");
    if (crlf == std::string::npos && lf == std::string::npos)
        return std::string::npos;
    if (lf == std::string::npos || (crlf != std::string::npos && crlf + 1 < lf))
        return crlf + 4;
    return lf + 2;
}

// Decodes a chunked body (RFC 9112 §7.1) as its bytes arrive.
class ChunkDecoder
{
public:
    enum class Step
    {
        More,      // needs more input
        Done,      // the last chunk and the trailer have been read
        Malformed, // not chunked framing
        TooLarge,  // longer than the limit: `body` holds limit + 1 bytes
    };

    explicit ChunkDecoder(std::size_t limit) : m_limit(limit) {}

    // Consumes what it can from the front of `in`, appending the data to `body`.
    Step feed(std::string& in, std::string& body)
    {
        std::size_t at = 0;
        Step step = Step::More;
        for (;;) {
            if (m_state == State::Size || m_state == State::Trailer) {
                const std::size_t end = in.find('\n', at);
                if (end == std::string::npos) {
                    if (in.size() - at > 4096)
                        step = Step::Malformed;
                    break;
                }
                std::string line = in.substr(at, end - at);
                at = end + 1;
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                if (m_state == State::Trailer) {
                    if (line.empty()) {
                        step = Step::Done;
                        break;
                    }
                    continue; // trailer fields are ignored
                }
                line = line.substr(0, line.find(';')); // chunk extensions are ignored
                Poco::trimInPlace(line);
                if (line.empty() || line.size() > 15 ||
                    line.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
                    step = Step::Malformed;
                    break;
                }
                m_left = std::stoull(line, nullptr, 16);
                m_state = m_left == 0 ? State::Trailer : State::Data;
            } else if (m_state == State::Data) {
                const std::size_t take = std::min<std::size_t>(m_left, in.size() - at);
                const std::size_t room = m_limit + 1 - std::min(body.size(), m_limit + 1);
                body.append(in, at, std::min(take, room));
                at += take;
                m_left -= take;
                if (body.size() > m_limit) {
                    step = Step::TooLarge;
                    break;
                }
                if (m_left > 0)
                    break;
                m_state = State::DataEnd;
            } else { // DataEnd: the CRLF after a chunk's data
                if (in.size() - at < 1)
                    break;
                if (in[at] == '\n') {
                    at += 1;
                } else if (in[at] == '\r') {
                    if (in.size() - at < 2)
                        break;
                    if (in[at + 1] != '\n') {
                        step = Step::Malformed;
                        break;
                    }
                    at += 2;
                } else {
                    step = Step::Malformed;
                    break;
                }
                m_state = State::Size;
            }
        }
        in.erase(0, at);
        return step;
    }

private:
    enum class State
    {
        Size,
        Data,
        DataEnd,
        Trailer,
    };
    std::size_t m_limit;
    State m_state = State::Size;
    std::uint64_t m_left = 0;
};

} // namespace

// A fixed pool of threads for the requests that may block.
class EventHttpServer::Workers
{
public:
    explicit Workers(int count)
    {
        for (int i = 0; i < std::max(1, count); ++i)
            m_threads.emplace_back([this] {
                pthread_setname_np(pthread_self(), "cc-worker");
                work();
            });
    }

    ~Workers() { stop(); }

    void run(std::function<void()> task)
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_tasks.push_back(std::move(task));
        }
        m_wake.notify_one();
    }

    // Runs what is queued, then ends the threads.
    void stop()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& thread : m_threads) {
            if (thread.joinable())
                thread.join();
        }
    }

private:
    void work()
    {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
                if (m_tasks.empty())
                    return;
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            try {
                task();
            } catch (...) {
                Poco::Logger::get("citycode").error("a request task failed outside its error mapping");
            }
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

// One accepted connection; lives on one loop, shared with the tasks of its request in progress.
class EventHttpServer::Connection : public std::enable_shared_from_this<Connection>
{
public:
    enum class State
    {
        Header,
        Body,
        Busy,      // the request is being handled
        Writing,   // the answer did not fit the socket's buffer at once
        Lingering, // our side is closed; the client's remaining input is read and dropped
        Closed,
    };

    Connection(EventHttpServer& server, Loop& loop, int fd, std::uint32_t serial, Poco::Net::SocketAddress peer,
               Poco::Net::SocketAddress local)
        : m_server(server), m_loop(loop), m_serial(serial), m_peer(std::move(peer)), m_local(std::move(local))
    {
        m_slot.fd = fd;
        const int most = server.m_settings.maxKeepAliveRequests;
        m_keepAliveLeft = most > 0 ? most : -1;
    }

    int fd() const { return m_slot.fd; }
    std::uint32_t serial() const { return m_serial; }
    ConnectionRegistry::Slot& slot() { return m_slot; }

    void onEvent(std::uint32_t events);
    void answered();
    void close();

private:
    void readInput(bool drain);
    void process();
    void endBodyEarly();
    bool takeHeader();
    bool takeBody();
    void dispatch();
    void flush();
    void afterAnswer();
    void answerMalformed(const std::string& code);
    void linger();
    bool onLoopThread() const;

    EventHttpServer& m_server;
    Loop& m_loop;
    std::uint32_t m_serial;
    Poco::Net::SocketAddress m_peer;
    Poco::Net::SocketAddress m_local;
    ConnectionRegistry::Slot m_slot;
    State m_state = State::Header;
    std::string m_in;
    bool m_peerGone = false;   // the socket failed while a request was busy: no answer can go out
    bool m_inputEnded = false; // the client has closed its side: answer, then close
    bool m_processing = false; // inside process(): an answer given meanwhile does not recurse
    bool m_readPaused = false; // stopped reading ahead; read again after the answer
    int m_keepAliveLeft = -1;

    // The request being read or served.
    std::unique_ptr<BufferedResponse> m_response;
    std::unique_ptr<BufferedRequest> m_request;
    std::uint64_t m_bodyLength = 0;
    std::unique_ptr<ChunkDecoder> m_chunks;
    std::string m_body;
    bool m_closeAfter = false; // the body was not (wholly) read: no next request on this connection

    std::string m_out;
    std::size_t m_outAt = 0;
    bool m_keepOpen = false;

    std::size_t m_lingered = 0;
};

// One event loop: a thread with its epoll set, the listening socket (shared by all loops,
// EPOLLEXCLUSIVE) and the connections it accepted.
class EventHttpServer::Loop
{
public:
    explicit Loop(EventHttpServer& server) : m_server(server)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (m_epoll < 0 || m_wake < 0)
            throw Poco::IOException("cannot create an event loop: " + std::string(std::strerror(errno)));
        epoll_event wake{};
        wake.events = EPOLLIN;
        wake.data.u64 = kWakeTag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &wake);
        epoll_event listen{};
        listen.events = EPOLLIN | EPOLLEXCLUSIVE;
        listen.data.u64 = kListenTag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, listenFd(), &listen);
    }

    ~Loop()
    {
        ::close(m_wake);
        ::close(m_epoll);
    }

    void start(int index)
    {
        m_thread = std::thread([this, index] {
            // Named for top -H and perf: "cc-loop-0", "cc-loop-1", ...
            pthread_setname_np(pthread_self(), ("cc-loop-" + std::to_string(index)).c_str());
            run();
        });
    }

    // Runs `task` on this loop's thread.
    void post(std::function<void()> task)
    {
        bool first = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            first = m_posted.empty();
            m_posted.push_back(std::move(task));
        }
        if (first) {
            const std::uint64_t one = 1;
            (void)!::write(m_wake, &one, sizeof one);
        }
    }

    // Stops accepting: the listening socket leaves this loop.
    void stopAccepting()
    {
        post([this] { ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, listenFd(), nullptr); });
    }

    // Ends the thread; open connections are closed.
    void end()
    {
        post([this] { m_running = false; });
        if (m_thread.joinable())
            m_thread.join();
        for (auto& [fd, connection] : std::unordered_map<int, std::shared_ptr<Connection>>(m_connections))
            connection->close();
    }

    bool onThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

    void watch(Connection& connection, std::uint32_t events)
    {
        epoll_event event{};
        event.events = events;
        event.data.u64 =
            (static_cast<std::uint64_t>(connection.serial()) << 32) | static_cast<std::uint32_t>(connection.fd());
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection.fd(), &event);
    }

    void forget(Connection& connection)
    {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd(), nullptr);
        m_connections.erase(connection.fd());
    }

private:
    int listenFd() const { return static_cast<int>(m_server.m_socket.impl()->sockfd()); }

    void run()
    {
        epoll_event events[128];
        while (m_running) {
            const int ready = ::epoll_wait(m_epoll, events, 128, -1);
            if (ready < 0) {
                if (errno == EINTR)
                    continue;
                Poco::Logger::get("citycode").error("epoll_wait failed: %s", std::string(std::strerror(errno)));
                return;
            }
            for (int i = 0; i < ready; ++i) {
                const std::uint64_t tag = events[i].data.u64;
                if (tag == kWakeTag) {
                    runPosted();
                } else if (tag == kListenTag) {
                    accept();
                } else {
                    const auto owner = m_connections.find(static_cast<int>(tag & 0xffffffffu));
                    if (owner == m_connections.end() ||
                        owner->second->serial() != static_cast<std::uint32_t>(tag >> 32))
                        continue; // closed by an earlier event of this round (its number may be reused)
                    // The connection stays alive for this call even if it closes itself.
                    const std::shared_ptr<Connection> keep = owner->second;
                    try {
                        keep->onEvent(events[i].events);
                    } catch (...) {
                        Poco::Logger::get("citycode").error("a connection failed outside its error mapping");
                        keep->close();
                    }
                }
            }
        }
    }

    void runPosted()
    {
        std::uint64_t count = 0;
        (void)!::read(m_wake, &count, sizeof count);
        std::vector<std::function<void()>> tasks;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            tasks.swap(m_posted);
        }
        for (auto& task : tasks) {
            try {
                task();
            } catch (...) {
                Poco::Logger::get("citycode").error("an event-loop task failed");
            }
        }
    }

    void refuse(int fd, const std::string& code, const std::string& message)
    {
        const std::string answer = ConnectionRegistry::refusal(code, message);
        (void)::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        ::shutdown(fd, SHUT_WR);
        ::close(fd);
    }

    void accept()
    {
        for (int i = 0; i < 64; ++i) {
            sockaddr_storage address{};
            socklen_t length = sizeof address;
            const int fd =
                ::accept4(listenFd(), reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK)
                    Poco::Logger::get("citycode").warning("accept failed: %s", std::string(std::strerror(errno)));
                return;
            }
            if (m_server.m_stopping.load()) {
                ::close(fd);
                continue;
            }
            Poco::Net::SocketAddress peer(reinterpret_cast<const sockaddr*>(&address), length);
            // The limit in all first: a refused connection must not count against its address.
            if (m_server.m_open.load() >= m_server.m_settings.maxConnections) {
                m_server.m_metrics.recordRefusal(HttpMetrics::Refusal::QueueFull);
                refuse(fd, "SERVER_BUSY", "the server is busy; retry shortly");
                continue;
            }
            if (!m_server.m_registry.admit(fd, peer.host())) {
                m_server.m_metrics.recordRefusal(HttpMetrics::Refusal::AddressLimit);
                refuse(fd, "TOO_MANY_CONNECTIONS", "too many connections from this address; retry shortly");
                continue;
            }
            sockaddr_storage local{};
            socklen_t localLength = sizeof local;
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLength);
            const int on = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            // Connections go to the loops in turn: whichever loop wakes for a burst of them
            // would otherwise serve them all while the others idle.
            Loop& owner = m_server.nextLoop();
            auto connection = std::make_shared<Connection>(
                m_server, owner, fd, owner.nextSerial(), peer,
                Poco::Net::SocketAddress(reinterpret_cast<const sockaddr*>(&local), localLength));
            ++m_server.m_open;
            m_server.m_metrics.connectionOpened();
            m_server.m_registry.add(connection->slot());
            m_server.m_registry.armFirstRequest(connection->slot());
            if (&owner == this)
                adopt(connection);
            else
                owner.post([&owner, connection] { owner.adopt(connection); });
        }
    }

    // Serves the connection from now on (on this loop's thread).
    void adopt(const std::shared_ptr<Connection>& connection)
    {
        m_connections[connection->fd()] = connection;
        watch(*connection, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET);
    }

    std::uint32_t nextSerial() { return ++m_serials; }

    EventHttpServer& m_server;
    int m_epoll = -1;
    int m_wake = -1;
    std::atomic<std::uint32_t> m_serials{0};
    bool m_running = true;
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<std::function<void()>> m_posted;
    std::unordered_map<int, std::shared_ptr<Connection>> m_connections;
};

bool EventHttpServer::Connection::onLoopThread() const
{
    return m_loop.onThread();
}

void EventHttpServer::Connection::onEvent(std::uint32_t events)
{
    if (m_state == State::Closed)
        return;
    if ((events & EPOLLOUT) && m_state == State::Writing)
        flush();
    if (m_state != State::Closed && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        readInput((events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0);
}

void EventHttpServer::Connection::readInput(bool drain)
{
    char buffer[kReadChunk];
    for (;;) {
        if (m_state == State::Closed)
            return;
        if (m_state != State::Lingering && m_in.size() >= kMaxReadAhead + kMaxHeader &&
            (m_state == State::Busy || m_state == State::Writing)) {
            m_readPaused = true; // read again once the answer is out
            return;
        }
        const ssize_t n = ::recv(fd(), buffer, sizeof buffer, 0);
        if (n > 0) {
            if (m_state == State::Lingering) {
                m_lingered += static_cast<std::size_t>(n);
                if (m_lingered >= ConnectionRegistry::kLingerBytes) {
                    close();
                    return;
                }
                continue;
            }
            m_in.append(buffer, static_cast<std::size_t>(n));
            if (m_state == State::Header || m_state == State::Body)
                process();
            if (!drain && static_cast<std::size_t>(n) < sizeof buffer)
                return; // a short read empties the socket: new data brings a new edge
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0 && (m_state == State::Busy || m_state == State::Writing)) {
            m_peerGone = true; // answered() or the failed write closes
            return;
        }
        if (n < 0) {
            close();
            return;
        }
        // End of input: the client may still read the answer of a request it has sent.
        m_inputEnded = true;
        if (m_state == State::Body) {
            endBodyEarly();
        } else if (m_state != State::Busy && m_state != State::Writing) {
            close();
        }
        return;
    }
}

void EventHttpServer::Connection::process()
{
    if (m_processing)
        return; // an answer given inside the loop below: the loop goes on with the next request
    m_processing = true;
    while (m_state == State::Header || m_state == State::Body) {
        if (m_state == State::Header && !takeHeader())
            break;
        if (m_state == State::Body && !takeBody())
            break;
    }
    m_processing = false;
}

void EventHttpServer::Connection::endBodyEarly()
{
    // The client closed before its body was complete: the handler sees the body as it is, which
    // Exchange::readBody answers with 400 (too short, or a chunked body marked malformed).
    if (!m_server.m_registry.disarm(m_slot)) {
        close();
        return;
    }
    if (m_chunks) {
        m_chunks->feed(m_in, m_body);
    } else {
        m_body.append(m_in);
        m_in.clear();
    }
    m_closeAfter = true;
    m_request->setBody(std::move(m_body), static_cast<bool>(m_chunks));
    m_body = std::string();
    dispatch();
}

bool EventHttpServer::Connection::takeHeader()
{
    // Empty lines before a request line are ignored (RFC 9112 §2.2).
    const std::size_t start = m_in.find_first_not_of("\r\n");
    if (start == std::string::npos) {
        m_in.clear();
        return false;
    }
    if (start > 0)
        m_in.erase(0, start);
    const std::size_t end = headerEnd(m_in);
    if (end == std::string::npos) {
        if (m_in.size() > kMaxHeader)
            answerMalformed("HEADER_TOO_LARGE");
        return false;
    }
    if (!m_server.m_registry.disarm(m_slot)) {
        close(); // the deadline has answered 408 already
        return false;
    }
    m_response = std::make_unique<BufferedResponse>();
    m_request = std::make_unique<BufferedRequest>(*m_response, m_peer, m_local, *m_server.m_params);
    m_response->setRequest(m_request.get());
    try {
        RequestHead::read(std::string_view(m_in.data(), end), *m_request);
    } catch (const Poco::Net::MessageException& e) {
        answerMalformed(ErrorMapper::malformedHeaderCode(e.message()));
        return false;
    } catch (const Poco::Exception&) {
        answerMalformed("BAD_REQUEST");
        return false;
    }
    m_in.erase(0, end);
    if (m_keepAliveLeft > 0)
        --m_keepAliveLeft;

    const std::size_t limit = m_server.m_router->maxBodyBytes();
    m_body.clear();
    m_chunks.reset();
    m_bodyLength = 0;
    m_closeAfter = false;
    bool wantBody = false;
    if (m_request->getChunkedTransferEncoding()) {
        m_chunks = std::make_unique<ChunkDecoder>(limit);
        wantBody = true;
    } else if (m_request->hasContentLength()) {
        Poco::Int64 length = -1;
        try {
            length = m_request->getContentLength64();
        } catch (const Poco::Exception&) {
            answerMalformed("BAD_REQUEST"); // not a number: where the body ends is unknown
            return false;
        }
        if (length < 0 || static_cast<Poco::UInt64>(length) > limit) {
            // The router answers 400 or 413 without reading the body, which then cannot be told
            // apart from a next request: the connection ends after the answer.
            m_closeAfter = true;
        } else {
            m_bodyLength = static_cast<std::uint64_t>(length);
            wantBody = m_bodyLength > 0;
        }
    }
    if (wantBody && m_request->getExpectContinue()) {
        static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        (void)::send(fd(), kContinue, sizeof kContinue - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
    }
    if (wantBody) {
        m_state = State::Body;
        m_server.m_registry.armBody(m_slot, m_server.m_settings.bodyTimeout);
    } else {
        dispatch();
    }
    return true;
}

bool EventHttpServer::Connection::takeBody()
{
    bool malformed = false;
    if (m_chunks) {
        switch (m_chunks->feed(m_in, m_body)) {
        case ChunkDecoder::Step::More:
            return false;
        case ChunkDecoder::Step::Done:
            break;
        case ChunkDecoder::Step::Malformed:
            malformed = true;
            m_closeAfter = true;
            break;
        case ChunkDecoder::Step::TooLarge:
            m_closeAfter = true; // Exchange::readBody sees limit + 1 bytes and answers 413
            break;
        }
    } else {
        if (m_in.size() < m_bodyLength)
            return false;
        m_body.assign(m_in, 0, static_cast<std::size_t>(m_bodyLength));
        m_in.erase(0, static_cast<std::size_t>(m_bodyLength));
    }
    if (!m_server.m_registry.disarm(m_slot)) {
        close(); // the body deadline has answered 408 already
        return false;
    }
    m_request->setBody(std::move(m_body), malformed);
    m_body = std::string();
    dispatch();
    return true;
}

void EventHttpServer::Connection::dispatch()
{
    m_state = State::Busy;
    m_response->set("Date", httpDate());
    m_response->setVersion(m_request->getVersion());
    m_response->setKeepAlive(m_server.m_settings.keepAlive && m_request->getKeepAlive() && m_keepAliveLeft != 0 &&
                             !m_closeAfter && !m_server.m_stopping.load());
    const std::shared_ptr<Connection> self = shared_from_this();
    Router::Front front;
    front.post = [self](std::function<void()> task) { self->m_loop.post(std::move(task)); };
    front.done = [self] {
        if (self->onLoopThread())
            self->answered();
        else
            self->m_loop.post([self] { self->answered(); });
    };
    Workers& workers = *m_server.m_workers;
    if (m_server.m_settings.fastRoutesOnLoops) {
        front.offload = [&workers](std::function<void()> task) { workers.run(std::move(task)); };
        m_server.m_router->dispatch(*m_request, *m_response, std::move(front));
    } else {
        Router& router = *m_server.m_router;
        workers.run([self, &router, front = std::move(front)]() mutable {
            router.dispatch(*self->m_request, *self->m_response, std::move(front));
        });
    }
}

void EventHttpServer::Connection::answered()
{
    if (m_state != State::Busy)
        return;
    if (m_peerGone || !m_response->sent()) {
        close();
        return;
    }
    m_keepOpen = m_server.m_settings.keepAlive && m_response->getKeepAlive() && m_keepAliveLeft != 0 && !m_closeAfter &&
                 !m_inputEnded && !m_server.m_stopping.load();
    m_out = std::move(m_response->wire());
    m_outAt = 0;
    m_state = State::Writing;
    flush();
}

void EventHttpServer::Connection::flush()
{
    while (m_outAt < m_out.size()) {
        const ssize_t n = ::send(fd(), m_out.data() + m_outAt, m_out.size() - m_outAt, MSG_NOSIGNAL);
        if (n > 0) {
            m_outAt += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // EPOLLOUT calls again
        close();
        return;
    }
    m_out.clear();
    afterAnswer();
}

void EventHttpServer::Connection::afterAnswer()
{
    if (!m_keepOpen) {
        if (m_closeAfter)
            linger();
        else
            close();
        return;
    }
    m_state = State::Header;
    m_server.m_registry.armNextRequest(m_slot);
    // stop() marks the registry stopping, then ends every connection that waits for a request;
    // one that decided to stay open just before, and armed its wait just after that pass, sees
    // the mark here (both sides are sequentially consistent atomics), so none waits out its
    // keep-alive time while the server stops.
    if (m_server.m_registry.stopping()) {
        close();
        return;
    }
    process(); // a pipelined request may be waiting
    if (m_readPaused && (m_state == State::Header || m_state == State::Body)) {
        m_readPaused = false;
        readInput(false);
    }
}

void EventHttpServer::Connection::answerMalformed(const std::string& code)
{
    m_server.m_metrics.recordError(HttpMetrics::Error::MalformedRequest);
    const std::string requestId = nextRequestId();
    const std::string body = ErrorMapper::envelope(code, "malformed or oversized request header", requestId);
    BufferedResponse response;
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setStatusAndReason(ErrorMapper::statusFor(code));
    response.setKeepAlive(false);
    response.setContentType("application/json; charset=utf-8");
    response.set("Cache-Control", "no-store");
    response.set("X-Request-Id", requestId);
    response.sendBuffer(body.data(), body.size());
    m_server.m_registry.disarm(m_slot);
    m_out = std::move(response.wire());
    m_outAt = 0;
    m_keepOpen = false;
    m_closeAfter = true;
    m_in.clear();
    m_state = State::Writing;
    flush();
}

void EventHttpServer::Connection::linger()
{
    // Closing a socket with unread input makes the kernel send a reset, which can destroy the
    // answer before the client has read it. So: end our side, then read and drop what the client
    // is still sending, for a bounded time and amount (like nginx's lingering_close).
    ::shutdown(fd(), SHUT_WR);
    m_state = State::Lingering;
    m_lingered = 0;
    m_in.clear();
    m_server.m_registry.armLinger(m_slot, Poco::Timespan(ConnectionRegistry::kLingerMilliseconds * 1000));
    if (m_inputEnded)
        close();
    else
        readInput(true);
}

void EventHttpServer::Connection::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    // Out of the registry while the descriptor is still open: its number may be reused at once.
    m_server.m_registry.remove(m_slot);
    m_server.m_registry.release(fd());
    m_loop.forget(*this);
    ::close(fd());
    m_server.connectionClosed();
}

EventHttpServer::EventHttpServer(Poco::SharedPtr<Router> router, const Poco::Net::ServerSocket& socket,
                                 Settings settings, ConnectionRegistry::Settings limits, HttpMetrics& metrics,
                                 const TrustedProxies& proxies)
    : m_router(std::move(router)), m_socket(socket), m_settings(settings), m_metrics(metrics),
      m_registry(limits, metrics, proxies), m_params(new Poco::Net::HTTPServerParams)
{
    m_params->setKeepAlive(settings.keepAlive);
    m_params->setMaxKeepAliveRequests(settings.maxKeepAliveRequests);
    m_params->setKeepAliveTimeout(limits.keepAliveTimeout);
    m_socket.setBlocking(false);
}

EventHttpServer::~EventHttpServer()
{
    try {
        stop(Poco::Timespan(0, 0));
    } catch (...) {
        // a destructor must not throw; the connections end with the process anyway
    }
}

void EventHttpServer::start()
{
    if (m_started)
        return;
    m_started = true;
    m_workers = std::make_unique<Workers>(m_settings.workers);
    for (int i = 0; i < std::max(1, m_settings.loops); ++i)
        m_loops.push_back(std::make_unique<Loop>(*this));
    for (std::size_t i = 0; i < m_loops.size(); ++i)
        m_loops[i]->start(static_cast<int>(i));
}

EventHttpServer::Loop& EventHttpServer::nextLoop()
{
    return *m_loops[m_nextLoop++ % m_loops.size()];
}

void EventHttpServer::connectionClosed()
{
    m_metrics.connectionClosed();
    if (--m_open == 0) {
        std::lock_guard<std::mutex> lock(m_closedMutex);
        m_closed.notify_all();
    }
}

void EventHttpServer::stop(Poco::Timespan grace)
{
    if (!m_started || m_stopped)
        return;
    m_stopped = true;
    m_stopping.store(true);
    for (auto& loop : m_loops)
        loop->stopAccepting();
    m_registry.stopAll(); // idle connections end now; busy ones after their answer
    {
        std::unique_lock<std::mutex> lock(m_closedMutex);
        m_closed.wait_for(lock, std::chrono::microseconds(grace.totalMicroseconds()),
                          [this] { return m_open.load() == 0; });
    }
    for (auto& loop : m_loops)
        loop->end();
    m_workers->stop();
}

} // namespace citycode::server

#include "http/Router.h"

#include "citycode/common/Error.h"
#include "http/Authenticator.h"
#include "http/ErrorMapper.h"
#include "http/HttpMetrics.h"
#include "http/RequestId.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace citycode::server {

namespace {

constexpr std::size_t kMaxLoggedPath = 256;

std::vector<std::string> splitSegments(const std::string& path)
{
    std::vector<std::string> segments;
    std::size_t start = 1;
    for (std::size_t at = path.find('/', start); at != std::string::npos; at = path.find('/', start)) {
        segments.push_back(path.substr(start, at - start));
        start = at + 1;
    }
    segments.push_back(path.substr(start));
    return segments;
}

bool isParameter(const std::string& segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

struct Target
{
    std::string path; // decoded
    std::vector<std::string> segments;
};

// The path of a request target in origin form ("/a/b?q") or absolute form ("http://h/a/b?q",
// which RFC 9112 §3.2.2 obliges servers to accept). Segments are split before they are
// percent-decoded, so "%2F" stays inside its segment. Nothing for a malformed target.
std::optional<Target> parseTarget(const std::string& uri)
{
    try {
        std::string raw = !uri.empty() && uri.front() == '/' ? uri : Poco::URI(uri).getPathEtc();
        raw = raw.substr(0, raw.find_first_of("?#"));
        if (raw.empty() || raw.front() != '/')
            return std::nullopt;
        Target target;
        for (const std::string& encoded : splitSegments(raw)) {
            std::string decoded;
            Poco::URI::decode(encoded, decoded);
            target.segments.push_back(decoded);
            target.path += "/" + decoded;
        }
        return target;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

// The token of "Authorization: Bearer <token>" (RFC 6750 §2.1; the scheme is case-insensitive),
// or an empty string.
std::string bearerToken(const Poco::Net::HTTPServerRequest& request)
{
    const std::string value = request.get("Authorization", "");
    constexpr char scheme[] = "bearer ";
    constexpr std::size_t schemeLength = sizeof(scheme) - 1;
    if (value.size() <= schemeLength || Poco::icompare(value.substr(0, schemeLength), scheme) != 0)
        return {};
    return Poco::trim(value.substr(schemeLength));
}

// Applies the route's access requirement and puts the caller's Principal on the exchange; throws
// UNAUTHENTICATED, PASSWORD_CHANGE_REQUIRED or FORBIDDEN.
void authorize(const RouteAccess& access, Authenticator* authenticator, Exchange& exchange)
{
    if (access.kind() == RouteAccess::Kind::Public)
        return;
    const std::string token = bearerToken(exchange.request());
    std::optional<Principal> principal;
    if (!token.empty() && authenticator)
        principal = authenticator->authenticate(token, exchange.remoteAddress());
    if (!principal) {
        exchange.response().set("WWW-Authenticate", "Bearer realm=\"citycode-admin\"");
        throw common::Error("UNAUTHENTICATED", "sign in first: the session is missing, ended or expired");
    }
    principal->requestId = exchange.requestId();
    if (principal->mustChangePassword && access.kind() != RouteAccess::Kind::DuringPasswordChange)
        throw common::Error("PASSWORD_CHANGE_REQUIRED", "the password must be changed before anything else");
    if (access.kind() == RouteAccess::Kind::Permission && !principal->has(access.permissionKey()))
        throw common::Error("FORBIDDEN", "this needs the permission " + access.permissionKey());
    exchange.setPrincipal(std::move(*principal));
}

// Every X-Forwarded-For line, joined with commas (RFC 9110 §5.3: the same as one combined line).
std::string forwardedFor(const Poco::Net::HTTPServerRequest& request)
{
    std::string joined;
    for (auto it = request.find("X-Forwarded-For");
         it != request.end() && Poco::icompare(it->first, "X-Forwarded-For") == 0; ++it)
        joined += (joined.empty() ? "" : ",") + it->second;
    return joined;
}

// Issue 3: an oversized body is refused with 413 before it is read, whatever the route and method
// (a route that reads no body would otherwise leave it to be drained or to close the connection).
// A chunked body has no announced size; Exchange::readBody cuts it off at the limit.
void refuseAnnouncedLargeBody(const Poco::Net::HTTPServerRequest& request, std::size_t limit)
{
    Poco::UInt64 announced = 0;
    try {
        if (!request.hasContentLength())
            return;
        const Poco::Int64 length = request.getContentLength64();
        if (length < 0)
            throw common::Error("BAD_REQUEST", "invalid Content-Length");
        announced = static_cast<Poco::UInt64>(length);
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "invalid Content-Length"); // RFC 9112 §6.3: unrecoverable
    }
    if (announced > limit)
        throw common::Error("PAYLOAD_TOO_LARGE", "the request body is larger than " + std::to_string(limit) + " bytes");
}

std::string join(const std::vector<std::string>& items, const std::string& separator)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : separator) + item;
    return text;
}

void logAccess(Exchange& exchange, const Poco::Timestamp& started)
{
    Poco::Logger& log = Poco::Logger::get("citycode.access");
    if (!log.information())
        return;
    const double durationMs = static_cast<double>(started.elapsed()) / 1000.0; // microseconds -> ms
    rapidjson::StringBuffer line;
    rapidjson::Writer<rapidjson::StringBuffer> out(line);
    const auto field = [&out](const char* name, const std::string& value) {
        out.Key(name);
        out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    out.StartObject();
    field("time", Poco::DateTimeFormatter::format(started, "%Y-%m-%dT%H:%M:%S.%iZ"));
    field("requestId", exchange.requestId());
    field("method", exchange.request().getMethod());
    field("path", exchange.path().substr(0, kMaxLoggedPath));
    out.Key("status");
    out.Int(static_cast<int>(exchange.response().getStatus()));
    out.Key("durationMs");
    out.Double(durationMs);
    field("remote", exchange.remoteAddress());
    out.EndObject();
    // One message per thread, its text replaced: making a Poco::Message asks the kernel for the
    // process id every time, a system call per request. The access channel uses only the text.
    thread_local Poco::Message message(log.name(), std::string(), Poco::Message::PRIO_INFORMATION);
    message.setText(std::string(line.GetString(), line.GetSize()));
    log.log(message);
}

// One request from its header to its answer: request id, routing, error mapping, the access log
// line and the metrics. Shared by the tasks that continue it on other threads (offload, later).
class Dispatch : public std::enable_shared_from_this<Dispatch>
{
public:
    Dispatch(const Router& router, Router::Front front) : m_router(router), m_front(std::move(front)) {}

    void start(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
    {
        std::string requestId = nextRequestId();
        response.set("X-Request-Id", requestId);
        m_target = parseTarget(request.getURI());
        m_match = m_target ? m_router.match(request.getMethod(), m_target->segments) : Router::Match{};
        m_exchange.emplace(request, response, std::move(requestId), m_target ? m_target->path : std::string("-"),
                           std::move(m_match.params), m_router.maxBodyBytes());
        m_exchange->setRemoteAddress(
            m_router.trustedProxies().clientAddress(request.clientAddress().host(), forwardedFor(request)));
        m_exchange->setDeferrer([this] {
            return Exchange::Resume([self = shared_from_this()](Exchange::Task task) {
                self->m_front.post([self, task = std::move(task)] { self->resume(task); });
            });
        });
        if (m_match.route && !m_match.route->fast && m_front.offload)
            m_front.offload([self = shared_from_this()] { self->run(); });
        else
            run();
    }

private:
    void run()
    {
        Exchange& exchange = *m_exchange;
        auto& request = exchange.request();
        try {
            refuseAnnouncedLargeBody(request, m_router.maxBodyBytes());
            if (!m_target)
                throw common::Error("BAD_REQUEST", "malformed request target");
            if (m_match.route) {
                authorize(m_match.route->access, m_router.authenticator(), exchange);
                m_match.route->handler(exchange);
            } else if (!m_match.allowedMethods.empty()) {
                exchange.response().set("Allow", join(m_match.allowedMethods, ", "));
                throw common::Error("METHOD_NOT_ALLOWED", request.getMethod() + " is not allowed here; allowed: " +
                                                              join(m_match.allowedMethods, ", "));
            } else {
                throw common::Error("NOT_FOUND", "no resource at this path");
            }
        } catch (...) {
            // A handler that throws after later() has broken its promise to answer later: it is
            // answered now, and the late task is dropped.
            m_abandoned = exchange.deferred();
            ErrorMapper::respondToCurrentException(exchange, Poco::Logger::get("citycode"));
            finish();
            return;
        }
        if (!exchange.deferred())
            finish();
    }

    void resume(const Exchange::Task& task)
    {
        if (m_abandoned)
            return;
        try {
            task(*m_exchange);
        } catch (...) {
            ErrorMapper::respondToCurrentException(*m_exchange, Poco::Logger::get("citycode"));
        }
        finish();
    }

    void finish()
    {
        Exchange& exchange = *m_exchange;
        logAccess(exchange, m_started);
        if (HttpMetrics* metrics = m_router.metrics()) {
            const int route = m_match.route ? static_cast<int>(m_match.route - m_router.routes().data()) : -1;
            metrics->recordRequest(route, exchange.request().getMethod(),
                                   static_cast<int>(exchange.response().getStatus()), m_started.elapsed());
        }
        exchange.setDeferrer(nullptr);
        m_front.done();
    }

    const Router& m_router;
    Router::Front m_front;
    const Poco::Timestamp m_started;
    std::optional<Target> m_target;
    Router::Match m_match;
    std::optional<Exchange> m_exchange;
    bool m_abandoned = false;
};

// Poco's handler: serves the request in the connection's thread and waits there for an answer
// given later.
class DispatchHandler : public Poco::Net::HTTPRequestHandler
{
public:
    explicit DispatchHandler(const Router& router) : m_router(router) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<std::function<void()>> tasks;
        bool done = false;
        Router::Front front;
        front.post = [&](std::function<void()> task) {
            std::lock_guard<std::mutex> lock(mutex);
            tasks.push_back(std::move(task));
            wake.notify_one();
        };
        front.done = [&] {
            std::lock_guard<std::mutex> lock(mutex);
            done = true;
            wake.notify_one();
        };
        m_router.dispatch(request, response, front);
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return done || !tasks.empty(); });
            if (tasks.empty())
                return;
            std::function<void()> task = std::move(tasks.front());
            tasks.pop_front();
            lock.unlock();
            task();
            lock.lock();
        }
    }

private:
    const Router& m_router;
};

} // namespace

Router::Router(std::size_t maxBodyBytes) : m_maxBodyBytes(maxBodyBytes) {}

Router::Route& Router::add(const std::string& method, const std::string& pattern, Handler handler)
{
    return add(method, pattern, RouteAccess::publicRoute(), std::move(handler));
}

Router::Route& Router::add(const std::string& method, const std::string& pattern, RouteAccess access, Handler handler)
{
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    m_routes.push_back({method, splitSegments(pattern), std::move(handler), std::move(access)});
    return m_routes.back();
}

void Router::setMetrics(HttpMetrics* metrics)
{
    m_metrics = metrics;
    if (!metrics)
        return;
    std::vector<std::pair<std::string, std::string>> labels;
    for (const Route& route : m_routes)
        labels.emplace_back(route.method, "/" + join(route.segments, "/"));
    metrics->setRoutes(labels);
}

Router::Match Router::match(const std::string& method, const std::vector<std::string>& segments) const
{
    Match result;
    for (const Route& route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        PathParams params;
        bool same = true;
        for (std::size_t i = 0; i < segments.size() && same; ++i) {
            const std::string& expected = route.segments[i];
            if (isParameter(expected) && !segments[i].empty())
                params[expected.substr(1, expected.size() - 2)] = segments[i];
            else
                same = expected == segments[i];
        }
        if (!same)
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            result.allowedMethods.clear();
            return result;
        }
        if (std::find(result.allowedMethods.begin(), result.allowedMethods.end(), route.method) ==
            result.allowedMethods.end())
            result.allowedMethods.push_back(route.method);
    }
    std::sort(result.allowedMethods.begin(), result.allowedMethods.end());
    return result;
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
    return new DispatchHandler(*this);
}

void Router::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, Front front) const
{
    std::make_shared<Dispatch>(*this, std::move(front))->start(request, response);
}

} // namespace citycode::server

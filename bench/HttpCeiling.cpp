// The HTTP ceiling for bench/wrk.sh: Poco's HTTPServer on loopback with one handler that answers
// a fixed small JSON body and reads nothing else, with citycode-server's thread and keep-alive
// settings. citycode-server's figures are quoted as a fraction of what this answers in the same
// run on the same machine.
//
// Usage: citycode-bench-http-ceiling PORT [THREADS [MAX_KEEP_ALIVE_REQUESTS [MAX_QUEUED]]]
// (PORT 0: a free port, printed; 0 keep-alive requests: unlimited; stops on SIGINT or SIGTERM).
// bench/wrk.sh passes citycode-server's defaults: 64 threads, 100 requests a connection, 64 queued.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <pthread.h>
#include <string>

namespace {

class FixedAnswer : public Poco::Net::HTTPRequestHandler
{
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        request.stream().ignore(std::numeric_limits<std::streamsize>::max());
        static const std::string body = R"({"Response":{"Data":{"ok":true},"RequestId":"0"}})";
        response.setContentType("application/json");
        response.setContentLength(static_cast<std::streamsize>(body.size()));
        response.send() << body;
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new FixedAnswer;
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: citycode-bench-http-ceiling PORT [THREADS [MAX_KEEP_ALIVE_REQUESTS [MAX_QUEUED]]]\n";
        return 2;
    }
    const auto port = static_cast<Poco::UInt16>(std::atoi(argv[1]));
    const int threads = argc > 2 ? std::atoi(argv[2]) : 64;
    const int keepAliveRequests = argc > 3 ? std::atoi(argv[3]) : 0;
    const int queued = argc > 4 ? std::atoi(argv[4]) : 1000;

    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr); // before any thread starts, so all inherit it

    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setMaxQueued(queued);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(keepAliveRequests); // 0: unlimited
    Poco::ThreadPool pool(1, threads);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    Poco::Net::HTTPServer server(new Factory, pool, socket, params);
    server.start();
    std::cout << "listening on 127.0.0.1:" << socket.address().port() << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
    server.stopAll(true);
    return 0;
}

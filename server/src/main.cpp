// citycode-server entry point: everything else lives in citycode_server_lib (see ServerApp).
#include "app/ServerApp.h"

#include <csignal>

int main(int argc, char** argv)
{
    // Termination signals are blocked before any thread exists, so every thread inherits the
    // mask and only ServerApplication::waitForTerminationRequest() (sigwait) receives them. A
    // thread that did not block them would take the default action and kill the process
    // without a clean shutdown.
    sigset_t termination;
    sigemptyset(&termination);
    sigaddset(&termination, SIGINT);
    sigaddset(&termination, SIGTERM);
    sigaddset(&termination, SIGQUIT);
    pthread_sigmask(SIG_BLOCK, &termination, nullptr);
    // A client that disconnects mid-answer must cost an error on that connection, not the process.
    std::signal(SIGPIPE, SIG_IGN);

    // Command-line errors (unknown option, missing argument) are reported by Poco on stderr and
    // end the process with exit code 78, like configuration errors.
    citycode::server::ServerApp app;
    return app.run(argc, argv);
}

#pragma once

#include <string>
#include <vector>

namespace citycode::test {

struct ProcessResult
{
    int exitCode = -1; // the exit status, or 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

// Runs a program (looked up in PATH when it has no '/') with arguments, feeding `input` on
// stdin and capturing stdout and stderr. No shell is involved, so arguments need no quoting.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& input = {});

// True when `program` can be found in PATH.
bool haveProgram(const std::string& program);

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0 and released).
int freeLoopbackPort();

} // namespace citycode::test

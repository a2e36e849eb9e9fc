#include "services/TestClock.h"

#include <chrono>
#include <fstream>

namespace citycode::server {

std::int64_t TestClock::now() const
{
    const std::int64_t system =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (m_offsetFile.empty())
        return system;
    // A missing or unreadable file means no offset: the test has not moved the clock yet.
    std::ifstream in(m_offsetFile);
    long long offset = 0;
    if (!(in >> offset))
        return system;
    return system + offset;
}

} // namespace citycode::server

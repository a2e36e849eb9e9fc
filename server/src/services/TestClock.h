#pragma once

#include <cstdint>
#include <string>

namespace citycode::server {

// The server clock of the open API (expiry of dynamic codes, 002 §9.2; the ±300 s window of
// signed requests): Unix seconds, UTC. For tests only, testing.clock_offset_file names a file
// whose content (a whole number of seconds, e.g. "61") is added to the system clock; it is read
// at every call so that a test can move the clock of a running server. Empty (the default): the
// system clock, and no file is ever read. Thread-safe.
class TestClock
{
public:
    explicit TestClock(std::string offsetFile = {}) : m_offsetFile(std::move(offsetFile)) {}

    std::int64_t now() const;
    bool shifted() const { return !m_offsetFile.empty(); }

private:
    std::string m_offsetFile;
};

} // namespace citycode::server

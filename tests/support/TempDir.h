#pragma once

#include <string>

namespace citycode::test {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it on destruction
// unless CITYCODE_KEEP_TEST_DIRS is set (for looking at what a failed test left behind).
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& content);

} // namespace citycode::test

#pragma once

#include "storage/PlatformRepository.h"

#include <string>
#include <vector>

namespace citycode::server {

// Reads the demo data set (resources/demo/, installed as share/citycode/demo/) that --demo loads
// into an empty database: for now the sub-platforms of platforms.json.
class DemoDataLoader
{
public:
    explicit DemoDataLoader(std::string directory) : m_directory(std::move(directory)) {}

    // The sub-platforms of platforms.json. Throws citycode::common::Error("DEMO_DATA_INVALID")
    // when the file is missing or malformed.
    std::vector<NewPlatform> subPlatforms() const;

private:
    std::string m_directory;
};

} // namespace citycode::server

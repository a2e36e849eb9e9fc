#include "services/DemoDataLoader.h"

#include "citycode/common/Error.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>

#include <fstream>

namespace citycode::server {

std::vector<NewPlatform> DemoDataLoader::subPlatforms() const
{
    const std::string file = Poco::Path(Poco::Path::forDirectory(m_directory), "platforms.json").toString();
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw common::Error("DEMO_DATA_INVALID", "cannot read " + file);
    std::vector<NewPlatform> platforms;
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
        const Poco::JSON::Array::Ptr list = root->getArray("subPlatforms");
        if (!list)
            throw common::Error("DEMO_DATA_INVALID", file + ": no \"subPlatforms\" array");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Poco::JSON::Object::Ptr item = list->getObject(static_cast<unsigned>(i));
            if (!item || !item->has("name"))
                throw common::Error("DEMO_DATA_INVALID", file + ": sub-platform " + std::to_string(i) + " has no name");
            NewPlatform platform;
            platform.kind = PlatformKind::Sub;
            platform.name = item->getValue<std::string>("name");
            platform.serviceAddress = item->optValue<std::string>("serviceAddress", "");
            platforms.push_back(std::move(platform));
        }
    } catch (const Poco::Exception& e) {
        throw common::Error("DEMO_DATA_INVALID", file + ": " + e.displayText());
    }
    return platforms;
}

} // namespace citycode::server

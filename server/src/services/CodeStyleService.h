#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

namespace citycode::server {

class Database;

// Code styles (000 §2.2.3): background and foreground colours, a PNG logo (at most kMaxLogoBytes),
// a caption and the symbol (symbology, EC level, quiet zone, module and print size, logo area;
// 002 §6) per code type of a platform, third-party code types included. Exactly one style
// per platform and code type is active: activating one retires the previous one in the same
// transaction (000 §2.2.3 "前面设置的将自动失效"). Scoped like every admin service.
// Errors: NOT_FOUND, BAD_REQUEST; a refused symbol field answers BAD_REQUEST "<field>: <reason>: ..."
// with the reason a SYMBOL_* code of common::checkStyle or CODE_STYLE_{SYMBOLOGY,EC_LEVEL}_INVALID,
// CODE_STYLE_PRINT_SIZE_TOO_SMALL. Records carry logoAreaFraction (CodeStyleRendering::read takes them).
class CodeStyleService
{
public:
    static constexpr std::size_t kMaxLogoBytes = 64 * 1024;

    explicit CodeStyleService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: codeType, name, backgroundColor, foregroundColor, caption, captionColor (#RRGGBB),
    // logoPngBase64, symbology (qr|gridmatrix), ecLevel (L|M|Q|H), quietZoneModules, modulePixels,
    // printSizeMm, logoAreaFraction, optional platformId (main platform only) and active (true:
    // activate now). The symbol must be one common::checkStyle accepts.
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr activate(const Principal& principal, Poco::Int64 id);
    void remove(const Principal& principal, Poco::Int64 id);
    // The active style of a platform's code type (for issuing and the console), or nullptr.
    Poco::JSON::Object::Ptr activeStyle(Poco::Int64 platformId, const std::string& codeType);

private:
    Database& m_database;
};

} // namespace citycode::server

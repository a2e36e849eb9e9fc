#include "services/CodeStyleService.h"

#include "services/BaseConfigSupport.h"
#include "services/CodeStyleRendering.h"
#include "storage/CodeStyleRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Data/Session.h>

#include <cmath>
#include <sstream>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;
using Columns = std::vector<std::pair<std::string, SqlValue>>;

// Personal, enterprise, payment, health... or a third-party code type: lower-case letters,
// digits, '_', '-', ':'.
void checkCodeType(const std::string& type)
{
    if (type.empty() || type.size() > 64)
        throw common::Error("BAD_REQUEST", "codeType must have 1 to 64 characters");
    for (const char c : type) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':'))
            throw common::Error("BAD_REQUEST", "codeType may hold a-z, 0-9, '_', '-' and ':' only");
    }
}

void checkColour(const std::string& field, const std::string& colour)
{
    bool ok = colour.size() == 7 && colour[0] == '#';
    for (std::size_t i = 1; ok && i < colour.size(); ++i)
        ok = std::isxdigit(static_cast<unsigned char>(colour[i])) != 0;
    if (!ok)
        throw common::Error("BAD_REQUEST", field + " must be a colour like #1A2B3C");
}

// The logo must be a PNG (its 8-byte signature) of at most kMaxLogoBytes.
void checkLogo(const std::string& base64)
{
    if (base64.empty())
        return;
    std::string bytes;
    try {
        std::istringstream in(base64);
        Poco::Base64Decoder decoder(in);
        bytes.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "logoPngBase64 is not base64");
    }
    if (bytes.size() > CodeStyleService::kMaxLogoBytes)
        throw common::Error("BAD_REQUEST",
                            "the logo is larger than " + std::to_string(CodeStyleService::kMaxLogoBytes) + " bytes");
    if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
        throw common::Error("BAD_REQUEST", "logoPngBase64 is not a PNG image");
}

// A refusal of one field: BAD_REQUEST whose message starts with the field and a stable reason
// code (the SYMBOL_* codes of common::checkStyle where it is one of its rules).
[[noreturn]] void refuse(const std::string& field, const std::string& reason, const std::string& message)
{
    throw common::Error("BAD_REQUEST", field + ": " + reason + ": " + message);
}

// The field a rule of common::checkStyle is about.
std::string fieldOfSymbolError(const std::string& code)
{
    if (code == "SYMBOL_MODULE_TOO_SMALL")
        return "modulePixels";
    if (code == "SYMBOL_QUIET_ZONE_TOO_SMALL")
        return "quietZoneModules";
    if (code == "SYMBOL_LOW_CONTRAST")
        return "foregroundColor";
    if (code == "SYMBOL_LOGO_TOO_LARGE")
        return "logoAreaFraction";
    return "style";
}

// The symbol fields of 002 §6 (symbology, level, quiet zone, module and print size, logo area),
// each checked on its own; their combination with the stored style is checked by checkLook.
void symbolColumnsOf(const Poco::JSON::Object& input, Columns& columns)
{
    if (const auto symbology = Support::text(input, "symbology", false, 16)) {
        common::Symbology parsed;
        if (!CodeStyleRendering::parseSymbology(*symbology, &parsed))
            refuse("symbology", "CODE_STYLE_SYMBOLOGY_INVALID", "symbology must be qr or gridmatrix");
        columns.emplace_back("symbology", *symbology);
    }
    if (const auto level = Support::text(input, "ecLevel", false, 16)) {
        common::EcLevel parsed;
        if (!CodeStyleRendering::parseEcLevel(*level, &parsed))
            refuse("ecLevel", "CODE_STYLE_EC_LEVEL_INVALID", "ecLevel must be L, M, Q or H");
        columns.emplace_back("ec_level", *level);
    }
    if (const auto quiet = Support::integer(input, "quietZoneModules", false)) {
        if (*quiet < 0)
            refuse("quietZoneModules", "SYMBOL_QUIET_ZONE_TOO_SMALL", "the quiet zone cannot be negative");
        if (*quiet > common::kMaximumQuietZone)
            refuse("quietZoneModules", "SYMBOL_STYLE_INVALID",
                   "at most " + std::to_string(common::kMaximumQuietZone) + " modules of quiet zone");
        columns.emplace_back("quiet_zone_modules", *quiet);
    }
    if (const auto pixels = Support::integer(input, "modulePixels", false)) {
        if (*pixels < common::kMinimumModulePixels)
            refuse("modulePixels", "SYMBOL_MODULE_TOO_SMALL", "a module needs at least 3 pixels (002 6.2)");
        if (*pixels > common::kMaximumModulePixels)
            refuse("modulePixels", "SYMBOL_STYLE_INVALID",
                   "at most " + std::to_string(common::kMaximumModulePixels) + " pixels per module");
        columns.emplace_back("module_pixels", *pixels);
    }
    if (const auto size = Support::integer(input, "printSizeMm", false)) {
        if (*size < CodeStyleRendering::kDefaultPrintSizeMm)
            refuse("printSizeMm", "CODE_STYLE_PRINT_SIZE_TOO_SMALL", "a code is printed at least 30 mm wide (002 6.2)");
        if (*size > CodeStyleRendering::kMaximumPrintSizeMm)
            refuse("printSizeMm", "SYMBOL_STYLE_INVALID",
                   "at most " + std::to_string(CodeStyleRendering::kMaximumPrintSizeMm) + " mm");
        columns.emplace_back("print_size_mm", *size);
    }
    if (input.has("logoAreaFraction") && !input.isNull("logoAreaFraction")) {
        const Poco::Dynamic::Var value = input.get("logoAreaFraction");
        if (!value.isNumeric() || value.isBoolean())
            refuse("logoAreaFraction", "SYMBOL_STYLE_INVALID", "logoAreaFraction must be a number");
        const double fraction = value.convert<double>();
        if (!(fraction >= 0.0 && fraction <= 1.0)) // also refuses NaN
            refuse("logoAreaFraction", "SYMBOL_STYLE_INVALID", "logoAreaFraction must lie between 0 and 1");
        columns.emplace_back("logo_area_ppm", static_cast<Poco::Int64>(std::llround(fraction * 1e6)));
    }
}

// The fields that change how the symbol is drawn.
bool changesLook(const Poco::JSON::Object& input)
{
    for (const char* field : {"symbology", "ecLevel", "foregroundColor", "backgroundColor", "quietZoneModules",
                              "modulePixels", "logoAreaFraction", "logoPngBase64"}) {
        if (input.has(field))
            return true;
    }
    return false;
}

// The style as it will be stored (`stored` with `input` over it) must be one common renders: the
// rules that tie fields together (quiet zone per symbology, contrast, logo budget per level).
void checkLook(const Poco::JSON::Object::Ptr& stored, const Poco::JSON::Object& input)
{
    Poco::JSON::Object merged;
    if (!stored.isNull()) {
        for (const auto& [name, value] : *stored)
            merged.set(name, value);
    }
    // A null field changes nothing (columnsOf skips it), so it must not hide the stored value.
    for (const auto& [name, value] : input) {
        if (!value.isEmpty())
            merged.set(name, value);
    }
    const CodeStyleRendering look = CodeStyleRendering::read(merged);
    try {
        common::checkStyle(look.symbol, look.symbology);
    } catch (const common::Error& e) {
        refuse(fieldOfSymbolError(e.code()), e.code(), e.what());
    }
}

Columns columnsOf(const Poco::JSON::Object& input, const Poco::JSON::Object::Ptr& stored)
{
    const bool creating = stored.isNull();
    Columns columns;
    if (const auto type = Support::text(input, "codeType", creating, 64)) {
        checkCodeType(*type);
        columns.emplace_back("code_type", *type);
    }
    if (const auto name = Support::text(input, "name", creating, 100)) {
        if (name->empty())
            throw common::Error("BAD_REQUEST", "name must not be empty");
        columns.emplace_back("name", *name);
    }
    for (const auto& [field, column] : {std::pair<std::string, std::string>{"backgroundColor", "background_color"},
                                        {"foregroundColor", "foreground_color"},
                                        {"captionColor", "caption_color"}}) {
        if (const auto colour = Support::text(input, field, false, 16)) {
            checkColour(field, *colour);
            columns.emplace_back(column, *colour);
        }
    }
    if (const auto caption = Support::text(input, "caption", false, 64))
        columns.emplace_back("caption", *caption);
    // Base64 of kMaxLogoBytes with line breaks fits in 4/3 of it plus some.
    if (const auto logo = Support::text(input, "logoPngBase64", false, CodeStyleService::kMaxLogoBytes * 3 / 2)) {
        checkLogo(*logo);
        columns.emplace_back("logo_png_base64", *logo);
    }
    symbolColumnsOf(input, columns);
    if (creating || changesLook(input))
        checkLook(stored, input);
    return columns;
}

// The API's logoAreaFraction for the stored millionths.
Poco::JSON::Object::Ptr presented(Poco::JSON::Object::Ptr record)
{
    if (record.isNull() || !record->has("logoAreaPpm"))
        return record;
    const double fraction =
        record->isNull("logoAreaPpm") ? 0.0 : static_cast<double>(record->getValue<Poco::Int64>("logoAreaPpm")) / 1e6;
    record->remove("logoAreaPpm");
    record->set("logoAreaFraction", fraction);
    return record;
}

bool wantsActive(const Poco::JSON::Object& input)
{
    if (!input.has("active") || input.isNull("active"))
        return false;
    const Poco::Dynamic::Var value = input.get("active");
    if (!value.isBoolean())
        throw common::Error("BAD_REQUEST", "active must be true or false");
    return value.extract<bool>();
}

} // namespace

ListPage CodeStyleService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    ListPage page = RecordStore(session).list(CodeStyleRepository::view(), query, Support::scopeOf(principal));
    for (auto& item : page.items)
        presented(item);
    return page;
}

Poco::JSON::Object::Ptr CodeStyleService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return presented(Support::found(
        RecordStore(session).find(CodeStyleRepository::view(), id, Support::scopeOf(principal)), "code style"));
}

Poco::JSON::Object::Ptr CodeStyleService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    const Poco::Int64 platformId = Support::integer(input, "platformId", false).value_or(principal.platformId);
    Columns columns = columnsOf(input, nullptr);
    const bool active = wantsActive(input);
    if (!principal.canAccessPlatform(platformId))
        throw common::Error("NOT_FOUND", "platform not found");
    const std::string codeType = columns.front().second.convert<std::string>();
    columns.emplace_back("platform_id", platformId);

    Poco::Data::Session session = m_database.session();
    CodeStyleRepository repository(session);
    // The database-wide lock: two activations of the same code type at once on two nodes would
    // otherwise both retire the old style and collide on code_styles_one_active.
    Transaction transaction(session, active ? TransactionLock::Database : TransactionLock::Rows);
    if (repository.store().scalar("SELECT COUNT(*) FROM platforms WHERE id = $1", {platformId}) == 0)
        throw common::Error("NOT_FOUND", "platform not found");
    const Poco::Int64 id = repository.store().insert("code_styles", columns);
    if (active)
        repository.activate(id, platformId, codeType);
    auto record = repository.store().find(CodeStyleRepository::view(), id, std::nullopt);
    transaction.commit();
    return presented(record);
}

Poco::JSON::Object::Ptr CodeStyleService::update(const Principal& principal, Poco::Int64 id,
                                                 const Poco::JSON::Object& input)
{
    Poco::Data::Session session = m_database.session();
    CodeStyleRepository repository(session);
    Transaction transaction(session, TransactionLock::Database);
    // The scope first: a foreign id answers 404 whatever the body holds.
    const auto style = Support::found(
        repository.store().find(CodeStyleRepository::view(), id, Support::scopeOf(principal)), "code style");
    if (input.has("active") || input.has("platformId"))
        throw common::Error("BAD_REQUEST", "use .../activate to activate a style; the platform cannot change");
    const Columns columns = columnsOf(input, presented(style));
    const bool changesType =
        std::any_of(columns.begin(), columns.end(), [](const auto& c) { return c.first == "code_type"; });
    // An active style moved to another code type retires that type's active style.
    if (changesType && style->getValue<std::string>("status") == "active")
        repository.store().execute("UPDATE code_styles SET status = 'inactive' WHERE id = $1", {id});
    if (!columns.empty())
        repository.store().update("code_styles", id, columns);
    if (changesType && style->getValue<std::string>("status") == "active") {
        const auto moved = repository.store().find(CodeStyleRepository::view(), id, std::nullopt);
        repository.activate(id, moved->getValue<Poco::Int64>("platformId"), moved->getValue<std::string>("codeType"));
    }
    auto record = repository.store().find(CodeStyleRepository::view(), id, std::nullopt);
    transaction.commit();
    return presented(record);
}

Poco::JSON::Object::Ptr CodeStyleService::activate(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    CodeStyleRepository repository(session);
    Transaction transaction(session, TransactionLock::Database);
    const auto style = Support::found(
        repository.store().find(CodeStyleRepository::view(), id, Support::scopeOf(principal)), "code style");
    repository.activate(id, style->getValue<Poco::Int64>("platformId"), style->getValue<std::string>("codeType"));
    auto record = repository.store().find(CodeStyleRepository::view(), id, std::nullopt);
    transaction.commit();
    return presented(record);
}

void CodeStyleService::remove(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    CodeStyleRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(CodeStyleRepository::view(), id, Support::scopeOf(principal)), "code style");
    repository.remove(id);
    transaction.commit();
}

Poco::JSON::Object::Ptr CodeStyleService::activeStyle(Poco::Int64 platformId, const std::string& codeType)
{
    Poco::Data::Session session = m_database.session();
    return presented(CodeStyleRepository(session).active(platformId, codeType));
}

} // namespace citycode::server

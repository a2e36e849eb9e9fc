#include "services/NumberingService.h"

#include "services/BaseConfigSupport.h"
#include "storage/Database.h"
#include "storage/NumberingRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

#include <cstdio>
#include <ctime>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;

void checkPrefix(const std::string& prefix)
{
    if (prefix.empty() || prefix.size() > 8)
        throw common::Error("BAD_REQUEST", "prefix must have 1 to 8 letters");
    for (const char c : prefix) {
        if (c < 'A' || c > 'Z')
            throw common::Error("BAD_REQUEST", "prefix may hold upper-case letters A-Z only");
    }
}

std::string datePart(const std::string& format)
{
    if (format == "none")
        return "";
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    if (format == "yyyy")
        std::strftime(text, sizeof text, "%Y", &local);
    else if (format == "yyyyMM")
        std::strftime(text, sizeof text, "%Y%m", &local);
    else
        std::strftime(text, sizeof text, "%Y%m%d", &local);
    return text;
}

Poco::Int64 categoryOf(RecordStore& store, const Poco::JSON::Object& input)
{
    const auto category = Support::integer(input, "categoryId", false);
    if (!category)
        return 0;
    if (store.scalar("SELECT COUNT(*) FROM code_categories WHERE id = $1", {*category}) == 0)
        throw common::Error("BAD_REQUEST", "categoryId names no category");
    return *category;
}

} // namespace

ListPage NumberingService::list(const Principal& principal, const ListQuery& query)
{
    Poco::Data::Session session = m_database.session();
    return RecordStore(session).list(NumberingRepository::view(), query, Support::scopeOf(principal));
}

Poco::JSON::Object::Ptr NumberingService::get(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    return Support::found(RecordStore(session).find(NumberingRepository::view(), id, Support::scopeOf(principal)),
                          "numbering rule");
}

Poco::JSON::Object::Ptr NumberingService::create(const Principal& principal, const Poco::JSON::Object& input)
{
    const Poco::Int64 platformId = Support::integer(input, "platformId", false).value_or(principal.platformId);
    const std::string name = *Support::text(input, "name", true, 100);
    const std::string prefix = *Support::text(input, "prefix", true, 8);
    const std::string format = Support::text(input, "dateFormat", false, 16).value_or("yyyyMMdd");
    const Poco::Int64 width = Support::integer(input, "sequenceWidth", false).value_or(6);
    const std::string status = Support::status(input, false).value_or("enabled");
    checkPrefix(prefix);
    if (format != "none" && format != "yyyy" && format != "yyyyMM" && format != "yyyyMMdd")
        throw common::Error("BAD_REQUEST", "dateFormat must be none, yyyy, yyyyMM or yyyyMMdd");
    if (width < 3 || width > 12)
        throw common::Error("BAD_REQUEST", "sequenceWidth must be between 3 and 12");
    if (!principal.canAccessPlatform(platformId))
        throw common::Error("NOT_FOUND", "platform not found");

    Poco::Data::Session session = m_database.session();
    NumberingRepository repository(session);
    RecordStore& store = repository.store();
    Transaction transaction(session);
    if (store.scalar("SELECT COUNT(*) FROM platforms WHERE id = $1", {platformId}) == 0)
        throw common::Error("NOT_FOUND", "platform not found");
    const Poco::Int64 category = categoryOf(store, input);
    if (store.scalar("SELECT COUNT(*) FROM numbering_rules WHERE prefix = $1", {prefix}) > 0)
        throw common::Error("PREFIX_TAKEN", "another numbering rule uses this prefix");
    if (store.scalar("SELECT COUNT(*) FROM numbering_rules WHERE platform_id = $1 AND name = $2", {platformId, name}) >
        0)
        throw common::Error("NUMBERING_NAME_TAKEN", "a numbering rule with this name exists");
    const Poco::Int64 id = store.insert("numbering_rules", {{"platform_id", platformId},
                                                            {"category_id", category ? SqlValue(category) : SqlValue()},
                                                            {"name", name},
                                                            {"prefix", prefix},
                                                            {"date_format", format},
                                                            {"sequence_width", width},
                                                            {"status", status}});
    auto record = store.find(NumberingRepository::view(), id, std::nullopt);
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr NumberingService::update(const Principal& principal, Poco::Int64 id,
                                                 const Poco::JSON::Object& input)
{
    Poco::Data::Session session = m_database.session();
    RecordStore store(session);
    Transaction transaction(session);
    const auto rule =
        Support::found(store.find(NumberingRepository::view(), id, Support::scopeOf(principal)), "numbering rule");
    for (const char* fixed : {"prefix", "dateFormat", "sequenceWidth", "platformId"}) {
        if (input.has(fixed))
            throw common::Error("BAD_REQUEST", std::string(fixed) + " cannot change: numbers must stay unique");
    }
    std::vector<std::pair<std::string, SqlValue>> columns;
    if (const auto name = Support::text(input, "name", false, 100)) {
        if (name->empty())
            throw common::Error("BAD_REQUEST", "name must not be empty");
        if (store.scalar("SELECT COUNT(*) FROM numbering_rules WHERE platform_id = $1 AND name = $2 AND id <> $3",
                         {rule->getValue<Poco::Int64>("platformId"), *name, id}) > 0)
            throw common::Error("NUMBERING_NAME_TAKEN", "a numbering rule with this name exists");
        columns.emplace_back("name", *name);
    }
    if (input.has("categoryId")) {
        const Poco::Int64 category = categoryOf(store, input);
        columns.emplace_back("category_id", category ? SqlValue(category) : SqlValue());
    }
    if (const auto status = Support::status(input, false))
        columns.emplace_back("status", *status);
    if (!columns.empty())
        store.update("numbering_rules", id, columns);
    auto record = store.find(NumberingRepository::view(), id, std::nullopt);
    transaction.commit();
    return record;
}

void NumberingService::remove(const Principal& principal, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    NumberingRepository repository(session);
    Transaction transaction(session);
    Support::found(repository.store().find(NumberingRepository::view(), id, Support::scopeOf(principal)),
                   "numbering rule");
    if (repository.countAllocations(id) > 0)
        throw common::Error("NUMBERING_RULE_IN_USE",
                            "the rule has issued numbers; disable it instead (its prefix stays reserved)");
    repository.remove(id);
    transaction.commit();
}

std::vector<std::string> NumberingService::allocate(const Principal& principal, Poco::Int64 id, int count)
{
    {
        Poco::Data::Session session = m_database.session();
        Support::found(RecordStore(session).find(NumberingRepository::view(), id, Support::scopeOf(principal)),
                       "numbering rule");
    }
    return allocateFor(id, count);
}

std::vector<std::string> NumberingService::allocateFor(Poco::Int64 ruleId, int count)
{
    if (count < 1 || count > kMaxAllocation)
        throw common::Error("BAD_REQUEST", "count must be between 1 and " + std::to_string(kMaxAllocation));
    Poco::Data::Session session = m_database.session();
    NumberingRepository repository(session);
    Transaction transaction(session);
    const auto rule =
        Support::found(repository.store().find(NumberingRepository::view(), ruleId, std::nullopt), "numbering rule");
    if (rule->getValue<std::string>("status") != "enabled")
        throw common::Error("NUMBERING_RULE_DISABLED", "the numbering rule is disabled");
    const std::string prefix = rule->getValue<std::string>("prefix");
    const std::string period = datePart(rule->getValue<std::string>("dateFormat"));
    const int width = static_cast<int>(rule->getValue<Poco::Int64>("sequenceWidth"));
    const Poco::Int64 last = repository.advance(ruleId, period.empty() ? "-" : period, count);
    Poco::Int64 limit = 1;
    for (int i = 0; i < width; ++i)
        limit *= 10;
    if (last >= limit)
        throw common::Error("NUMBERING_EXHAUSTED", "the sequence of this rule and period is used up (" +
                                                       std::to_string(limit - 1) + " numbers)");
    std::vector<std::string> numbers;
    for (Poco::Int64 value = last - count + 1; value <= last; ++value) {
        char digits[32];
        std::snprintf(digits, sizeof digits, "%0*lld", width, static_cast<long long>(value));
        numbers.push_back(prefix + period + digits);
    }
    transaction.commit();
    return numbers;
}

} // namespace citycode::server

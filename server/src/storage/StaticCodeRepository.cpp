#include "storage/StaticCodeRepository.h"

#include "storage/Database.h"

namespace citycode::server {

namespace {

using F = FilterKind;

SqlValue nullable(const std::optional<Poco::Int64>& value)
{
    return value ? SqlValue(*value) : SqlValue();
}

} // namespace

const ViewSpec& StaticCodeRepository::view()
{
    // 002 §5.3.2.2: the code list of an organisation with each code's detail. Search by number,
    // state, category, subject type, app, platform, time; the subject by exact value (hash).
    static const ViewSpec spec{"static_codes s LEFT JOIN apps a ON a.id = s.app_id"
                               " LEFT JOIN static_codes o ON o.id = s.replaces_id"
                               " LEFT JOIN static_codes n ON n.id = s.replaced_by_id",
                               "s.id",
                               "s.platform_id",
                               "s.created_at",
                               "s.id DESC",
                               {{"id", "s.id", F::Integer, true},
                                {"platformId", "s.platform_id", F::Integer, false},
                                {"appId", "s.app_id", F::Integer, false},
                                {"appName", "a.name", F::None, false},
                                {"codeNumber", "s.code_number", F::Like, true},
                                {"category", "s.category", F::Exact, true},
                                {"subjectType", "s.subject_type", F::Exact, true},
                                {"subjectName", "s.subject_name_sealed", F::None, false},
                                {"subjectNameHash", "s.subject_name_hash", F::Exact, false},
                                {"subjectIdentifier", "s.subject_identifier_sealed", F::None, false},
                                {"subjectIdentifierHash", "s.subject_identifier_hash", F::Exact, false},
                                {"subjectPhone", "s.subject_phone_sealed", F::None, false},
                                {"subjectPhoneHash", "s.subject_phone_hash", F::Exact, false},
                                {"content", "s.content", F::None, false},
                                {"description", "s.description", F::None, false},
                                {"state", "s.state", F::Exact, true},
                                {"replacesId", "s.replaces_id", F::None, false},
                                {"replacesNumber", "o.code_number", F::None, false},
                                {"replacedById", "s.replaced_by_id", F::None, false},
                                {"replacedByNumber", "n.code_number", F::None, false},
                                {"createdAt", "s.created_at", F::None, true},
                                {"updatedAt", "s.updated_at", F::None, true}}};
    return spec;
}

Poco::JSON::Object::Ptr StaticCodeRepository::find(Poco::Int64 id, std::optional<Poco::Int64> scopePlatform)
{
    return m_store.find(view(), id, scopePlatform);
}

Poco::JSON::Object::Ptr StaticCodeRepository::findByNumber(const std::string& codeNumber)
{
    const Poco::Int64 id = m_store.scalar("SELECT id FROM static_codes WHERE code_number = $1", {codeNumber});
    return id == 0 ? nullptr : m_store.find(view(), id, std::nullopt);
}

bool StaticCodeRepository::numberTaken(const std::string& codeNumber)
{
    return m_store.scalar("SELECT COUNT(*) FROM static_codes WHERE code_number = $1", {codeNumber}) > 0;
}

bool StaticCodeRepository::contentTaken(const std::string& content, std::optional<Poco::Int64> exceptId)
{
    return m_store.scalar("SELECT COUNT(*) FROM static_codes WHERE content = $1 AND id <> $2",
                          {content, exceptId.value_or(0)}) > 0;
}

Poco::Int64 StaticCodeRepository::nextNumber()
{
    // The UPDATE first: it takes the row lock (PostgreSQL) before the value is read, so two
    // registrations never read the same value.
    m_store.execute("UPDATE static_code_numbers SET next_value = next_value + 1 WHERE name = 'static_code'");
    return m_store.scalar("SELECT next_value - 1 FROM static_code_numbers WHERE name = 'static_code'");
}

Poco::Int64 StaticCodeRepository::insert(const StaticCodeRow& row)
{
    return m_store.insert("static_codes", {{"platform_id", row.platformId},
                                           {"app_id", nullable(row.appId)},
                                           {"code_number", row.codeNumber},
                                           {"category", row.category},
                                           {"subject_type", row.subjectType},
                                           {"subject_name_sealed", row.subjectNameSealed},
                                           {"subject_name_hash", row.subjectNameHash},
                                           {"subject_identifier_sealed", row.subjectIdentifierSealed},
                                           {"subject_identifier_hash", row.subjectIdentifierHash},
                                           {"subject_phone_sealed", row.subjectPhoneSealed},
                                           {"subject_phone_hash", row.subjectPhoneHash},
                                           {"content", row.content},
                                           {"description", row.description},
                                           {"state", row.state},
                                           {"replaces_id", nullable(row.replacesId)}});
}

bool StaticCodeRepository::changeState(Poco::Int64 id, const std::string& from, const std::string& to)
{
    return m_store.execute("UPDATE static_codes SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4",
                           {to, Database::timestampNow(), id, from}) == 1;
}

void StaticCodeRepository::setReplacedBy(Poco::Int64 id, Poco::Int64 replacementId)
{
    m_store.update("static_codes", id, {{"replaced_by_id", replacementId}});
}

void StaticCodeRepository::update(Poco::Int64 id, std::vector<std::pair<std::string, SqlValue>> columns)
{
    m_store.update("static_codes", id, std::move(columns));
}

void StaticCodeRepository::addHistory(Poco::Int64 codeId, const StaticCodeHistoryEntry& entry)
{
    m_store.insert("static_code_history",
                   {{"code_id", codeId},
                    {"operation", entry.operation},
                    {"from_state", entry.fromState},
                    {"to_state", entry.toState},
                    {"actor_type", entry.actorType},
                    {"actor_id", entry.actorId},
                    {"actor_name", entry.actorName},
                    {"reason", entry.reason},
                    {"created_at", Database::timestampNow()}},
                   false);
}

std::vector<Poco::JSON::Object::Ptr> StaticCodeRepository::history(Poco::Int64 codeId)
{
    return m_store.select("SELECT id AS \"id\", operation AS \"operation\", from_state AS \"fromState\","
                          " to_state AS \"toState\", actor_type AS \"actorType\", actor_id AS \"actorId\","
                          " actor_name AS \"actorName\", reason AS \"reason\", created_at AS \"createdAt\""
                          " FROM static_code_history WHERE code_id = $1 ORDER BY id",
                          {codeId});
}

} // namespace citycode::server

#include "services/StaticCodeService.h"

#include "citycode/common/Error.h"
#include "citycode/common/PersonalData.h"
#include "citycode/common/Symbol.h"
#include "services/BaseConfigSupport.h"
#include "services/OperationLog.h"
#include "services/PersonalDataCipher.h"
#include "storage/BaseConfigViews.h"
#include "storage/Database.h"
#include "storage/StaticCodeRepository.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include <cstdio>

namespace citycode::server {

namespace {

using Support = BaseConfigSupport;
using Machine = StaticCodeStateMachine;
using State = StaticCodeStateMachine::State;

constexpr char kNameColumn[] = "static_codes.subject_name";
constexpr char kIdentifierColumn[] = "static_codes.subject_identifier";
constexpr char kPhoneColumn[] = "static_codes.subject_phone";
constexpr std::size_t kMaxContentBytes = 1000;

// Code numbers: letters, digits, '.', '_' and '-', as printed under the symbol.
void checkNumber(const std::string& number, const std::string& field)
{
    if (number.empty() || number.size() > 64)
        throw common::Error("BAD_REQUEST", field + " must have 1 to 64 characters");
    for (const char c : number) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            throw common::Error("BAD_REQUEST", field + " may hold letters, digits, '.', '_' and '-' only");
    }
}

// The subject identifier by subject type: a person's GB 11643 ID number, an enterprise's
// credit code, an object's reference (optional).
void checkIdentifier(const std::string& subjectType, const std::string& identifier)
{
    if (subjectType == "person" && !common::validateIdNumber(identifier))
        throw common::Error("BAD_REQUEST", "subjectIdentifier must be a valid resident ID number for a person");
    if (subjectType == "enterprise" && identifier.empty())
        throw common::Error("BAD_REQUEST", "subjectIdentifier (the credit code) is required for an enterprise");
}

void checkPhone(const std::string& phone)
{
    if (!phone.empty() && !common::validatePhone(phone))
        throw common::Error("BAD_REQUEST", "subjectPhone must be a mainland mobile number");
}

// The default content of a code's symbol: unique because the number is.
std::string defaultContent(const std::string& number)
{
    return "CCS:" + number;
}

Poco::JSON::Array::Ptr operationNames(const std::vector<Machine::Operation>& operations)
{
    Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
    for (const auto operation : operations)
        names->add(Machine::name(operation));
    return names;
}

std::string number(StaticCodeRepository& repository, const std::optional<std::string>& given)
{
    if (given) {
        checkNumber(*given, "codeNumber");
        if (repository.numberTaken(*given))
            throw common::Error("STATIC_CODE_NUMBER_TAKEN", "a static code with this number exists");
        return *given;
    }
    // A number registered by hand may already hold a counter value: take the next free one.
    for (;;) {
        char text[32];
        std::snprintf(text, sizeof text, "SC%012lld", static_cast<long long>(repository.nextNumber()));
        if (!repository.numberTaken(text))
            return text;
    }
}

std::string content(StaticCodeRepository& repository, const std::optional<std::string>& given,
                    const std::string& codeNumber)
{
    const std::string text = given && !given->empty() ? *given : defaultContent(codeNumber);
    if (repository.contentTaken(text))
        throw common::Error("STATIC_CODE_CONTENT_TAKEN", "another static code has this content (002 §6: unique)");
    return text;
}

} // namespace

StaticCodeActor StaticCodeActor::operatorOf(const Principal& principal)
{
    StaticCodeActor actor;
    actor.id = principal.operatorId;
    actor.name = principal.username;
    actor.scopePlatform = Support::scopeOf(principal);
    actor.principal = &principal;
    return actor;
}

StaticCodeActor StaticCodeActor::app(Poco::Int64 appId, const std::string& appCode, Poco::Int64 platformId)
{
    StaticCodeActor actor;
    actor.isApp = true;
    actor.id = appId;
    actor.name = appCode;
    actor.scopePlatform = platformId;
    return actor;
}

std::vector<std::string> StaticCodeService::listFilters()
{
    return {"id",          "codeNumber",        "state",        "category",    "subjectType", "appId", "platformId",
            "subjectName", "subjectIdentifier", "subjectPhone", "createdFrom", "createdTo"};
}

Poco::JSON::Object::Ptr StaticCodeService::present(Poco::JSON::Object::Ptr record) const
{
    // QUALITY: personal data appears masked in every answer. Enterprise and object subjects are
    // not personal: their name and identifier show as they are; a phone is always masked.
    const bool person = record->getValue<std::string>("subjectType") == "person";
    const auto open = [this, &record](const std::string& field, const char* column) {
        const std::string sealed = record->getValue<std::string>(field);
        return sealed.empty() ? std::string() : m_cipher.open(sealed, column);
    };
    const std::string name = open("subjectName", kNameColumn);
    const std::string identifier = open("subjectIdentifier", kIdentifierColumn);
    const std::string phone = open("subjectPhone", kPhoneColumn);
    record->set("subjectName", person ? common::maskName(name) : name);
    record->set("subjectIdentifier", person ? common::maskIdNumber(identifier) : identifier);
    record->set("subjectPhone", phone.empty() ? std::string() : common::maskPhone(phone));
    record->remove("subjectNameHash");
    record->remove("subjectIdentifierHash");
    record->remove("subjectPhoneHash");
    return record;
}

Poco::JSON::Object::Ptr StaticCodeService::scoped(StaticCodeRepository& repository, const StaticCodeActor& actor,
                                                  Poco::Int64 id)
{
    auto record = repository.find(id, actor.scopePlatform);
    // An app sees only the codes registered for it (002 §8.1).
    if (record && actor.isApp && (record->isNull("appId") || record->getValue<Poco::Int64>("appId") != actor.id))
        record = nullptr;
    return Support::found(record, "static code");
}

ListPage StaticCodeService::list(const StaticCodeActor& actor, ListQuery query)
{
    // Subject fields are sealed: they are searched by their keyed hash, exactly.
    for (const auto& [field, column] : {std::pair<std::string, const char*>{"subjectName", kNameColumn},
                                        {"subjectIdentifier", kIdentifierColumn},
                                        {"subjectPhone", kPhoneColumn}}) {
        const std::string value = query.filter(field);
        query.filters.erase(field);
        query.filters.erase(field + "Hash");
        if (!value.empty())
            query.filters[field + "Hash"] = m_cipher.searchHash(value, column);
    }
    if (actor.isApp)
        query.filters["appId"] = std::to_string(actor.id);
    Poco::Data::Session session = m_database.session();
    StaticCodeRepository repository(session);
    ListPage page = repository.store().list(StaticCodeRepository::view(), query, actor.scopePlatform);
    for (auto& item : page.items)
        present(item);
    return page;
}

Poco::JSON::Object::Ptr StaticCodeService::get(const StaticCodeActor& actor, Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    StaticCodeRepository repository(session);
    auto record = present(scoped(repository, actor, id));
    Poco::JSON::Array::Ptr history = new Poco::JSON::Array;
    for (auto entry : repository.history(id)) {
        if (entry->getValue<std::string>("fromState").empty())
            entry->set("fromState", Poco::Dynamic::Var());
        history->add(entry);
    }
    record->set("history", history);
    const auto state = Machine::parseState(record->getValue<std::string>("state"));
    record->set("allowedOperations", operationNames(state ? Machine::allowed(*state) : std::vector<Operation>{}));
    return record;
}

Poco::Int64 StaticCodeService::idOfNumber(const StaticCodeActor& actor, const std::string& codeNumber)
{
    checkNumber(codeNumber, "codeNumber");
    Poco::Data::Session session = m_database.session();
    StaticCodeRepository repository(session);
    const auto record = repository.findByNumber(codeNumber);
    const Poco::Int64 id = record ? record->getValue<Poco::Int64>("id") : 0;
    if (id == 0)
        throw common::Error("NOT_FOUND", "static code not found");
    scoped(repository, actor, id);
    return id;
}

Poco::JSON::Object::Ptr StaticCodeService::registerCode(const StaticCodeActor& actor, const Poco::JSON::Object& input)
{
    const auto givenNumber = Support::text(input, "codeNumber", false, 64);
    const std::string category = *Support::text(input, "category", true, 64);
    const std::string subjectType = *Support::text(input, "subjectType", true, 16);
    if (subjectType != "person" && subjectType != "enterprise" && subjectType != "object")
        throw common::Error("BAD_REQUEST", "subjectType must be person, enterprise or object");
    const std::string name = *Support::text(input, "subjectName", true, 100);
    const std::string identifier = Support::text(input, "subjectIdentifier", false, 64).value_or("");
    const std::string phone = Support::text(input, "subjectPhone", false, 20).value_or("");
    const auto givenContent = Support::text(input, "content", false, kMaxContentBytes);
    const std::string description = Support::text(input, "description", false, 500).value_or("");
    const std::string reason = Support::text(input, "reason", false, 500).value_or("");
    checkIdentifier(subjectType, identifier);
    checkPhone(phone);
    std::optional<Poco::Int64> appId =
        actor.isApp ? std::optional<Poco::Int64>(actor.id) : Support::integer(input, "appId", false);

    Poco::Data::Session session = m_database.session();
    StaticCodeRepository repository(session);
    // New numbers and contents are checked, then inserted: one registration at a time, so that two
    // asking for the same number get NUMBER_TAKEN rather than a unique-index failure.
    Transaction transaction(session, TransactionLock::Database);
    StaticCodeRow row;
    // The code belongs to its app's platform, else to the operator's own; never to a platform
    // named in the request.
    row.platformId = actor.principal ? actor.principal->platformId : actor.scopePlatform.value_or(0);
    if (appId) {
        const auto app =
            Support::found(repository.store().find(BaseConfigViews::apps(), *appId, actor.scopePlatform), "app");
        if (app->getValue<std::string>("status") != "enabled")
            throw common::Error("APP_DISABLED", "static codes are registered for enabled apps only");
        row.platformId = app->getValue<Poco::Int64>("platformId");
    }
    row.appId = appId;
    row.codeNumber = number(repository, givenNumber);
    row.content = content(repository, givenContent, row.codeNumber);
    row.category = category;
    row.subjectType = subjectType;
    row.subjectNameSealed = m_cipher.seal(name, kNameColumn);
    row.subjectNameHash = m_cipher.searchHash(name, kNameColumn);
    row.subjectIdentifierSealed = identifier.empty() ? std::string() : m_cipher.seal(identifier, kIdentifierColumn);
    row.subjectIdentifierHash = identifier.empty() ? std::string() : m_cipher.searchHash(identifier, kIdentifierColumn);
    row.subjectPhoneSealed = phone.empty() ? std::string() : m_cipher.seal(phone, kPhoneColumn);
    row.subjectPhoneHash = phone.empty() ? std::string() : m_cipher.searchHash(phone, kPhoneColumn);
    row.description = description;
    row.state = Machine::name(Machine::kRegisteredState);
    const Poco::Int64 id = repository.insert(row);
    repository.addHistory(id, {Machine::name(Operation::Register), "", row.state, actor.isApp ? "app" : "operator",
                               actor.id, actor.name, reason});
    if (actor.principal)
        OperationLog::record(session, *actor.principal, "static-code.register", "static-code", std::to_string(id),
                             row.codeNumber + ": registered");
    auto record = present(repository.find(id, std::nullopt));
    transaction.commit();
    return record;
}

Poco::JSON::Object::Ptr StaticCodeService::perform(const StaticCodeActor& actor, Poco::Int64 id, Operation operation,
                                                   const Poco::JSON::Object& input)
{
    if (operation == Operation::Register || operation == Operation::Query)
        throw common::Error("BAD_REQUEST", "register and query are not transitions of an existing code");
    Poco::Data::Session session = m_database.session();
    StaticCodeRepository repository(session);
    // A replacement registers a new code: serialised like registerCode().
    Transaction transaction(session,
                            operation == Operation::Replace ? TransactionLock::Database : TransactionLock::Rows);
    // Scope, then legality, then the body: a foreign code answers NOT_FOUND and an illegal
    // operation 409 whatever the body holds.
    const auto record = scoped(repository, actor, id);
    const std::string codeNumber = record->getValue<std::string>("codeNumber");
    const std::string fromName = record->getValue<std::string>("state");
    const std::string toName = Machine::name(legalTarget(codeNumber, fromName, operation));
    const std::string reason = Support::text(input, "reason", false, 500).value_or("");

    std::string historyReason = reason;
    if (operation == Operation::Change)
        historyReason =
            "changed: " + changeInformation(repository, *record, input) + (reason.empty() ? "" : "; " + reason);
    // The conditional update also catches a request that changed the state since it was read.
    if (!repository.changeState(id, fromName, toName))
        throw common::Error("STATIC_CODE_ILLEGAL_TRANSITION",
                            "static code " + codeNumber + " changed state meanwhile; read it again");
    Poco::JSON::Object::Ptr replacement;
    if (operation == Operation::Replace) {
        replacement = replace(repository, actor, *record, input, reason);
        historyReason =
            "replaced by " + replacement->getValue<std::string>("codeNumber") + (reason.empty() ? "" : "; " + reason);
    }
    repository.addHistory(id, {Machine::name(operation), fromName, toName, actor.isApp ? "app" : "operator", actor.id,
                               actor.name, historyReason});
    if (actor.principal) {
        // No subject values: the log names the code and the states, never personal data.
        OperationLog::record(session, *actor.principal, "static-code." + Machine::name(operation), "static-code",
                             std::to_string(id), codeNumber + ": " + fromName + " -> " + toName);
    }
    auto result = present(repository.find(id, std::nullopt));
    if (replacement)
        result->set("replacement", replacement);
    transaction.commit();
    return result;
}

StaticCodeStateMachine::State StaticCodeService::legalTarget(const std::string& codeNumber, const std::string& from,
                                                             Operation operation)
{
    const auto state = Machine::parseState(from);
    const auto to = state ? Machine::next(*state, operation) : std::nullopt;
    if (to)
        return *to;
    std::string legal;
    for (const auto allowed : state ? Machine::allowed(*state) : std::vector<Operation>{})
        legal += (legal.empty() ? "" : ", ") + Machine::name(allowed);
    throw common::Error("STATIC_CODE_ILLEGAL_TRANSITION",
                        "static code " + codeNumber + " is " + from + ": '" + Machine::name(operation) +
                            "' is not allowed from " + from +
                            (legal.empty() ? " (a final state)" : " (allowed: " + legal + ")"));
}

std::string StaticCodeService::changeInformation(StaticCodeRepository& repository, const Poco::JSON::Object& record,
                                                 const Poco::JSON::Object& input)
{
    // 002 §5.3.2.4 信息变更: the fields given, checked against the subject type; the type itself,
    // the number and the content stay (a printed symbol must keep its meaning: replace for that).
    const auto category = Support::text(input, "category", false, 64);
    const auto name = Support::text(input, "subjectName", false, 100);
    const auto identifier = Support::text(input, "subjectIdentifier", false, 64);
    const auto phone = Support::text(input, "subjectPhone", false, 20);
    const auto description = Support::text(input, "description", false, 500);
    if (!category && !name && !identifier && !phone && !description)
        throw common::Error("BAD_REQUEST", "change needs at least one of category, subjectName, "
                                           "subjectIdentifier, subjectPhone, description");
    if ((category && category->empty()) || (name && name->empty()))
        throw common::Error("BAD_REQUEST", "category and subjectName must not be empty");
    if (identifier)
        checkIdentifier(record.getValue<std::string>("subjectType"), *identifier);
    if (phone)
        checkPhone(*phone);

    std::vector<std::pair<std::string, SqlValue>> columns;
    std::string fields;
    const auto changed = [&fields](const char* field) { fields += (fields.empty() ? "" : ", ") + std::string(field); };
    const auto sealed = [this, &columns](const std::string& value, const std::string& column, const char* aad) {
        columns.emplace_back(column + "_sealed", value.empty() ? std::string() : m_cipher.seal(value, aad));
        columns.emplace_back(column + "_hash", value.empty() ? std::string() : m_cipher.searchHash(value, aad));
    };
    if (category) {
        columns.emplace_back("category", *category);
        changed("category");
    }
    if (name) {
        sealed(*name, "subject_name", kNameColumn);
        changed("subjectName");
    }
    if (identifier) {
        sealed(*identifier, "subject_identifier", kIdentifierColumn);
        changed("subjectIdentifier");
    }
    if (phone) {
        sealed(*phone, "subject_phone", kPhoneColumn);
        changed("subjectPhone");
    }
    if (description) {
        columns.emplace_back("description", *description);
        changed("description");
    }
    repository.update(record.getValue<Poco::Int64>("id"), columns);
    return fields;
}

Poco::JSON::Object::Ptr StaticCodeService::replace(StaticCodeRepository& repository, const StaticCodeActor& actor,
                                                   const Poco::JSON::Object& old, const Poco::JSON::Object& input,
                                                   const std::string& reason)
{
    // 002 §5.3.2.4 换码: a new number takes the old code's subject, category and app, enabled at
    // once; both are linked. The sealed subject is copied as it is (same columns, same key).
    const auto newNumber = Support::text(input, "newCodeNumber", false, 64);
    const auto newContent = Support::text(input, "newContent", false, kMaxContentBytes);
    const Poco::Int64 oldId = old.getValue<Poco::Int64>("id");
    StaticCodeRow row;
    row.platformId = old.getValue<Poco::Int64>("platformId");
    if (!old.isNull("appId"))
        row.appId = old.getValue<Poco::Int64>("appId");
    row.codeNumber = number(repository, newNumber);
    row.content = content(repository, newContent, row.codeNumber);
    row.category = old.getValue<std::string>("category");
    row.subjectType = old.getValue<std::string>("subjectType");
    row.subjectNameSealed = old.getValue<std::string>("subjectName");
    row.subjectNameHash = old.getValue<std::string>("subjectNameHash");
    row.subjectIdentifierSealed = old.getValue<std::string>("subjectIdentifier");
    row.subjectIdentifierHash = old.getValue<std::string>("subjectIdentifierHash");
    row.subjectPhoneSealed = old.getValue<std::string>("subjectPhone");
    row.subjectPhoneHash = old.getValue<std::string>("subjectPhoneHash");
    row.description = old.getValue<std::string>("description");
    row.state = Machine::name(Machine::kReplacementState);
    row.replacesId = oldId;
    const Poco::Int64 newId = repository.insert(row);
    repository.setReplacedBy(oldId, newId);
    const std::string oldNumber = old.getValue<std::string>("codeNumber");
    repository.addHistory(newId,
                          {Machine::name(Operation::Replace), "", row.state, actor.isApp ? "app" : "operator", actor.id,
                           actor.name, "replaces " + oldNumber + (reason.empty() ? "" : "; " + reason)});
    return present(repository.find(newId, std::nullopt));
}

common::Bytes StaticCodeService::symbolPng(const StaticCodeActor& actor, Poco::Int64 id, int modulePixels)
{
    std::string text;
    {
        Poco::Data::Session session = m_database.session();
        StaticCodeRepository repository(session);
        text = scoped(repository, actor, id)->getValue<std::string>("content");
    }
    // 002 §6: QR Code, never rotated, at least 3 pixels per module (checked by renderPng).
    common::SymbolStyle style;
    style.modulePixels = modulePixels;
    const auto matrix = common::encodeSymbol(text, common::Symbology::Qr, style.ecLevel);
    return common::renderPng(matrix, style);
}

} // namespace citycode::server

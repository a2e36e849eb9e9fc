#include "services/BindDataService.h"

#include "citycode/common/Error.h"
#include "services/OpenApiInput.h"
#include "services/PersonalDataCipher.h"
#include "services/UserService.h"
#include "storage/BindDataRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/JSON/Parser.h>

#include <sstream>

namespace citycode::server {

namespace {

constexpr char kColumn[] = "bind_data.data";
constexpr std::size_t kMaxData = 16 * 1024;

Poco::JSON::Object::Ptr answer(const BindDataRow& row, const std::string& data)
{
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("data", data);
    object->set("dataName", row.dataName);
    object->set("dataType", row.dataType);
    object->set("userId", std::to_string(row.userId));
    return object;
}

} // namespace

Poco::Int64 BindDataService::userOf(const Poco::JSON::Object& input)
{
    const Poco::Int64 userId = openapi::requiredId(input, "userId");
    if (!m_users.exists(userId))
        throw common::Error("USER_UNKNOWN", "no such user");
    return userId;
}

void BindDataService::bind(const Caller& caller, const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    openapi::requireOwnApp(caller, input);
    BindDataRow row;
    row.userId = userOf(input);
    row.appId = caller.appId;
    row.dataType = openapi::requiredText(input, "dataType", 64);
    row.dataName = openapi::text(input, "dataName", 128);
    if (row.dataName.empty())
        row.dataName = row.dataType;
    if (!input.has("bindData") || input.isNull("bindData"))
        throw common::Error("BAD_REQUEST", "bindData is required");
    std::string data;
    if (input.get("bindData").isString()) {
        data = input.getValue<std::string>("bindData");
    } else {
        std::ostringstream text;
        Poco::JSON::Stringifier::stringify(input.get("bindData"), text);
        data = text.str();
    }
    if (data.size() > kMaxData)
        throw common::Error("BAD_REQUEST", "bindData is larger than 16 KiB");
    row.dataSealed = m_cipher.seal(data, kColumn);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    BindDataRepository(session).upsert(row);
    transaction.commit();
}

Poco::JSON::Object::Ptr BindDataService::get(const Caller& caller, const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    openapi::requireOwnApp(caller, input);
    const Poco::Int64 userId = userOf(input);
    const std::string dataType = openapi::requiredText(input, "dataType", 64);
    Poco::Data::Session session = m_database.session();
    const std::optional<BindDataRow> row = BindDataRepository(session).find(userId, caller.appId, dataType);
    if (!row)
        throw common::Error("BIND_DATA_NOT_FOUND", "no data of this type is bound to the user by this app");
    return answer(*row, m_cipher.open(row->dataSealed, kColumn));
}

Poco::JSON::Object::Ptr BindDataService::list(const Caller& caller, const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    openapi::requireOwnApp(caller, input);
    const Poco::Int64 userId = userOf(input);
    // dataTypes: "a,b,c" (or a JSON array of names).
    std::vector<std::string> types;
    if (input.has("dataTypes") && input.get("dataTypes").type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const auto& value : *input.getArray("dataTypes"))
            types.push_back(value.convert<std::string>());
    } else {
        std::istringstream names(openapi::requiredText(input, "dataTypes", 2048));
        for (std::string name; std::getline(names, name, ',');) {
            if (!name.empty())
                types.push_back(name);
        }
    }
    if (types.empty() || types.size() > 50)
        throw common::Error("BAD_REQUEST", "dataTypes must name 1 to 50 data types");
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    Poco::Data::Session session = m_database.session();
    BindDataRepository repository(session);
    for (const std::string& type : types) {
        const std::optional<BindDataRow> row = repository.find(userId, caller.appId, type);
        if (row)
            items->add(answer(*row, m_cipher.open(row->dataSealed, kColumn)));
    }
    Poco::JSON::Object::Ptr result = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    result->set("userId", std::to_string(userId));
    result->set("list", items);
    return result;
}

void BindDataService::unbind(const Caller& caller, const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    openapi::requireOwnApp(caller, input);
    const Poco::Int64 userId = userOf(input);
    const std::string dataType = openapi::requiredText(input, "dataType", 64);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    const bool removed = BindDataRepository(session).remove(userId, caller.appId, dataType);
    transaction.commit();
    if (!removed)
        throw common::Error("BIND_DATA_NOT_FOUND", "no data of this type is bound to the user by this app");
}

Poco::JSON::Object::Ptr BindDataService::health(Poco::Int64 userId)
{
    Poco::Data::Session session = m_database.session();
    const std::optional<BindDataRow> row = BindDataRepository(session).latest(userId, "health");
    if (!row)
        return nullptr;
    try {
        return Poco::JSON::Parser().parse(m_cipher.open(row->dataSealed, kColumn)).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr; // not an object: nothing the health code can show
    }
}

} // namespace citycode::server

#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;

// Code specifications (码规范, 001 §4.2.2): a name and a list of fields (name, type, length)
// that code rules copy in step 3. Global data: every operator may read, only the main platform
// changes them. A disabled spec cannot be chosen for new rules; deleting one leaves the rules
// that copied it unchanged. Errors: NOT_FOUND, BAD_REQUEST, FORBIDDEN, SPEC_NAME_TAKEN.
class CodeSpecService
{
public:
    explicit CodeSpecService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: name, fields [{name, type, length}], status (optional, default enabled).
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    // input: name and/or fields.
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr setEnabled(const Principal& principal, Poco::Int64 id, bool enabled);
    void remove(const Principal& principal, Poco::Int64 id);

private:
    Database& m_database;
};

} // namespace citycode::server

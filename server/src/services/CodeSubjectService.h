#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>
#include <Poco/Types.h>

namespace citycode::server {

class Database;

// Code subjects (000 §2.2.4.5 码对象主体): the enterprises, places, objects and devices that a
// category's codes stand for, kept per platform with an identifier unique within the platform
// (e.g. a unified social credit code or an asset number). People are users (PRODUCT §7), never
// subjects, so no personal data is kept here. Errors: NOT_FOUND, BAD_REQUEST, IDENTIFIER_TAKEN.
class CodeSubjectService
{
public:
    explicit CodeSubjectService(Database& database) : m_database(database) {}

    ListPage list(const Principal& principal, const ListQuery& query);
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: subjectType (enterprise|place|object|device|other), name, identifier, optional
    // categoryId, address, description, status, platformId (main platform only).
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& input);
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    void remove(const Principal& principal, Poco::Int64 id);

private:
    Database& m_database;
};

} // namespace citycode::server

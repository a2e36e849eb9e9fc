#pragma once

#include "services/Principal.h"
#include "storage/ListQuery.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;

// Service listing applications of onboarded apps (004 §4): a service of an enabled app (name,
// type handle|query, callback code, https address, description, the functional and security test
// reports) waits as "pending" until a reviewer approves or rejects it with a reason; the module
// code is generated here. An approved service can be stopped and started again in an emergency
// (001 §4.5), with a reason. Scope: the app's platform. Errors: NOT_FOUND, BAD_REQUEST,
// APP_DISABLED, APPLICATION_REVIEWED, SERVICE_NOT_APPROVED.
class ServiceListingService
{
public:
    explicit ServiceListingService(Database& database) : m_database(database) {}

    static std::vector<std::string> listFilters();

    ListPage list(const Principal& principal, const ListQuery& query);
    // The service with "reports": [{id, kind, fileName, sizeBytes, createdAt}] (never the content).
    Poco::JSON::Object::Ptr get(const Principal& principal, Poco::Int64 id);
    // input: appId, name, serviceType, callbackCode, address, description, reports
    // [{kind: functional|security, fileName, contentBase64}] (an empty file is allowed, 004 §4.3 7).
    Poco::JSON::Object::Ptr submit(const Principal& principal, const Poco::JSON::Object& input);
    // input: approve (bool), reason (required to reject).
    Poco::JSON::Object::Ptr review(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& input);
    // input: reason (required). Only approved services run or stop.
    Poco::JSON::Object::Ptr setRunning(const Principal& principal, Poco::Int64 id, bool running,
                                       const Poco::JSON::Object& input);

    static constexpr std::size_t kMaxReportBytes = 256 * 1024;

private:
    Database& m_database;
};

} // namespace citycode::server

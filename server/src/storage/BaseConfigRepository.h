#pragma once

#include "storage/RecordStore.h"

#include <Poco/Types.h>

#include <string>
#include <vector>

namespace citycode::server {

// The statements of the base configuration that are more than a generic list, insert or update
// (RecordStore): cascades, existence checks, the shelf order, numbering. Works on the caller's
// session so that a service can run several of them in one transaction.
class BaseConfigRepository
{
public:
    explicit BaseConfigRepository(Poco::Data::Session& session) : m_store(session) {}

    RecordStore& store() { return m_store; }

    Poco::Int64 countApps(Poco::Int64 platformId);
    Poco::Int64 countShelvedApps(Poco::Int64 platformId);
    bool appOnShelf(Poco::Int64 appId);
    void disableAppsOf(Poco::Int64 platformId);
    // Deletes a sub-platform with its operators and their sessions and roles (it has no apps).
    void deletePlatform(Poco::Int64 platformId);
    // Deletes an app with its developer, its services and their test reports.
    void deleteApp(Poco::Int64 appId);

    // The shelf: appends (or moves) an app to `position` (0: the end) of its platform's shelf.
    void shelve(Poco::Int64 platformId, Poco::Int64 appId, Poco::Int64 position);
    bool unshelve(Poco::Int64 appId);

    // Developer numbers are "D" and the zero-padded id, assigned right after the insert.
    Poco::Int64 insertDeveloper(Poco::Int64 appId, const std::string& name, const std::string& sealedSecret);
    std::string sealedSecretOfApp(const std::string& appCode);
    void replaceSecret(Poco::Int64 developerId, const std::string& sealedSecret);

    // The built-in administrator role of a new sub-platform (roles.code 'platform_admin', holding
    // every menu a sub-platform may hold, see AuthorisationSchema) given to its first operator.
    void grantPlatformAdminRole(Poco::Int64 platformId, Poco::Int64 operatorId);

    Poco::Int64 countRegionChildren(Poco::Int64 regionId);
    Poco::Int64 countAppsInIndustry(Poco::Int64 industryId);
    // Deletes rows by id from a table of the base configuration (regions, industries,
    // dictionary_groups with their entries, dictionary_entries); returns how many went.
    std::size_t deleteByIds(const std::string& table, const std::vector<Poco::Int64>& ids);

private:
    RecordStore m_store;
};

} // namespace citycode::server

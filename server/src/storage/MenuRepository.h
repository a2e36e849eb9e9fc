#pragma once

#include <Poco/Types.h>

#include <optional>
#include <string>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

// One node of the menu tree (001 §4.12.1 菜单管理): a screen or group ("menu") or an action on a
// screen ("button"), each with the permission key that allows it.
struct MenuRecord
{
    Poco::Int64 id = 0;
    Poco::Int64 parentId = 0; // 0: top level
    std::string name;
    std::string permission;
    std::string type = "menu"; // menu | button
    Poco::Int64 position = 0;
    std::string path;
    std::string icon;
    bool mainOnly = false;
    bool enabled = true;
};

// The menus table on the caller's session.
class MenuRepository
{
public:
    explicit MenuRepository(Poco::Data::Session& session) : m_session(session) {}

    // Every menu, ordered by position then id.
    std::vector<MenuRecord> all();
    std::optional<MenuRecord> find(Poco::Int64 id);
    std::optional<MenuRecord> findByPermission(const std::string& permission);
    Poco::Int64 insert(const MenuRecord& menu);
    void update(const MenuRecord& menu);
    // Deletes the menu and its place in roles; callers check countChildren() first.
    void remove(Poco::Int64 id);
    Poco::Int64 countChildren(Poco::Int64 id);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

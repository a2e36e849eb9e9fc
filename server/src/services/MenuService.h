#pragma once

#include "services/Principal.h"
#include "storage/MenuRepository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>

namespace citycode::server {

class Database;

// The menu tree (001 §4.12.1 菜单管理): the console's navigation and the permission keys behind
// it. Menus are global: only main-platform operators change them.
class MenuService
{
public:
    explicit MenuService(Database& database) : m_database(database) {}

    // The whole tree, each node {id, parentId, name, permission, type, position, path, icon,
    // mainOnly, status, children:[...]}.
    Poco::JSON::Array::Ptr tree();
    Poco::JSON::Object::Ptr get(Poco::Int64 id);
    Poco::JSON::Object::Ptr create(const Principal& principal, const Poco::JSON::Object& body);
    Poco::JSON::Object::Ptr update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& body);
    // Refused with MENU_HAS_CHILDREN while it has children.
    void remove(const Principal& principal, Poco::Int64 id);

    // The tree of the menus that `keep` accepts (a node whose parent is dropped is dropped too).
    static Poco::JSON::Array::Ptr buildTree(const std::vector<MenuRecord>& menus,
                                            const std::function<bool(const MenuRecord&)>& keep);
    static Poco::JSON::Object::Ptr toJson(const MenuRecord& menu);

private:
    Database& m_database;
};

} // namespace citycode::server

#include "services/MenuService.h"

#include "citycode/common/Error.h"
#include "services/OperationLog.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <Poco/Data/Session.h>

#include <map>

namespace citycode::server {

namespace {

std::string text(const Poco::JSON::Object& body, const std::string& name, const std::string& fallback,
                 std::size_t maxLength)
{
    if (!body.has(name) || body.isNull(name))
        return fallback;
    const Poco::Dynamic::Var value = body.get(name);
    if (!value.isString())
        throw common::Error("BAD_REQUEST", name + " must be a string");
    std::string result = value.extract<std::string>();
    if (result.size() > maxLength)
        throw common::Error("BAD_REQUEST", name + " is longer than " + std::to_string(maxLength) + " bytes");
    return result;
}

// Reads the editable fields of a menu from a request body over `menu`.
void readMenu(const Poco::JSON::Object& body, MenuRecord& menu)
{
    menu.name = text(body, "name", menu.name, 100);
    menu.permission = text(body, "permission", menu.permission, 100);
    menu.type = text(body, "type", menu.type, 10);
    menu.path = text(body, "path", menu.path, 200);
    menu.icon = text(body, "icon", menu.icon, 100);
    if (body.has("parentId"))
        menu.parentId = body.isNull("parentId") ? 0 : body.getValue<Poco::Int64>("parentId");
    if (body.has("position"))
        menu.position = body.getValue<Poco::Int64>("position");
    if (body.has("mainOnly"))
        menu.mainOnly = body.getValue<bool>("mainOnly");
    const std::string status = text(body, "status", menu.enabled ? "enabled" : "disabled", 10);
    if (status != "enabled" && status != "disabled")
        throw common::Error("BAD_REQUEST", "status must be enabled or disabled");
    menu.enabled = status == "enabled";
    if (menu.name.empty() || menu.permission.empty())
        throw common::Error("BAD_REQUEST", "name and permission are required");
    if (menu.type != "menu" && menu.type != "button")
        throw common::Error("BAD_REQUEST", "type must be menu or button");
    for (const char c : menu.permission) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != ':' && c != '_' && c != '-')
            throw common::Error("BAD_REQUEST", "a permission key has letters, digits, ':', '_' and '-' only");
    }
}

void requireMain(const Principal& principal)
{
    // The route permissions are main-only already; this keeps the rule if a role is mis-set.
    if (!principal.mainPlatform)
        throw common::Error("FORBIDDEN", "menus are managed on the main platform");
}

} // namespace

Poco::JSON::Object::Ptr MenuService::toJson(const MenuRecord& menu)
{
    Poco::JSON::Object::Ptr node = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    node->set("id", menu.id);
    node->set("parentId", menu.parentId == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(menu.parentId));
    node->set("name", menu.name);
    node->set("permission", menu.permission);
    node->set("type", menu.type);
    node->set("position", menu.position);
    node->set("path", menu.path);
    node->set("icon", menu.icon);
    node->set("mainOnly", menu.mainOnly);
    node->set("status", std::string(menu.enabled ? "enabled" : "disabled"));
    return node;
}

Poco::JSON::Array::Ptr MenuService::buildTree(const std::vector<MenuRecord>& menus,
                                              const std::function<bool(const MenuRecord&)>& keep)
{
    std::map<Poco::Int64, Poco::JSON::Object::Ptr> nodes;
    std::map<Poco::Int64, Poco::JSON::Array::Ptr> children;
    for (const MenuRecord& menu : menus) {
        if (!keep(menu))
            continue;
        nodes[menu.id] = toJson(menu);
        children[menu.id] = new Poco::JSON::Array;
        nodes[menu.id]->set("children", children[menu.id]);
    }
    Poco::JSON::Array::Ptr roots = new Poco::JSON::Array;
    // `menus` is ordered by position, so children keep that order.
    for (const MenuRecord& menu : menus) {
        if (nodes.count(menu.id) == 0)
            continue;
        if (menu.parentId == 0)
            roots->add(nodes[menu.id]);
        else if (children.count(menu.parentId) != 0)
            children[menu.parentId]->add(nodes[menu.id]);
    }
    return roots;
}

Poco::JSON::Array::Ptr MenuService::tree()
{
    Poco::Data::Session session = m_database.session();
    return buildTree(MenuRepository(session).all(), [](const MenuRecord&) { return true; });
}

Poco::JSON::Object::Ptr MenuService::get(Poco::Int64 id)
{
    Poco::Data::Session session = m_database.session();
    const auto menu = MenuRepository(session).find(id);
    if (!menu)
        throw common::Error("NOT_FOUND", "no such menu");
    return toJson(*menu);
}

Poco::JSON::Object::Ptr MenuService::create(const Principal& principal, const Poco::JSON::Object& body)
{
    requireMain(principal);
    MenuRecord menu;
    readMenu(body, menu);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    MenuRepository menus(session);
    if (menu.parentId != 0 && !menus.find(menu.parentId))
        throw common::Error("BAD_REQUEST", "the parent menu does not exist");
    if (menus.findByPermission(menu.permission))
        throw common::Error("PERMISSION_KEY_TAKEN", "another menu has the permission " + menu.permission);
    menu.id = menus.insert(menu);
    OperationLog::record(session, principal, "menu.create", "menu", std::to_string(menu.id), menu.permission);
    transaction.commit();
    return toJson(menu);
}

Poco::JSON::Object::Ptr MenuService::update(const Principal& principal, Poco::Int64 id, const Poco::JSON::Object& body)
{
    requireMain(principal);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    MenuRepository menus(session);
    auto menu = menus.find(id);
    if (!menu)
        throw common::Error("NOT_FOUND", "no such menu");
    readMenu(body, *menu);
    // A node may not move below itself or its descendants: walk up from the new parent.
    for (Poco::Int64 parent = menu->parentId; parent != 0;) {
        if (parent == id)
            throw common::Error("BAD_REQUEST", "a menu cannot be placed below itself");
        const auto above = menus.find(parent);
        if (!above)
            throw common::Error("BAD_REQUEST", "the parent menu does not exist");
        parent = above->parentId;
    }
    const auto holder = menus.findByPermission(menu->permission);
    if (holder && holder->id != id)
        throw common::Error("PERMISSION_KEY_TAKEN", "another menu has the permission " + menu->permission);
    menus.update(*menu);
    OperationLog::record(session, principal, "menu.update", "menu", std::to_string(id), menu->permission);
    transaction.commit();
    return toJson(*menu);
}

void MenuService::remove(const Principal& principal, Poco::Int64 id)
{
    requireMain(principal);
    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    MenuRepository menus(session);
    const auto menu = menus.find(id);
    if (!menu)
        throw common::Error("NOT_FOUND", "no such menu");
    if (menus.countChildren(id) > 0)
        throw common::Error("MENU_HAS_CHILDREN", "delete or move the menu's children first");
    menus.remove(id);
    OperationLog::record(session, principal, "menu.delete", "menu", std::to_string(id), menu->permission);
    transaction.commit();
}

} // namespace citycode::server

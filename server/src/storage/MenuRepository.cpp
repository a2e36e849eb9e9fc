#include "storage/MenuRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

namespace {

constexpr char kColumns[] =
    "SELECT id, parent_id, name, permission, type, position, path, icon, main_only, status FROM menus ";

MenuRecord toMenu(const Poco::JSON::Object::Ptr& row)
{
    MenuRecord menu;
    menu.id = row->getValue<Poco::Int64>("id");
    menu.parentId = row->isNull("parent_id") ? 0 : row->getValue<Poco::Int64>("parent_id");
    menu.name = row->getValue<std::string>("name");
    menu.permission = row->getValue<std::string>("permission");
    menu.type = row->getValue<std::string>("type");
    menu.position = row->getValue<Poco::Int64>("position");
    menu.path = row->getValue<std::string>("path");
    menu.icon = row->getValue<std::string>("icon");
    menu.mainOnly = row->getValue<Poco::Int64>("main_only") != 0;
    menu.enabled = row->getValue<std::string>("status") == "enabled";
    return menu;
}

std::vector<std::pair<std::string, SqlValue>> columnsOf(const MenuRecord& menu)
{
    return {{"parent_id", menu.parentId == 0 ? SqlValue() : SqlValue(menu.parentId)},
            {"name", menu.name},
            {"permission", menu.permission},
            {"type", menu.type},
            {"position", menu.position},
            {"path", menu.path},
            {"icon", menu.icon},
            {"main_only", static_cast<Poco::Int64>(menu.mainOnly ? 1 : 0)},
            {"status", std::string(menu.enabled ? "enabled" : "disabled")}};
}

} // namespace

std::vector<MenuRecord> MenuRepository::all()
{
    std::vector<MenuRecord> menus;
    for (const auto& row : RecordStore(m_session).select(std::string(kColumns) + "ORDER BY position, id"))
        menus.push_back(toMenu(row));
    return menus;
}

std::optional<MenuRecord> MenuRepository::find(Poco::Int64 id)
{
    const auto rows = RecordStore(m_session).select(std::string(kColumns) + "WHERE id = $1", {id});
    if (rows.empty())
        return std::nullopt;
    return toMenu(rows.front());
}

std::optional<MenuRecord> MenuRepository::findByPermission(const std::string& permission)
{
    const auto rows = RecordStore(m_session).select(std::string(kColumns) + "WHERE permission = $1", {permission});
    if (rows.empty())
        return std::nullopt;
    return toMenu(rows.front());
}

Poco::Int64 MenuRepository::insert(const MenuRecord& menu)
{
    return RecordStore(m_session).insert("menus", columnsOf(menu));
}

void MenuRepository::update(const MenuRecord& menu)
{
    RecordStore(m_session).update("menus", menu.id, columnsOf(menu));
}

void MenuRepository::remove(Poco::Int64 id)
{
    RecordStore store(m_session);
    store.execute("DELETE FROM role_menus WHERE menu_id = $1", {id});
    store.execute("DELETE FROM menus WHERE id = $1", {id});
}

Poco::Int64 MenuRepository::countChildren(Poco::Int64 id)
{
    return RecordStore(m_session).scalar("SELECT COUNT(*) FROM menus WHERE parent_id = $1", {id});
}

} // namespace citycode::server

#pragma once

namespace citycode::server {

class Exchange;
class MenuService;

// /admin/v1/menus (001 §4.12.1 菜单管理): GET the tree; POST create; GET, PUT, DELETE /{id}.
class MenuHandlers
{
public:
    explicit MenuHandlers(MenuService& menus) : m_menus(menus) {}

    void tree(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    void update(Exchange& exchange);
    void remove(Exchange& exchange);

private:
    MenuService& m_menus;
};

} // namespace citycode::server

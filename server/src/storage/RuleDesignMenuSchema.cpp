#include "storage/RuleDesignMenuSchema.h"

namespace citycode::server {

std::vector<std::string> RuleDesignMenuSchema::statements()
{
    return {
        // The other rule buttons (status, push, remove, version) were main-only from migration 4.
        "UPDATE menus SET main_only = 1 WHERE permission IN"
        " ('code:rule:add', 'code:rule:edit', 'code:rule:publish', 'code:rule:delete')",
        // Sub-platform roles drop them: RoleService refuses main-only menus for such roles, so a
        // role that kept one could not be saved again.
        "DELETE FROM role_menus WHERE menu_id IN (SELECT id FROM menus WHERE permission IN"
        " ('code:rule:add', 'code:rule:edit', 'code:rule:publish', 'code:rule:delete'))"
        " AND role_id IN (SELECT r.id FROM roles r JOIN platforms p ON p.id = r.platform_id WHERE p.kind <> 'main')",
    };
}

} // namespace citycode::server

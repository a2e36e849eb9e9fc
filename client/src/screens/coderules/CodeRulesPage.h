#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Code rules (001 §4.2.3): search by created time, name, applicable platform, status, type and
// publish state; the five-step wizard for new rules and edits; publish, enable/disable, push to
// the pool, remove from the pool, delete; the rule's versions and their comparison; and the
// apps' generate/scan permissions (000 §2.2.5), whose button sits under this menu.
class CodeRulesPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit CodeRulesPage(const PageContext& context, QWidget* parent = nullptr);

private:
    // The shared cache when the operator may list industries (the wizard's picker); else null.
    ReferenceCache* industries();
    void createRule();
    void editRule();
    void showVersions();
    void showAppPermissions();
};

} // namespace citycode::client

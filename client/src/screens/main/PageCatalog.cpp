// Every page of the console, keyed by the menu permission that shows it (AuthorisationSchema.cpp
// on the server). A screen is added here and nowhere else; the navigation follows GET /auth/me.
#include "screens/main/PageRegistry.h"

#include "screens/account/AccountPage.h"
#include "screens/apps/AppsPage.h"
#include "screens/categories/CodeCategoriesPage.h"
#include "screens/categories/NumberingRulesPage.h"
#include "screens/coderules/CodeRulesPage.h"
#include "screens/codespecs/CodeSpecsPage.h"
#include "screens/codesubjects/CodeSubjectsPage.h"
#include "screens/designer/StyleDesignerPage.h"
#include "screens/developers/DevelopersPage.h"
#include "screens/keys/KeysPage.h"
#include "screens/logs/OperationLogPage.h"
#include "screens/menus/MenusPage.h"
#include "screens/onboarding/OnboardingPage.h"
#include "screens/operators/OperatorsPage.h"
#include "screens/platforms/PlatformsPage.h"
#include "screens/referencedata/ReferenceDataPage.h"
#include "screens/roles/RolesPage.h"
#include "screens/settings/SettingsPage.h"
#include "screens/staticcodes/StaticCodesPage.h"
#include "screens/terminals/TerminalsPage.h"
#include "screens/verifier/OfflineVerifierPage.h"

#include <QCoreApplication>

namespace citycode::client {

namespace {

template <typename PageType>
PageRegistry::Factory make()
{
    return [](const PageContext& context, QWidget* parent) -> Page* { return new PageType(context, parent); };
}

QString title(const char* text)
{
    return QCoreApplication::translate("citycode::client::PageCatalog", text);
}

} // namespace

void registerPages(PageRegistry& registry)
{
    registry.add(
        QStringLiteral("local:account"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "My account")); }, make<AccountPage>());
    registry.add(
        QStringLiteral("base:platform:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Platforms")); }, make<PlatformsPage>());
    registry.add(
        QStringLiteral("base:app:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Apps")); }, make<AppsPage>());
    registry.add(
        QStringLiteral("base:developer:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Developers")); }, make<DevelopersPage>());
    registry.add(
        QStringLiteral("base:onboarding:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "App onboarding")); },
        make<OnboardingPage>());
    registry.add(
        QStringLiteral("base:region:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Regions")); },
        [](const PageContext& context, QWidget* parent) -> Page* {
            return new ReferenceDataPage(context, ReferenceDataPage::Kind::Regions, parent);
        });
    registry.add(
        QStringLiteral("base:industry:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Industries")); },
        [](const PageContext& context, QWidget* parent) -> Page* {
            return new ReferenceDataPage(context, ReferenceDataPage::Kind::Industries, parent);
        });
    registry.add(
        QStringLiteral("system:operator:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Operators")); }, make<OperatorsPage>());
    registry.add(
        QStringLiteral("system:role:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Roles")); }, make<RolesPage>());
    registry.add(
        QStringLiteral("system:dict:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Dictionaries")); },
        [](const PageContext& context, QWidget* parent) -> Page* {
            return new ReferenceDataPage(context, ReferenceDataPage::Kind::Dictionaries, parent);
        });
    registry.add(
        QStringLiteral("system:menu:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Menus")); }, make<MenusPage>());
    registry.add(
        QStringLiteral("system:log:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Operation log")); },
        make<OperationLogPage>());
    registry.add(
        QStringLiteral("code:style:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Code styles")); },
        make<StyleDesignerPage>());
    // The code engine (issue 5): specs, rules, terminals, keys, static codes, settings.
    registry.add(
        QStringLiteral("code:spec:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Code specs")); }, make<CodeSpecsPage>());
    registry.add(
        QStringLiteral("code:rule:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Code rules")); }, make<CodeRulesPage>());
    registry.add(
        QStringLiteral("code:terminal:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Scanner terminals")); },
        make<TerminalsPage>());
    registry.add(
        QStringLiteral("code:key:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Code keys")); }, make<KeysPage>());
    registry.add(
        QStringLiteral("code:static:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Static codes")); },
        make<StaticCodesPage>());
    registry.add(
        QStringLiteral("code:category:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Code categories")); },
        make<CodeCategoriesPage>());
    registry.add(
        QStringLiteral("code:numbering:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Numbering rules")); },
        make<NumberingRulesPage>());
    registry.add(
        QStringLiteral("code:subject:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Code subjects")); },
        make<CodeSubjectsPage>());
    registry.add(
        QStringLiteral("system:setting:list"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "System settings")); },
        make<SettingsPage>());
    registry.add(
        QStringLiteral("local:verifier"),
        [] { return title(QT_TRANSLATE_NOOP("citycode::client::PageCatalog", "Offline verifier")); },
        make<OfflineVerifierPage>());
}

} // namespace citycode::client

#pragma once

#include "widgets/Page.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>

namespace citycode::client {

// The console's screens keyed by the menu permission that shows them ("base:platform:list"),
// each with its translated title and a factory. The navigation shows a menu of GET /auth/me
// only when a page is registered for its key; keys starting with "local:" need no server
// permission (tools that work offline). All pages are registered in PageCatalog.cpp.
class PageRegistry
{
public:
    static constexpr const char* LocalPrefix = "local:";

    using Title = std::function<QString()>;
    using Factory = std::function<Page*(const PageContext& context, QWidget* parent)>;

    struct Entry
    {
        QString permission;
        Title title;
        Factory factory;
    };

    // The registry with every page of the console (PageCatalog.cpp fills it once).
    static const PageRegistry& instance();

    void add(const QString& permission, Title title, Factory factory);
    const Entry* find(const QString& permission) const;
    // Keys of pages that need no server permission, in registration order.
    QStringList localPermissions() const;

private:
    std::map<QString, Entry> m_entries;
    QStringList m_order;
};

// Registers every page of the console: the one place a new screen is added (PageCatalog.cpp).
void registerPages(PageRegistry& registry);

} // namespace citycode::client

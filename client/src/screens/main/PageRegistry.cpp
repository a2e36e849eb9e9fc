#include "screens/main/PageRegistry.h"

#include <utility>

namespace citycode::client {

const PageRegistry& PageRegistry::instance()
{
    static const PageRegistry registry = [] {
        PageRegistry pages;
        registerPages(pages);
        return pages;
    }();
    return registry;
}

void PageRegistry::add(const QString& permission, Title title, Factory factory)
{
    if (m_entries.count(permission) == 0) {
        m_order.append(permission);
    }
    m_entries[permission] = Entry{permission, std::move(title), std::move(factory)};
}

const PageRegistry::Entry* PageRegistry::find(const QString& permission) const
{
    const auto it = m_entries.find(permission);
    return it == m_entries.end() ? nullptr : &it->second;
}

QStringList PageRegistry::localPermissions() const
{
    QStringList keys;
    for (const QString& key : m_order) {
        if (key.startsWith(QLatin1String(LocalPrefix))) {
            keys.append(key);
        }
    }
    return keys;
}

} // namespace citycode::client

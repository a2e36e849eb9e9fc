#pragma once

#include <Poco/JSON/Array.h>

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

// The in-memory caches of this server node (001 §4.12.3 缓存管理): each service that keeps one
// registers a name, a size probe and a flush. The admin API lists and flushes them. Caches hold
// only what the database also holds, so a flush costs a reload, never data; it acts on the node
// that answers the request (other nodes expire their entries on their own short timers).
namespace citycode::server {

class CacheRegistry
{
public:
    struct Entry
    {
        std::string name;        // stable identifier, e.g. "keys"
        std::string description; // what the cache holds, for the console
        std::function<std::size_t()> size;
        std::function<void()> flush;
    };

    void add(Entry entry);

    // [{name, description, entries}], in registration order.
    Poco::JSON::Array::Ptr list() const;
    // Throws Error("NOT_FOUND") for an unknown name.
    void flush(const std::string& name);
    // Flushes every cache; returns how many there were.
    std::size_t flushAll();

private:
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
};

} // namespace citycode::server

#pragma once

namespace citycode::server {

class CacheRegistry;
class Exchange;
class OperationLog;

// /admin/v1/caches: the node's in-memory caches, their sizes, and flushing them (001 §4.12.3).
class CacheHandlers
{
public:
    CacheHandlers(CacheRegistry& caches, OperationLog& log) : m_caches(caches), m_log(log) {}

    void list(Exchange& exchange);
    void flush(Exchange& exchange);
    void flushAll(Exchange& exchange);

private:
    CacheRegistry& m_caches;
    OperationLog& m_log;
};

} // namespace citycode::server

#pragma once

#include <Poco/Data/Session.h>

namespace citycode::server {

// A write transaction on one session: begun on construction, rolled back on destruction unless
// commit() was called. On SQLite it starts with BEGIN IMMEDIATE, which takes the write lock up
// front; Poco's Session::begin() sends BEGIN DEFERRED, and a deferred transaction that reads and
// then writes fails at once with "database is locked" in WAL mode when another writer is active,
// whatever the busy timeout.
class Transaction
{
public:
    explicit Transaction(Poco::Data::Session& session);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Poco::Data::Session& m_session;
    bool m_active = false;
};

} // namespace citycode::server

#pragma once

#include <Poco/Data/Session.h>

namespace citycode::server {

// How much of the database a write transaction keeps to itself.
enum class TransactionLock
{
    // Rows as they are written (PostgreSQL's READ COMMITTED); constraints guard the rest.
    Rows,
    // One such transaction at a time in the whole database, taken before the first statement:
    // for "check, then write" sequences that no constraint can guard (first-start set-up,
    // migrations). SQLite always works this way.
    Database,
};

// A write transaction on one session: begun on construction, rolled back on destruction unless
// commit() was called. On SQLite it starts with BEGIN IMMEDIATE, which takes the write lock up
// front; Poco's Session::begin() sends BEGIN DEFERRED, and a deferred transaction that reads and
// then writes fails at once with "database is locked" in WAL mode when another writer is active,
// whatever the busy timeout. On PostgreSQL it is a plain BEGIN (READ COMMITTED), plus a
// transaction-scoped advisory lock for TransactionLock::Database.
class Transaction
{
public:
    explicit Transaction(Poco::Data::Session& session, TransactionLock lock = TransactionLock::Rows);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    // Whether the session may still be inside this transaction after a failed ROLLBACK.
    bool stillOpen() const;

    Poco::Data::Session& m_session;
    bool m_active = false;
};

} // namespace citycode::server

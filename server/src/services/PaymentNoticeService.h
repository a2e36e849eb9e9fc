#pragma once

#include "services/CallerAuthenticator.h"

#include <Poco/JSON/Object.h>

namespace citycode::server {

class Database;

// Payment and traffic order notices (001 §5.1.14-5.1.16): /traffic/notifyTrafficPay,
// /payment/notifyPaymentCreate, /payment/notifyPaymentResult. Idempotent by order number
// (bizOrderNo; for a create notice, which has none, bizOrderNo if given, else cashUrl): a repeat
// is answered with the first answer and changes nothing. Errors: BAD_REQUEST. Thread-safe.
class PaymentNoticeService
{
public:
    enum class Kind
    {
        Traffic,
        Create,
        Result,
    };

    explicit PaymentNoticeService(Database& database) : m_database(database) {}

    // The Data of the answer: {"handleState": "01"}.
    Poco::JSON::Object::Ptr notify(const Caller& caller, Kind kind, const Poco::JSON::Object& input);

private:
    Database& m_database;
};

} // namespace citycode::server

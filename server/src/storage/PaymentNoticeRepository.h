#pragma once

#include <Poco/Types.h>

#include <string>

namespace Poco::Data {
class Session;
}

namespace citycode::server {

struct PaymentNotice
{
    std::string kind; // traffic | create | result
    Poco::Int64 appId = 0;
    std::string orderNo;
    std::string userRef;
    Poco::Int64 amount = 0;
    Poco::Int64 payStatus = -1; // -1: none
    std::string requestJson;
    std::string answerJson;
};

// SQL of the payment_notices table (migration 6).
class PaymentNoticeRepository
{
public:
    explicit PaymentNoticeRepository(Poco::Data::Session& session) : m_session(session) {}

    // Stores the notice unless one with the same kind, app and order number exists, and returns
    // the answer stored with whichever came first.
    std::string insertOrFirstAnswer(const PaymentNotice& notice);

private:
    Poco::Data::Session& m_session;
};

} // namespace citycode::server

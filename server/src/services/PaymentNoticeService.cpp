#include "services/PaymentNoticeService.h"

#include "citycode/common/Error.h"
#include "services/OpenApiInput.h"
#include "storage/Database.h"
#include "storage/PaymentNoticeRepository.h"
#include "storage/Transaction.h"

#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include <sstream>

namespace citycode::server {

namespace {

Poco::Int64 amount(const Poco::JSON::Object& input, const std::string& name)
{
    const std::string text = openapi::requiredText(input, name, 18);
    Poco::Int64 value = 0;
    if (text.find_first_not_of("0123456789") != std::string::npos || !Poco::NumberParser::tryParse64(text, value))
        throw common::Error("BAD_REQUEST", name + " must be a whole number of fen");
    return value;
}

// yyyyMMddHHmmss or yyyyMMdd as 001 §5.1.14 writes them.
void requireDigits(const Poco::JSON::Object& input, const std::string& name, std::size_t size)
{
    const std::string text = openapi::requiredText(input, name, size);
    if (text.size() != size || text.find_first_not_of("0123456789") != std::string::npos)
        throw common::Error("BAD_REQUEST", name + " must be " + std::to_string(size) + " digits");
}

} // namespace

Poco::JSON::Object::Ptr PaymentNoticeService::notify(const Caller& caller, Kind kind, const Poco::JSON::Object& input)
{
    openapi::requireApp(caller);
    PaymentNotice notice;
    notice.appId = caller.appId;
    notice.userRef = openapi::requiredText(input, "userId", 128);
    if (kind == Kind::Create) {
        notice.kind = "create";
        const std::string cashUrl = openapi::requiredText(input, "cashUrl", 1024);
        openapi::requiredText(input, "orgCode", 128);
        notice.amount = amount(input, "orderAmount");
        notice.orderNo = openapi::text(input, "bizOrderNo", 128);
        if (notice.orderNo.empty())
            notice.orderNo = cashUrl;
    } else {
        notice.kind = kind == Kind::Traffic ? "traffic" : "result";
        notice.orderNo = openapi::requiredText(input, "bizOrderNo", 128);
        openapi::requiredText(input, "merchantCode", 128);
        openapi::requiredText(input, "merchantName", 256);
        notice.amount = amount(input, "orderAmount");
        requireDigits(input, "orderDate", 8);
        notice.payStatus = amount(input, "payStatus");
        requireDigits(input, "qrCodeTime", 14);
        requireDigits(input, "tradeCreateTime", 14);
        openapi::requiredText(input, "tripInfo", 4096);
    }
    std::ostringstream request;
    input.stringify(request);
    notice.requestJson = request.str();
    Poco::JSON::Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    answer.set("handleState", "01");
    answer.set("receivedAt", Database::timestampNow());
    std::ostringstream answerText;
    answer.stringify(answerText);
    notice.answerJson = answerText.str();

    Poco::Data::Session session = m_database.session();
    Transaction transaction(session);
    const std::string first = PaymentNoticeRepository(session).insertOrFirstAnswer(notice);
    transaction.commit();
    return Poco::JSON::Parser().parse(first).extract<Poco::JSON::Object::Ptr>();
}

} // namespace citycode::server

#include "storage/PaymentNoticeRepository.h"

#include "citycode/common/Error.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"

namespace citycode::server {

std::string PaymentNoticeRepository::insertOrFirstAnswer(const PaymentNotice& n)
{
    RecordStore store(m_session);
    store.execute("INSERT INTO payment_notices (kind, app_id, order_no, user_ref, amount, pay_status, request_json,"
                  " answer_json, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                  " ON CONFLICT (kind, app_id, order_no) DO NOTHING",
                  {n.kind, n.appId, n.orderNo, n.userRef, n.amount,
                   n.payStatus < 0 ? SqlValue() : SqlValue(n.payStatus), n.requestJson, n.answerJson,
                   Database::timestampNow()});
    const auto rows = store.select("SELECT answer_json FROM payment_notices WHERE kind = $1 AND app_id = $2"
                                   " AND order_no = $3",
                                   {n.kind, n.appId, n.orderNo});
    if (rows.empty())
        throw common::Error("INTERNAL_ERROR", "the payment notice vanished after its insert");
    return rows.front()->getValue<std::string>("answer_json");
}

} // namespace citycode::server

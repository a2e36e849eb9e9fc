#pragma once

#include "services/StaticCodeStateMachine.h"

namespace citycode::server {

class Exchange;
class StaticCodeService;

// /admin/v1/static-codes (002 §5.3.2.2-5.3.2.4): list, detail with history, register, every
// transition as POST .../{id}/<operation> with an optional {"reason"}, and the QR symbol as PNG.
// The service writes the operation log in the transaction of each change.
class StaticCodeHandlers
{
public:
    explicit StaticCodeHandlers(StaticCodeService& codes) : m_codes(codes) {}

    void list(Exchange& exchange);
    void get(Exchange& exchange);
    void create(Exchange& exchange);
    // POST .../{id}/<operation>; the body may be empty.
    void perform(Exchange& exchange, StaticCodeStateMachine::Operation operation);
    // GET .../{id}/symbol.png?modulePixels=N (3..32, default 8).
    void symbol(Exchange& exchange);

private:
    StaticCodeService& m_codes;
};

} // namespace citycode::server

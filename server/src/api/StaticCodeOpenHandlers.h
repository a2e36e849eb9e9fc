#pragma once

#include "services/StaticCodeStateMachine.h"

namespace citycode::server {

class Exchange;
class OpenApiServices;
class StaticCodeService;

// The static code interfaces of 002 §8.1 for apps (登记、申请、启用、停用、挂失、信息变更、信息查询):
// POST /staticCode/<operation> signed like every open API request (OpenApiHandlers::authenticate),
// answered in the {"Response": ...} envelope. An app registers codes for itself and reaches only
// its own codes, by "codeNumber"; each transition is written to the code's history as the app.
class StaticCodeOpenHandlers
{
public:
    StaticCodeOpenHandlers(OpenApiServices& open, StaticCodeService& codes) : m_open(open), m_codes(codes) {}

    // Register, Query or one of the transitions of 002 §8.1.
    void handle(Exchange& exchange, StaticCodeStateMachine::Operation operation);

private:
    OpenApiServices& m_open;
    StaticCodeService& m_codes;
};

} // namespace citycode::server

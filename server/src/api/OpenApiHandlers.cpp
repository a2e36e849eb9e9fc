#include "api/OpenApiHandlers.h"

#include "api/OpenApiResponse.h"
#include "citycode/common/Error.h"
#include "http/ErrorMapper.h"
#include "http/Exchange.h"
#include "http/JsonText.h"
#include "services/OpenApiServices.h"
#include "storage/DurableBatch.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <cstring>
#include <exception>
#include <iterator>
#include <optional>
#include <strings.h>
#include <utility>

namespace citycode::server {

namespace {

// Open API bodies are small JSON objects; a code is at most 772 characters.
constexpr std::size_t kMaxBody = 64 * 1024;

Poco::JSON::Object::Ptr parseObject(const std::string& body)
{
    if (body.empty())
        throw common::Error("BAD_REQUEST", "the body must be a JSON object");
    Poco::JSON::Object::Ptr object;
    try {
        const Poco::Dynamic::Var parsed = JsonText::parse(body);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            object = parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        throw common::Error("BAD_REQUEST", "the body must be a JSON object");
    }
    if (!object)
        throw common::Error("BAD_REQUEST", "the body must be a JSON object");
    return object;
}

// What the request claims to be, for the record of a refusal before the caller is known.
std::string claimedCaller(Exchange& exchange)
{
    const auto& request = exchange.request();
    const std::string app = request.get("X-CityCode-App", "");
    const std::string terminal = request.get("X-CityCode-Terminal", "");
    const std::string claimed = !app.empty() ? "app:" + app : !terminal.empty() ? "terminal:" + terminal : "";
    return "unverified " + claimed.substr(0, 80);
}

SignedRequest signedRequest(Exchange& exchange, const std::string& body)
{
    const auto& request = exchange.request();
    SignedRequest signedRequest;
    signedRequest.method = request.getMethod();
    signedRequest.path = exchange.path();
    // One pass over the header for the eight X-CityCode- fields (names case-insensitive, the first
    // of repeated ones, as request.get would take it): eight lookups compared every field's name
    // eight times.
    static constexpr char kPrefix[] = "x-citycode-";
    constexpr std::size_t kPrefixSize = sizeof kPrefix - 1;
    const std::pair<const char*, std::string SignedRequest::*> fields[] = {
        {"app", &SignedRequest::app},
        {"terminal", &SignedRequest::terminal},
        {"key-id", &SignedRequest::keyId},
        {"session", &SignedRequest::session},
        {"timestamp", &SignedRequest::timestamp},
        {"nonce", &SignedRequest::nonce},
        {"signature", &SignedRequest::signature},
        {"sign-method", &SignedRequest::signMethod},
    };
    bool seen[std::size(fields)] = {};
    for (const auto& [name, value] : request) {
        if (name.size() <= kPrefixSize || ::strncasecmp(name.c_str(), kPrefix, kPrefixSize) != 0)
            continue;
        const char* suffix = name.c_str() + kPrefixSize;
        const std::size_t suffixSize = name.size() - kPrefixSize;
        for (std::size_t i = 0; i < std::size(fields); ++i) {
            if (!seen[i] && std::strlen(fields[i].first) == suffixSize &&
                ::strncasecmp(suffix, fields[i].first, suffixSize) == 0) {
                signedRequest.*fields[i].second = value;
                seen[i] = true;
                break;
            }
        }
    }
    signedRequest.body = body;
    return signedRequest;
}

// The error code a refusal is answered with (as OpenApiResponse::failCurrent maps it).
std::string refusalCode(const std::exception_ptr& refusal)
{
    try {
        std::rethrow_exception(refusal);
    } catch (const common::Error& e) {
        if (OpenApiResponse::statusFor(e.code()) != Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR)
            return e.code();
    } catch (const std::exception& e) {
        if (ErrorMapper::isStorageFull(e))
            return ErrorMapper::kStorageFullCode;
    } catch (...) {
    }
    return "INTERNAL_ERROR";
}

std::string describe(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const Poco::Exception& e) {
        return e.displayText();
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

} // namespace

Caller OpenApiHandlers::authenticate(OpenApiServices& services, Exchange& exchange, std::string& body)
{
    body = exchange.readBody(kMaxBody);
    return services.callers().authenticate(signedRequest(exchange, body));
}

namespace {

// One open, show or decode: what the request asked and found, the durable write of its nonce,
// used mark and record, and how that write ended. Shared between the handler and the writer
// thread that commits it.
struct CodeCall
{
    CodeRecord record;
    std::optional<NonceStore::RequestNonce> nonce;
    std::optional<NonceStore::CodeUse> use;
    Poco::JSON::Object::Ptr data;
    std::exception_ptr refusal;
    std::string result; // record.result, or NONCE_REUSED / CODE_USED found by the write
    bool written = false;
    std::exception_ptr writeError;
};

// The one durable write of a code call, run inside the group commit's transaction.
std::size_t writeCodeCall(CodeCall& call, Poco::Data::Session& session)
{
    call.result = call.record.result;
    if (call.nonce && !NonceStore::claim(session, *call.nonce))
        call.result = "NONCE_REUSED";
    else if (call.use && !call.refusal && !NonceStore::markUsed(session, *call.use))
        call.result = "CODE_USED";
    CodeRecord stored = call.record;
    stored.result = call.result;
    CodeRecordRepository(session).insert(stored);
    return 1;
}

// Answers a code call once its write has ended: nothing durable, nothing answered as done.
void answerCodeCall(OpenApiServices& services, Exchange& exchange, const CodeCall& call)
{
    const CodeRecord& record = call.record;
    if (!call.written && !call.refusal) {
        // Nothing is durable, so nothing may be answered as done: 503 STORAGE_FULL for a full disk
        // (QUALITY.md "Faults and load"), else 500; failCurrent logs it once.
        try {
            std::rethrow_exception(call.writeError);
        } catch (...) {
            OpenApiResponse::failCurrent(exchange, services.logger());
        }
    } else if (call.result == "NONCE_REUSED" && record.result != call.result) {
        OpenApiResponse::failure(exchange, call.result,
                                 "this nonce was used before; sign every request with a fresh nonce");
    } else if (call.result == "CODE_USED" && record.result != call.result) {
        OpenApiResponse::failure(exchange, call.result, "the code was used already");
    } else if (call.refusal) {
        if (call.writeError) {
            // The refusal is answered; only its record is lost (one line per lost record).
            const std::string lost = "requestId=" + exchange.requestId() + " " + exchange.path() +
                                     ": 1 code record not written: " + describe(call.writeError);
            if (refusalCode(call.writeError) == ErrorMapper::kStorageFullCode)
                services.logger().warning(lost);
            else
                services.logger().error(lost);
        }
        try {
            std::rethrow_exception(call.refusal);
        } catch (...) {
            OpenApiResponse::failCurrent(exchange, services.logger());
        }
    } else {
        OpenApiResponse::success(exchange, call.data);
    }
}

} // namespace

void OpenApiHandlers::codeCall(Exchange& exchange, const std::string& action, const std::string& codeType)
{
    auto call = std::make_shared<CodeCall>();
    CodeRecord& record = call->record;
    record.action = action;
    record.codeType = codeType;
    // show and decode make one durable write, committed before the answer: the request's nonce,
    // the code's used mark (decode) and the record, in the shared group commit of DurableBatch.
    // open claims its nonce first (it registers a user on its own), then writes its record.
    try {
        const std::string body = exchange.readBody(kMaxBody);
        NonceStore::RequestNonce claim;
        const bool defer = action != "open";
        const Caller caller =
            m_services.callers().authenticate(signedRequest(exchange, body), defer ? &claim : nullptr);
        if (defer)
            call->nonce = claim;
        record.caller = caller.id();
        if (caller.kind == Caller::Kind::Terminal)
            record.terminalCode = caller.terminalCode;
        const Poco::JSON::Object::Ptr input = parseObject(body);
        if (action == "open") {
            call->data = m_services.codes().open(caller, codeType, *input, record);
        } else if (action == "show") {
            call->data = m_services.codes().show(caller, codeType, *input, record);
        } else {
            NonceStore::CodeUse mark;
            call->data = m_services.codes().decode(caller, codeType, *input, record, &mark);
            call->use = mark;
        }
        record.result = "success";
    } catch (...) {
        call->refusal = std::current_exception();
        record.result = refusalCode(call->refusal);
        if (record.caller.empty())
            record.caller = claimedCaller(exchange);
    }

    // The answer waits for the commit without holding this thread: an event-driven front serves
    // other connections meanwhile, and the answer is sent from the connection's thread.
    const Exchange::Resume resume = exchange.later();
    OpenApiServices& services = m_services;
    m_services.writes().submit(
        [call](Poco::Data::Session& session) { return writeCodeCall(*call, session); },
        [call, resume, &services](std::size_t, std::exception_ptr error) {
            call->written = !error;
            call->writeError = error;
            resume([call, &services](Exchange& answered) { answerCodeCall(services, answered, *call); });
        });
}

void OpenApiHandlers::open(Exchange& exchange, const std::string& codeType)
{
    codeCall(exchange, "open", codeType);
}

void OpenApiHandlers::show(Exchange& exchange, const std::string& codeType)
{
    codeCall(exchange, "show", codeType);
}

void OpenApiHandlers::decode(Exchange& exchange, const std::string& codeType)
{
    codeCall(exchange, "decode", codeType);
}

void OpenApiHandlers::terminalSession(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = authenticate(m_services, exchange, body);
        const Poco::JSON::Object::Ptr input = parseObject(body);
        const auto grant = m_services.callers().openSession(caller, input->optValue<std::string>("ephemeralKey", ""));
        Poco::JSON::Object::Ptr data = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        data->set("sessionId", grant.sessionId);
        data->set("serverKey", grant.serverKey);
        data->set("wrappedKey", grant.wrappedKey);
        data->set("expiresAt", grant.expiresAt);
        OpenApiResponse::success(exchange, data);
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_services.logger());
    }
}

void OpenApiHandlers::bindData(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = authenticate(m_services, exchange, body);
        m_services.bindData().bind(caller, *parseObject(body));
        OpenApiResponse::success(exchange, nullptr);
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_services.logger());
    }
}

void OpenApiHandlers::getBindData(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = authenticate(m_services, exchange, body);
        OpenApiResponse::success(exchange, m_services.bindData().get(caller, *parseObject(body)));
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_services.logger());
    }
}

void OpenApiHandlers::getBindDataList(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = authenticate(m_services, exchange, body);
        OpenApiResponse::success(exchange, m_services.bindData().list(caller, *parseObject(body)));
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_services.logger());
    }
}

void OpenApiHandlers::unbindData(Exchange& exchange)
{
    try {
        std::string body;
        const Caller caller = authenticate(m_services, exchange, body);
        m_services.bindData().unbind(caller, *parseObject(body));
        OpenApiResponse::success(exchange, nullptr);
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_services.logger());
    }
}

void OpenApiHandlers::notify(Exchange& exchange, PaymentNoticeService::Kind kind)
{
    try {
        std::string body;
        const Caller caller = authenticate(m_services, exchange, body);
        OpenApiResponse::success(exchange, m_services.payments().notify(caller, kind, *parseObject(body)));
    } catch (...) {
        OpenApiResponse::failCurrent(exchange, m_services.logger());
    }
}

} // namespace citycode::server

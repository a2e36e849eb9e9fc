#include "http/RequestHead.h"

#include <Poco/Ascii.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <string>

namespace citycode::server::RequestHead {

namespace {

constexpr int kEnd = -1;

// Poco's limits (private in HTTPRequest.h and MessageHeader.h of Poco 1.11).
constexpr std::size_t kMaxMethod = 32;
constexpr std::size_t kMaxUri = 16384;
constexpr std::size_t kMaxVersion = 8;
constexpr std::size_t kMaxName = 256;
constexpr std::size_t kMaxValue = 8192;

// The head as Poco's reader sees its stream: one character after another, kEnd past the last.
class Cursor
{
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    int current() const { return m_at < m_text.size() ? static_cast<unsigned char>(m_text[m_at]) : kEnd; }
    int next()
    {
        if (m_at < m_text.size())
            ++m_at;
        return current();
    }
    std::size_t at() const { return m_at; }
    std::string_view since(std::size_t from) const { return m_text.substr(from, m_at - from); }

private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

bool isSpace(int ch)
{
    return ch != kEnd && Poco::Ascii::isSpace(ch);
}

// A token of the request line: up to `limit` characters that are not white space.
std::string token(Cursor& in, std::size_t limit, const char* problem)
{
    const std::size_t from = in.at();
    int ch = in.current();
    while (ch != kEnd && !isSpace(ch) && in.at() - from < limit)
        ch = in.next();
    if (!isSpace(ch))
        throw Poco::Net::MessageException(problem);
    return std::string(in.since(from));
}

void skipSpace(Cursor& in)
{
    while (isSpace(in.current()))
        in.next();
}

// Appends the rest of a value line (up to the value limit) and steps over its line end.
void valueLine(Cursor& in, std::string& value, const char* problem)
{
    const std::size_t room = kMaxValue - value.size();
    const std::size_t from = in.at();
    int ch = in.current();
    while (ch != kEnd && ch != '\r' && ch != '\n' && in.at() - from < room)
        ch = in.next();
    value += in.since(from);
    if (ch == '\r')
        ch = in.next();
    if (ch == '\n')
        in.next();
    else if (ch != kEnd)
        throw Poco::Net::MessageException(problem);
}

void readFields(Cursor& in, Poco::Net::HTTPRequest& request)
{
    const int limit = request.getFieldLimit();
    int fields = 0;
    std::string value;
    for (int ch = in.current(); ch != kEnd && ch != '\r' && ch != '\n'; ch = in.current()) {
        if (limit > 0 && fields == limit)
            throw Poco::Net::MessageException("Too many header fields");
        const std::size_t from = in.at();
        while (ch != kEnd && ch != ':' && ch != '\n' && in.at() - from < kMaxName)
            ch = in.next();
        if (ch == '\n') { // a line without a colon is skipped, as Poco does
            in.next();
            continue;
        }
        if (ch != ':')
            throw Poco::Net::MessageException("Field name too long/no colon found");
        const std::string name(in.since(from));
        ch = in.next();
        while (isSpace(ch) && ch != '\r' && ch != '\n')
            ch = in.next();
        value.clear();
        valueLine(in, value, "Field value too long/no CRLF found");
        while (in.current() == ' ' || in.current() == '\t') // obsolete line folding
            valueLine(in, value, "Folded field value too long/no CRLF found");
        Poco::trimRightInPlace(value);
        // decodeWord leaves text without an RFC 2047 "=?" word as it is.
        request.add(name, value.find("=?") == std::string::npos ? value : Poco::Net::MessageHeader::decodeWord(value));
        ++fields;
    }
}

} // namespace

void read(std::string_view head, Poco::Net::HTTPRequest& request)
{
    if (head.empty())
        throw Poco::Net::NoMessageException(); // as Poco: nothing was sent at all
    Cursor in(head);
    skipSpace(in);
    if (in.current() == kEnd)
        throw Poco::Net::MessageException("No HTTP request header");
    std::string method = token(in, kMaxMethod, "HTTP request method invalid or too long");
    skipSpace(in);
    std::string uri = token(in, kMaxUri, "HTTP request URI invalid or too long");
    skipSpace(in);
    std::string version = token(in, kMaxVersion, "Invalid HTTP version string");
    while (in.current() != '\n' && in.current() != kEnd)
        in.next();
    in.next();
    readFields(in, request);
    request.setMethod(method);
    request.setURI(uri);
    request.setVersion(version);
}

} // namespace citycode::server::RequestHead

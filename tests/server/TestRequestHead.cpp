// RequestHead reads every plain-HTTP request head of the event-driven front. It must read what
// Poco's HTTPRequest::read reads from the same bytes, and refuse what it refuses with the same
// message (ErrorMapper maps the messages to error codes): checked on chosen heads at every limit
// and on random mutations of real ones.
#include "http/RequestHead.h"

#include <Poco/MemoryStream.h>
#include <Poco/Net/NetException.h>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using citycode::server::RequestHead::read;

namespace {

// Everything a reader leaves in a request, or the message it refused it with.
std::string outcome(const std::string& head, bool ours)
{
    Poco::Net::HTTPRequest request;
    try {
        if (ours) {
            read(head, request);
        } else {
            Poco::MemoryInputStream in(head.data(), head.size());
            request.read(in);
        }
    } catch (const Poco::Exception& e) {
        return std::string("refused: ") + e.className() + " " + e.message();
    }
    std::string text = request.getMethod() + "|" + request.getURI() + "|" + request.getVersion() + "\n";
    for (const auto& [name, value] : request)
        text += "[" + name + "]=[" + value + "]\n";
    return text;
}

void expectSame(const std::string& head)
{
    EXPECT_EQ(outcome(head, true), outcome(head, false)) << "head: " << head.substr(0, 300);
}

std::string fields(int count)
{
    std::string text;
    for (int i = 0; i < count; ++i)
        text += "X-Field-" + std::to_string(i) + ": " + std::to_string(i) + "\r\n";
    return text;
}

const std::string kSigned = "POST /identity/decodeIdentityCode HTTP/1.1\r\n"
                            "Host: 127.0.0.1:8080\r\n"
                            "Content-Type: application/json\r\n"
                            "Content-Length: 312\r\n"
                            "X-CityCode-Terminal: T-0001\r\n"
                            "X-CityCode-Session: 5b2c\r\n"
                            "X-CityCode-Timestamp: 1764480000\r\n"
                            "X-CityCode-Nonce: n-0123456789abcdef\r\n"
                            "X-CityCode-Signature: 00ff\r\n"
                            "\r\n";

} // namespace

TEST(TestRequestHead, ReadsWhatPocoReads)
{
    for (const std::string& head : {
             kSigned,
             std::string("GET / HTTP/1.1\r\n\r\n"),
             std::string("GET /health?x=1 HTTP/1.0\n\n"),
             std::string("\r\n\r\n  GET   /a%20b    HTTP/1.1   \r\nHost:x\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nHost:    spaced value   \t \r\nEmpty:\r\nTabbed:\tv\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nFolded: first\r\n  second\r\n\tthird\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nNo colon here\r\nHost: x\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nSubject: =?UTF-8?B?5LqM57u056CB?= and =?ISO-8859-1?Q?caf=E9?=\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nDup: 1\r\nDup: 2\r\nHOST: upper\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nOdd:\x01\x7f\xff bytes\r\n\r\n"),
             std::string("GET / HTTP/1.1\r\nLone-CR: a\rb\r\n\r\n"),
             std::string("GET /\r\nHost: x\r\n\r\n"),
             std::string("GET\r\n"),
             std::string("   \r\n"),
             std::string(""),
             std::string("GET / HTTP/1.1"),
             std::string("GET / HTTP/1.1\r\nHost: x"),
             std::string("GET / HTTP/1.1\r\nHost"),
         }) {
        expectSame(head);
    }
}

TEST(TestRequestHead, RefusesAtTheSameLimits)
{
    for (const std::size_t method : {31, 32, 33}) {
        expectSame(std::string(method, 'M') + " / HTTP/1.1\r\n\r\n");
    }
    for (const std::size_t uri : {16383, 16384, 16385}) {
        expectSame("GET /" + std::string(uri - 1, 'u') + " HTTP/1.1\r\n\r\n");
    }
    for (const std::size_t version : {7, 8, 9}) {
        expectSame("GET / " + std::string(version, 'V') + "\r\n\r\n");
    }
    for (const std::size_t name : {255, 256, 257}) {
        expectSame("GET / HTTP/1.1\r\n" + std::string(name, 'N') + ": v\r\n\r\n");
    }
    for (const std::size_t value : {8191, 8192, 8193}) {
        expectSame("GET / HTTP/1.1\r\nBig: " + std::string(value, 'v') + "\r\n\r\n");
        expectSame("GET / HTTP/1.1\r\nBig: " + std::string(value - 100, 'v') + "\r\n " + std::string(99, 'f') +
                   "\r\n\r\n");
    }
    for (const int count : {99, 100, 101}) {
        expectSame("GET / HTTP/1.1\r\n" + fields(count) + "\r\n");
    }
    const std::string tooMany = outcome("GET / HTTP/1.1\r\n" + fields(101) + "\r\n", true);
    EXPECT_NE(tooMany.find("Too many header fields"), std::string::npos) << tooMany;
}

TEST(TestRequestHead, ReadsRandomMutationsAsPocoDoes)
{
    // Bytes that matter to the grammar, and some that do not.
    const std::string alphabet = std::string(" \t\r\n:=?/\x00\x01\xff", 12) + "aZ9-_";
    std::mt19937 random(20261130);
    for (int round = 0; round < 3000; ++round) {
        std::string head = kSigned;
        const int edits = 1 + static_cast<int>(random() % 6);
        for (int e = 0; e < edits && !head.empty(); ++e) {
            const std::size_t at = random() % head.size();
            const char byte = alphabet[random() % alphabet.size()];
            switch (random() % 3) {
            case 0:
                head[at] = byte;
                break;
            case 1:
                head.insert(head.begin() + static_cast<std::ptrdiff_t>(at), byte);
                break;
            default:
                head.erase(at, 1 + random() % 8);
                break;
            }
        }
        expectSame(head);
        if (HasFailure())
            break;
    }
}

#pragma once

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <string>

namespace citycode::server {

// Timestamps in the text form of every *_at column (Database::timestampNow: UTC ISO 8601 with
// milliseconds), so that expiry times can be computed and compared as text in SQL.
class TimeText
{
public:
    static std::string format(const Poco::Timestamp& at)
    {
        return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%S.%iZ");
    }

    static std::string afterSeconds(const Poco::Timestamp& from, long long seconds)
    {
        return format(from + Poco::Timespan(seconds, 0));
    }

    // The instant of a stored timestamp; the epoch for text that does not parse.
    static Poco::Timestamp parse(const std::string& text)
    {
        int zone = 0;
        Poco::DateTime parsed;
        if (!Poco::DateTimeParser::tryParse("%Y-%m-%dT%H:%M:%S.%iZ", text, parsed, zone))
            return Poco::Timestamp(0);
        return parsed.timestamp();
    }
};

} // namespace citycode::server

#include "citycode/common/PersonalData.h"

#include "citycode/common/Error.h"

#include <algorithm>
#include <ctime>
#include <optional>
#include <vector>

namespace citycode::common {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Splits UTF-8 into code points (as byte strings), or nothing when the text is not valid UTF-8
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::optional<std::vector<std::string_view>> splitUtf8(std::string_view text)
{
    std::vector<std::string_view> points;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t value = 0;
        if (lead < 0x80) {
            length = 1;
            value = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            value = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            value = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            value = lead & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + length > text.size())
            return std::nullopt;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return std::nullopt;
            value = (value << 6) | (next & 0x3F);
        }
        static const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return std::nullopt;
        points.push_back(text.substr(i, length));
        i += length;
    }
    return points;
}

// Keeps `head` leading and `tail` trailing characters when the text has at least `minimum` of them, and
// replaces every other character with '*'; otherwise stars it all.
std::string maskMiddle(std::string_view text, std::size_t head, std::size_t tail, std::size_t minimum)
{
    const auto points = splitUtf8(text);
    if (!points)
        return std::string(text.size(), '*');
    const std::size_t count = points->size();
    if (count < minimum)
        return std::string(count, '*');
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i < head || i >= count - tail)
            out += (*points)[i];
        else
            out += '*';
    }
    return out;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int number(std::string_view digits)
{
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

// A real calendar date from 1900-01-01 up to today (UTC), as YYYYMMDD digits.
bool plausibleBirthDate(std::string_view yyyymmdd)
{
    const int year = number(yyyymmdd.substr(0, 4));
    const int month = number(yyyymmdd.substr(4, 2));
    const int day = number(yyyymmdd.substr(6, 2));
    static const int daysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    if (day > daysInMonth[month - 1] + (month == 2 && isLeapYear(year) ? 1 : 0))
        return false;
    const std::time_t now = std::time(nullptr);
    std::tm today{};
    gmtime_r(&now, &today);
    const int todayNumber = (today.tm_year + 1900) * 10000 + (today.tm_mon + 1) * 100 + today.tm_mday;
    return year * 10000 + month * 100 + day <= todayNumber;
}

} // namespace

std::string maskName(std::string_view name)
{
    return maskMiddle(name, 1, 0, 2);
}

std::string maskIdNumber(std::string_view idNumber)
{
    const auto points = splitUtf8(idNumber);
    const std::size_t count = points ? points->size() : 0;
    if (count != 15 && count != 18)
        return std::string(points ? count : idNumber.size(), '*');
    return maskMiddle(idNumber, 3, 4, 15);
}

std::string maskPhone(std::string_view phone)
{
    return maskMiddle(phone, 3, 4, 11);
}

char idNumberCheckCharacter(std::string_view first17)
{
    if (first17.size() != 17 || !std::all_of(first17.begin(), first17.end(), isDigit))
        throw Error("ID_NUMBER_INVALID", "an ID number's check character needs exactly 17 digits");
    // GB 11643-1999 check code, ISO 7064 MOD 11-2: weight of position i (from the left) is 2^(17-i) mod 11.
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i)
        sum += (first17[i] - '0') * weights[i];
    return "10X98765432"[sum % 11];
}

bool validateIdNumber(std::string_view idNumber)
{
    if (idNumber.size() != 18 || !std::all_of(idNumber.begin(), idNumber.begin() + 17, isDigit))
        return false;
    const char check = idNumber[17];
    if (!isDigit(check) && check != 'X')
        return false;
    // Positions 7-14: the date of birth (GB 11643-1999).
    return plausibleBirthDate(idNumber.substr(6, 8)) && idNumberCheckCharacter(idNumber.substr(0, 17)) == check;
}

bool validatePhone(std::string_view phone)
{
    if (phone.substr(0, 3) == "+86") {
        phone.remove_prefix(3);
        if (!phone.empty() && phone.front() == ' ')
            phone.remove_prefix(1);
    }
    // Mainland mobile numbers (MIIT numbering plan): 11 digits, "1" then a network digit 3-9.
    return phone.size() == 11 && std::all_of(phone.begin(), phone.end(), isDigit) && phone[0] == '1' && phone[1] >= '3';
}

} // namespace citycode::common

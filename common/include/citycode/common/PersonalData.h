#pragma once

#include <string>
#include <string_view>

namespace citycode::common {

// Masking and validation of the personal data the platform holds: names, resident ID numbers and mobile
// numbers. Every list, log, error and export shows the masked form (QUALITY: personal data).
//
// The masks never leak more than intended: input too short or odd to mask in the usual way comes back as all
// stars, one per character, and text that is not valid UTF-8 as one star per byte.

// Keeps the first character and replaces each further one with '*': "张三" -> "张*", "欧阳娜娜" -> "欧***".
// A one-character name becomes "*". Works on UTF-8 code points, never splitting one.
std::string maskName(std::string_view name);

// Keeps the first 3 and last 4 characters of a 15- or 18-character ID number and stars the rest, same length:
// "110101199003071234" -> "110***********1234". Any other length is starred completely.
std::string maskIdNumber(std::string_view idNumber);

// Keeps the first 3 and last 4 characters of a number of 11 or more characters and stars the rest, same length:
// "13812345678" -> "138****5678". Shorter input is starred completely.
std::string maskPhone(std::string_view phone);

// True for a resident identity number of GB 11643-1999: 17 digits and a check character ('0'-'9' or upper-case
// 'X', ISO 7064 MOD 11-2) that matches, with a real birth date YYYYMMDD at positions 7-14 between 1900-01-01
// and today (UTC). The region code is not checked against the GB/T 2260 list, which changes every year.
bool validateIdNumber(std::string_view idNumber);

// The GB 11643-1999 check character for the first 17 digits of an ID number.
// Throws Error("ID_NUMBER_INVALID") unless `first17` is exactly 17 digits.
char idNumberCheckCharacter(std::string_view first17);

// True for a mainland China mobile number: 11 digits "1[3-9]xxxxxxxxx", optionally written with the country
// code as "+86" directly or followed by one space ("+86 13812345678"). No other separators.
bool validatePhone(std::string_view phone);

} // namespace citycode::common

// Masking and validation of names, ID numbers and phone numbers (common/PersonalData.h).
#include "citycode/common/Error.h"
#include "citycode/common/PersonalData.h"

#include <gtest/gtest.h>

#include <cctype>
#include <ctime>
#include <ostream>
#include <string>

namespace citycode::test {
namespace {

using namespace citycode::common;

struct MaskCase
{
    const char* name;
    std::string input;
    std::string expected;
};

// Keeps ctest's listing readable: gtest would otherwise print the struct's raw bytes.
void PrintTo(const MaskCase& c, std::ostream* os)
{
    *os << c.name;
}

class MaskNameTest : public ::testing::TestWithParam<MaskCase>
{
};

TEST_P(MaskNameTest, KeepsOnlyTheFirstCharacter)
{
    EXPECT_EQ(maskName(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Names, MaskNameTest,
                         ::testing::Values(MaskCase{"two Chinese characters", "张三", "张*"},
                                           MaskCase{"three Chinese characters", "李小龙", "李**"},
                                           MaskCase{"compound surname", "欧阳娜娜", "欧***"},
                                           MaskCase{"one character is masked completely", "张", "*"},
                                           MaskCase{"empty stays empty", "", ""},
                                           MaskCase{"Latin name, spaces masked too", "Li Lei", "L*****"},
                                           MaskCase{"four-byte code point is one character",
                                                    "\xF0\xA0\xAE\xB7"
                                                    "\xE4\xB8\x80", // 𠮷一
                                                    "\xF0\xA0\xAE\xB7*"},
                                           MaskCase{"invalid UTF-8 is masked byte by byte", "\xE5\xBC", "**"},
                                           MaskCase{"overlong encoding is invalid",
                                                    "\xC0\xAF"
                                                    "a",
                                                    "***"},
                                           MaskCase{"surrogate code point is invalid", "\xED\xA0\x80", "***"}),
                         [](const auto& row) {
                             std::string name = row.param.name;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             return name;
                         });

TEST(MaskIdNumberTest, KeepsFirstThreeAndLastFourOfEighteen)
{
    EXPECT_EQ(maskIdNumber("110101199003071234"), "110***********1234");
    EXPECT_EQ(maskIdNumber("11010519491231002X"), "110***********002X");
}

TEST(MaskIdNumberTest, KeepsFirstThreeAndLastFourOfFifteen)
{
    EXPECT_EQ(maskIdNumber("110101900307123"), "110********7123");
}

TEST(MaskIdNumberTest, OtherLengthsAreMaskedCompletely)
{
    EXPECT_EQ(maskIdNumber(""), "");
    EXPECT_EQ(maskIdNumber("1234"), "****");
    EXPECT_EQ(maskIdNumber("11010119900307123"), std::string(17, '*'));
    EXPECT_EQ(maskIdNumber("1101011990030712345"), std::string(19, '*'));
    EXPECT_EQ(maskIdNumber("\xFF\xFE"), "**");
}

TEST(MaskPhoneTest, KeepsFirstThreeAndLastFour)
{
    EXPECT_EQ(maskPhone("13812345678"), "138****5678");
    EXPECT_EQ(maskPhone("+8613812345678"), "+86*******5678");
}

TEST(MaskPhoneTest, ShortNumbersAreMaskedCompletely)
{
    EXPECT_EQ(maskPhone(""), "");
    EXPECT_EQ(maskPhone("110"), "***");
    EXPECT_EQ(maskPhone("1381234567"), "**********");
}

TEST(MaskTest, NeverRevealsTheMiddle)
{
    const std::string id = "440524188001010014";
    const std::string masked = maskIdNumber(id);
    ASSERT_EQ(masked.size(), id.size());
    EXPECT_EQ(masked.find("188001"), std::string::npos);
    EXPECT_EQ(maskPhone("13912345678").find("1234"), std::string::npos);
}

TEST(IdNumberTest, CheckCharacterFollowsIso7064Mod11_2)
{
    // The example number printed in GB 11643-1999.
    EXPECT_EQ(idNumberCheckCharacter("11010519491231002"), 'X');
    EXPECT_EQ(idNumberCheckCharacter("44052418800101001"), '4');
    EXPECT_EQ(idNumberCheckCharacter("11010119900307123"), '3');
    EXPECT_THROW(idNumberCheckCharacter("1101011990030712"), Error);
    EXPECT_THROW(idNumberCheckCharacter("1101011990030712A"), Error);
}

TEST(IdNumberTest, AcceptsValidNumbers)
{
    EXPECT_TRUE(validateIdNumber("11010519491231002X"));
    EXPECT_TRUE(validateIdNumber("440524198001010013"));
    EXPECT_TRUE(validateIdNumber("320106198711204566"));
    EXPECT_TRUE(validateIdNumber("110101199003071233"));
    // 2000 was a leap year.
    const std::string leap = "11010120000229123";
    EXPECT_TRUE(validateIdNumber(leap + idNumberCheckCharacter(leap)));
}

TEST(IdNumberTest, RefusesWrongCheckCharacter)
{
    EXPECT_FALSE(validateIdNumber("110101199003071234"));
    EXPECT_FALSE(validateIdNumber("110105194912310020"));
    // GB 11643-1999 writes the check character as an upper-case X.
    EXPECT_FALSE(validateIdNumber("11010519491231002x"));
}

TEST(IdNumberTest, RefusesWrongShape)
{
    EXPECT_FALSE(validateIdNumber(""));
    EXPECT_FALSE(validateIdNumber("11010519491231002"));
    EXPECT_FALSE(validateIdNumber("11010519491231002XX"));
    EXPECT_FALSE(validateIdNumber("1101051949123100AX"));
    EXPECT_FALSE(validateIdNumber("110105 94912310020"));
}

TEST(IdNumberTest, RefusesImpossibleBirthDates)
{
    // 1900 was not a leap year; the checksum of the 1880 number is right, the date too old.
    EXPECT_FALSE(validateIdNumber("440524188001010014"));
    for (const std::string date : {"19900230", "19000229", "19901301", "19900001", "19900100", "18991231"}) {
        const std::string first17 = "110101" + date + "123";
        EXPECT_FALSE(validateIdNumber(first17 + idNumberCheckCharacter(first17))) << date;
    }
}

TEST(IdNumberTest, RefusesBirthDatesInTheFuture)
{
    std::time_t now = std::time(nullptr);
    std::tm today{};
    gmtime_r(&now, &today);
    const std::string nextYear = std::to_string(today.tm_year + 1900 + 1) + "0101";
    const std::string first17 = "110101" + nextYear + "123";
    EXPECT_FALSE(validateIdNumber(first17 + idNumberCheckCharacter(first17)));
}

TEST(PhoneTest, AcceptsMainlandMobileNumbers)
{
    EXPECT_TRUE(validatePhone("13812345678"));
    EXPECT_TRUE(validatePhone("19912345678"));
    EXPECT_TRUE(validatePhone("+8613812345678"));
    EXPECT_TRUE(validatePhone("+86 13812345678"));
}

TEST(PhoneTest, RefusesOtherNumbers)
{
    EXPECT_FALSE(validatePhone(""));
    EXPECT_FALSE(validatePhone("12812345678"));  // no network 12x
    EXPECT_FALSE(validatePhone("23812345678"));  // does not start with 1
    EXPECT_FALSE(validatePhone("1381234567"));   // 10 digits
    EXPECT_FALSE(validatePhone("138123456789")); // 12 digits
    EXPECT_FALSE(validatePhone("1381234567a"));
    EXPECT_FALSE(validatePhone("138-1234-5678"));
    EXPECT_FALSE(validatePhone("+86"));
    EXPECT_FALSE(validatePhone("+86  13812345678"));
    EXPECT_FALSE(validatePhone("008613812345678"));
    EXPECT_FALSE(validatePhone("+85213812345678"));
}

} // namespace
} // namespace citycode::test

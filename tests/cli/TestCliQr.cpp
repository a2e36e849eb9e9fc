// `citycode-cli qr` end to end: the real binary writes PNG and SVG files and the real zbarimg (zbar-tools) scans
// them. zbarimg runs with --raw -Sbinary so that it prints the symbol's bytes exactly, without a charset guess
// (which can garble short UTF-8 text) and without a trailing newline.
#include "Process.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace citycode::test {
namespace {

const std::string kCli = CITYCODE_CLI_BIN;

ProcessResult runQr(std::vector<std::string> args)
{
    args.insert(args.begin(), {kCli, "qr"});
    return runProcess(args);
}

ProcessResult scan(const std::string& path)
{
    return runProcess({"zbarimg", "--nodbus", "--quiet", "--raw", "-Sbinary", path});
}

// Text in the base45 alphabet, like our "CC1:..." payloads.
std::string base45Text(std::size_t length)
{
    static const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    std::string text = "CC1:";
    for (std::size_t i = 0; text.size() < length; ++i)
        text += alphabet[(i * 7 + i / 45) % alphabet.size()];
    text.resize(length);
    return text;
}

// Printable ASCII of every kind, lower case and punctuation included.
std::string asciiText(std::size_t length)
{
    std::string text;
    for (std::size_t i = 0; i < length; ++i)
        text += static_cast<char>(' ' + (i * 11 + 3) % 95);
    return text;
}

// Chinese and ASCII mixed, cut on a character boundary to at most `maxBytes` bytes.
std::string chineseText(std::size_t maxBytes)
{
    static const char* pieces[] = {"城市码", " CityCode ", "健康码", "绿码", "2023", "核酸检测 ", "扫码通行", ":/"};
    std::string text;
    for (std::size_t i = 0;; ++i) {
        const std::string piece = pieces[i % 8];
        if (text.size() + piece.size() > maxBytes)
            return text;
        text += piece;
    }
}

std::uint32_t bigEndian32(const std::string& data, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = value << 8 | static_cast<unsigned char>(data.at(at + i));
    return value;
}

bool isPng(const std::string& data)
{
    return data.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
}

class CliQrTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(haveProgram("zbarimg")) << "zbarimg (package zbar-tools) is needed to scan the symbols";
    }

    TempDir m_dir;
};

class CliQrLevelTest : public CliQrTest, public ::testing::WithParamInterface<const char*>
{
};

TEST_P(CliQrLevelTest, AsciiTextScansBackExactly)
{
    const std::string png = m_dir.file("ascii.png");
    for (std::size_t size : {1u, 20u, 80u, 200u, 500u, 1000u}) {
        for (const std::string& text : {base45Text(size), asciiText(size)}) {
            SCOPED_TRACE(text);
            const ProcessResult made = runQr({"--text", text, "--out", png, "--ec", GetParam()});
            ASSERT_EQ(made.exitCode, 0) << made.err;
            EXPECT_NE(made.out.find("QR Code version"), std::string::npos);
            const ProcessResult read = scan(png);
            ASSERT_EQ(read.exitCode, 0) << read.err;
            EXPECT_EQ(read.out, text);
        }
    }
}

TEST_P(CliQrLevelTest, ChineseTextScansBackExactly)
{
    const std::string png = m_dir.file("chinese.png");
    for (std::size_t size : {3u, 9u, 60u, 250u, 600u, 1000u}) {
        const std::string text = size == 3 ? std::string("码") : chineseText(size);
        SCOPED_TRACE(text);
        const ProcessResult made = runQr({"--text", text, "--out", png, "--ec", GetParam()});
        ASSERT_EQ(made.exitCode, 0) << made.err;
        const ProcessResult read = scan(png);
        ASSERT_EQ(read.exitCode, 0) << read.err;
        EXPECT_EQ(read.out, text);
    }
}

TEST_F(CliQrTest, ShortUtf8TextIsNotReinterpreted)
{
    // Without -Sbinary, zbarimg --raw reads the bytes of "café" as Shift JIS and prints "caf茅".
    const std::string png = m_dir.file("cafe.png");
    for (const std::string text : {"caf\xC3\xA9", "\xE7\xA0\x81", "\xC3\xA9t\xC3\xA9 2023"}) {
        const ProcessResult made = runQr({"--text", text, "--out", png});
        ASSERT_EQ(made.exitCode, 0) << made.err;
        EXPECT_EQ(scan(png).out, text);
    }
}

INSTANTIATE_TEST_SUITE_P(Levels, CliQrLevelTest, ::testing::Values("L", "M", "Q", "H"),
                         [](const auto& row) { return std::string(row.param); });

TEST_F(CliQrTest, TwoPixelModulesAreRefused)
{
    const std::string png = m_dir.file("small.png");
    const ProcessResult result = runQr({"--text", "CC1:ABC", "--out", png, "--module-px", "2"});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_NE(result.err.find("SYMBOL_MODULE_TOO_SMALL"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("at least 3 pixels"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(png)) << "no file may be written";
}

TEST_F(CliQrTest, ThreePixelModulesScan)
{
    const std::string png = m_dir.file("three.png");
    const std::string text = base45Text(80);
    const ProcessResult made = runQr({"--text", text, "--out", png, "--module-px", "3"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string data = readFile(png);
    ASSERT_TRUE(isPng(data));
    // 80 base45 characters: version 4-M, 33 modules plus 2 x 4 of quiet zone, 3 pixels each.
    EXPECT_EQ(bigEndian32(data, 16), 123u);
    EXPECT_EQ(bigEndian32(data, 20), 123u);
    EXPECT_EQ(scan(png).out, text);
}

TEST_F(CliQrTest, QuietZoneCanGrowButNotShrink)
{
    const std::string png = m_dir.file("quiet.png");
    ProcessResult result = runQr({"--text", base45Text(80), "--out", png, "--quiet-zone", "8"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(bigEndian32(readFile(png), 16), (33u + 16u) * 4u);
    EXPECT_EQ(scan(png).out, base45Text(80));

    result = runQr({"--text", base45Text(80), "--out", m_dir.file("tight.png"), "--quiet-zone", "2"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("SYMBOL_QUIET_ZONE_TOO_SMALL"), std::string::npos) << result.err;
}

TEST_F(CliQrTest, ColoursAreParsedAndUsed)
{
    const std::string png = m_dir.file("colour.png");
    const ProcessResult made =
        runQr({"--text", base45Text(80), "--out", png, "--fg", "#1A3C8E", "--bg", "#fffbe6", "--ec", "Q"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string data = readFile(png);
    ASSERT_TRUE(isPng(data));
    // A two-entry palette: foreground, then background.
    const std::size_t plte = data.find("PLTE");
    ASSERT_NE(plte, std::string::npos);
    EXPECT_EQ(bigEndian32(data, plte - 4), 6u);
    EXPECT_EQ(data.substr(plte + 4, 6), std::string("\x1a\x3c\x8e\xff\xfb\xe6", 6));
    EXPECT_EQ(scan(png).out, base45Text(80));
}

TEST_F(CliQrTest, BadColoursAreRefused)
{
    for (const char* bad : {"red", "#12345", "#1234567", "#GGGGGG", "123456", ""}) {
        SCOPED_TRACE(bad);
        const ProcessResult result = runQr({"--text", "CC1:ABC", "--out", m_dir.file("bad.png"), "--fg", bad});
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_NE(result.err.find("--fg"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("#RRGGBB"), std::string::npos) << result.err;
    }
    const ProcessResult result = runQr({"--text", "CC1:ABC", "--out", m_dir.file("bad.png"), "--bg", "#00000g"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--bg"), std::string::npos) << result.err;
}

TEST_F(CliQrTest, LowContrastIsRefused)
{
    const ProcessResult inverted =
        runQr({"--text", "CC1:ABC", "--out", m_dir.file("inv.png"), "--fg", "#ffffff", "--bg", "#000000"});
    EXPECT_EQ(inverted.exitCode, 1);
    EXPECT_NE(inverted.err.find("SYMBOL_LOW_CONTRAST"), std::string::npos) << inverted.err;
    const ProcessResult faint =
        runQr({"--text", "CC1:ABC", "--out", m_dir.file("faint.png"), "--fg", "#dddddd", "--bg", "#ffffff"});
    EXPECT_EQ(faint.exitCode, 1);
    EXPECT_NE(faint.err.find("SYMBOL_LOW_CONTRAST"), std::string::npos) << faint.err;
}

TEST_F(CliQrTest, SvgOutputIsAnSvg)
{
    const std::string svgPath = m_dir.file("code.svg");
    const ProcessResult made = runQr({"--text", base45Text(80), "--out", svgPath, "--module-px", "5"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string svg = readFile(svgPath);
    EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0),
              0u);
    // Version 4: 33 + 8 modules, 5 pixels each.
    EXPECT_NE(svg.find("width=\"205\" height=\"205\" viewBox=\"0 0 41 41\""), std::string::npos);
    EXPECT_NE(svg.find("<path fill=\"#000000\" d=\"M4 4h7v1h-7z"), std::string::npos); // the top left finder
    EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
    if (haveProgram("xmllint")) {
        const ProcessResult lint = runProcess({"xmllint", "--noout", svgPath});
        EXPECT_EQ(lint.exitCode, 0) << lint.err;
    }
}

TEST_F(CliQrTest, GridMatrixWritesPngAndSvg)
{
    const std::string png = m_dir.file("grid.png");
    const std::string svg = m_dir.file("grid.svg");
    const std::string text = "CC1:城市码" + base45Text(60);
    ProcessResult made = runQr({"--text", text, "--out", png, "--symbology", "gridmatrix", "--ec", "H"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    EXPECT_NE(made.out.find("Grid Matrix layers"), std::string::npos) << made.out;
    const std::string data = readFile(png);
    ASSERT_TRUE(isPng(data));
    // Grid Matrix is 6 + 12 * layers modules wide, with a quiet zone of 6 modules on each side.
    const std::uint32_t modules = bigEndian32(data, 16) / 4 - 12;
    EXPECT_EQ((modules - 6) % 12, 0u) << modules;
    EXPECT_EQ(bigEndian32(data, 20), bigEndian32(data, 16));
    // zbar reads no Grid Matrix (no decoder for it exists in Debian): it must not see a QR Code either.
    EXPECT_NE(scan(png).exitCode, 0);

    made = runQr({"--text", text, "--out", svg, "--symbology", "gridmatrix"});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    EXPECT_NE(readFile(svg).find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
}

TEST_F(CliQrTest, UsageErrorsExitWithTwo)
{
    const std::string png = m_dir.file("x.png");
    const std::vector<std::vector<std::string>> cases = {
        {"--out", png},
        {"--text", "A"},
        {"--text", "A", "--out", m_dir.file("x.gif")},
        {"--text", "A", "--out", png, "--ec", "X"},
        {"--text", "A", "--out", png, "--symbology", "datamatrix"},
        {"--text", "A", "--out", png, "--module-px", "four"},
        {"--text", "A", "--out", png, "--colour", "#000000"},
        {"--text", "A", "--out", png, "extra"},
    };
    for (const auto& args : cases) {
        SCOPED_TRACE(args.back());
        const ProcessResult result = runQr(args);
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_NE(result.err.find("usage: citycode-cli qr"), std::string::npos) << result.err;
    }
}

TEST_F(CliQrTest, TooMuchDataIsRefused)
{
    const ProcessResult result = runQr({"--text", asciiText(2000), "--out", m_dir.file("long.png"), "--ec", "H"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("SYMBOL_DATA_TOO_LONG"), std::string::npos) << result.err;
}

} // namespace
} // namespace citycode::test

#include "services/PersonalDataCipher.h"

#include "citycode/common/Crypto.h"
#include "citycode/common/Error.h"
#include "citycode/common/Sm4GcmKey.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace citycode::server {

namespace {

// Domain separation: the search key is derived from the data key (HMAC-SM3 as a PRF, in the
// manner of RFC 5869's expand step) so a leaked search hash says nothing about the sealing key.
constexpr char kSearchKeyLabel[] = "citycode personal-data search key v1";

common::Bytes readKeyFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw common::Error("DATA_KEY_FILE", "cannot read the data key file " + path);
    return common::Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes a new key under a temporary name and links it into place: the key file either does not
// exist or holds all 16 bytes, and two servers starting at once end up with the same key.
void createKeyFile(const std::string& path)
{
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(path).parent_path();
    std::error_code error;
    if (!folder.empty() && !fs::exists(folder, error)) {
        fs::create_directories(folder, error);
        if (!error)
            fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
        if (error)
            throw common::Error("DATA_KEY_FILE",
                                "cannot create the folder " + folder.string() + ": " + error.message());
    }
    const common::Bytes key = common::randomBytes(PersonalDataCipher::kKeyBytes);
    const std::string temporary = path + ".new." + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw common::Error("DATA_KEY_FILE",
                            "cannot create the data key file " + temporary + ": " + std::strerror(errno));
    const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || (::link(temporary.c_str(), path.c_str()) != 0 && errno != EEXIST)) {
        const std::string reason = std::strerror(errno);
        ::unlink(temporary.c_str());
        throw common::Error("DATA_KEY_FILE", "cannot write the data key file " + path + ": " + reason);
    }
    ::unlink(temporary.c_str());
}

common::Bytes aad(const std::string& column)
{
    return common::toBytes(column);
}

} // namespace

PersonalDataCipher::PersonalDataCipher(common::Bytes dataKey) : m_dataKey(std::move(dataKey))
{
    if (m_dataKey.size() != kKeyBytes)
        throw common::Error("DATA_KEY_INVALID", "the data key must have " + std::to_string(kKeyBytes) + " bytes, not " +
                                                    std::to_string(m_dataKey.size()));
    m_hashKey = common::mac(common::CodeAlg::HmacSm3, m_dataKey, common::toBytes(kSearchKeyLabel));
    m_sealing = std::make_shared<const common::Sm4GcmKey>(m_dataKey);
}

PersonalDataCipher PersonalDataCipher::fromKeyFile(const std::string& path)
{
    if (!std::filesystem::exists(path))
        createKeyFile(path);
    const common::Bytes key = readKeyFile(path);
    if (key.size() != kKeyBytes)
        throw common::Error("DATA_KEY_INVALID", "the data key file " + path + " holds " + std::to_string(key.size()) +
                                                    " bytes instead of " + std::to_string(kKeyBytes) +
                                                    ": it is damaged; restore it from the backup (personal data "
                                                    "encrypted with it cannot be read without it)");
    return PersonalDataCipher(key);
}

std::string PersonalDataCipher::seal(const std::string& plaintext, const std::string& column) const
{
    return common::toHex(m_sealing->seal(common::toBytes(plaintext), aad(column)));
}

std::string PersonalDataCipher::open(const std::string& sealed, const std::string& column) const
{
    common::Bytes bytes;
    try {
        bytes = common::fromHex(sealed);
    } catch (const common::Error&) {
        throw common::Error("CRYPTO_AEAD_FAILED", "a sealed value in " + column + " is not hex");
    }
    return common::toString(m_sealing->open(bytes.data(), bytes.size(), aad(column)));
}

std::string PersonalDataCipher::searchHash(const std::string& plaintext, const std::string& column) const
{
    return common::toHex(common::mac(common::CodeAlg::HmacSm3, m_hashKey, common::toBytes(column + '\0' + plaintext)));
}

} // namespace citycode::server

#pragma once

#include "citycode/common/Bytes.h"

#include <memory>
#include <string>

namespace citycode::common {
class Sm4GcmKey;
}

namespace citycode::server {

// Protects personal data (names, phones, ID numbers) and app secrets at rest. Values are sealed
// with SM4-GCM (GB/T 32907, GCM per NIST SP 800-38D) under the 16-byte data key and stored as
// hex text; the column name is the associated data, so a value copied into another column does
// not open. Beside each sealed value a keyed hash (HMAC-SM3, GB/T 32905, under a key derived from
// the data key) allows exact search without decrypting. The SM4 key schedule is made once (show and
// verify open three values per request). Immutable, safe to share between threads.
class PersonalDataCipher
{
public:
    static constexpr std::size_t kKeyBytes = 16;

    // Throws Error("DATA_KEY_INVALID") unless the key has 16 bytes.
    explicit PersonalDataCipher(common::Bytes dataKey);

    // Reads the data key file; creates it (mode 0600, folder 0700, 16 random bytes) when it does
    // not exist. Throws Error("DATA_KEY_INVALID") for a file of another size (a corrupt or
    // truncated key: without the right key, no sealed value can be read) and
    // Error("DATA_KEY_FILE") when it cannot be read or created.
    static PersonalDataCipher fromKeyFile(const std::string& path);

    // `column` names the value's place, e.g. "app_applications.contact_phone".
    std::string seal(const std::string& plaintext, const std::string& column) const;
    // Throws Error("CRYPTO_AEAD_FAILED") for a value that was tampered with or sealed elsewhere.
    std::string open(const std::string& sealed, const std::string& column) const;
    // Hex HMAC-SM3 of the value for exact-match search within one column.
    std::string searchHash(const std::string& plaintext, const std::string& column) const;

private:
    common::Bytes m_dataKey;
    common::Bytes m_hashKey;
    std::shared_ptr<const common::Sm4GcmKey> m_sealing; // of m_dataKey
};

} // namespace citycode::server

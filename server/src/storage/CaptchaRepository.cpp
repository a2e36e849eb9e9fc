#include "storage/CaptchaRepository.h"

#include "storage/RecordStore.h"

namespace citycode::server {

void CaptchaRepository::insert(const std::string& id, const std::string& answerHash, const std::string& expiresAt)
{
    RecordStore(m_session).execute("INSERT INTO captchas (id, answer_hash, expires_at) VALUES ($1, $2, $3)",
                                   {id, answerHash, expiresAt});
}

std::optional<std::string> CaptchaRepository::take(const std::string& id, const std::string& now)
{
    // DELETE ... RETURNING: of two concurrent attempts with one captcha only one gets the row.
    const auto rows =
        RecordStore(m_session).select("DELETE FROM captchas WHERE id = $1 RETURNING answer_hash, expires_at", {id});
    if (rows.empty() || rows.front()->getValue<std::string>("expires_at") <= now)
        return std::nullopt;
    return rows.front()->getValue<std::string>("answer_hash");
}

void CaptchaRepository::removeExpired(const std::string& now)
{
    RecordStore(m_session).execute("DELETE FROM captchas WHERE expires_at <= $1", {now});
}

} // namespace citycode::server

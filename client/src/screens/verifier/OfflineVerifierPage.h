#pragma once

#include "widgets/Page.h"

#include <citycode/common/TrustList.h>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace citycode::client {

class LocalStore;
class StatusLabel;

// The offline verifier (003 §7.2.2 emergency codes): checks a pasted or photographed code
// against the signed trust list pinned to an anchor key, with no server. The list and anchor are
// kept in the LocalStore, so the page works after a restart with the server unreachable. Says
// VALID, INVALID or CANNOT VERIFY (list expired) with the reason, from common::verifyCodeOffline.
class OfflineVerifierPage : public Page
{
    Q_OBJECT

public:
    enum class Outcome
    {
        None, // nothing to verify yet
        Valid,
        Invalid,
        CannotVerify, // no usable trust list (missing, unpinned, expired)
    };
    using Clock = std::function<std::uint32_t()>;

    // Where the server publishes its signed trust list.
    static const QString TrustListPath;
    // Where it publishes the anchor (PEM), fetched only while none is pinned.
    static const QString AnchorPath;

    // Without `store` the page opens LocalStore::defaultPath() itself.
    explicit OfflineVerifierPage(const PageContext& context = {}, QWidget* parent = nullptr,
                                 LocalStore* store = nullptr);
    ~OfflineVerifierPage() override;

    // The anchor: the trust-list key this console pins (SubjectPublicKeyInfo PEM).
    bool loadAnchor(const QByteArray& pem, QString* error = nullptr);
    // A signed trust list; refused unless signed by the anchor. Kept in the LocalStore.
    bool loadTrustList(const QByteArray& document, const QString& source, QString* error = nullptr);
    bool hasTrustList() const { return m_trustList.has_value(); }

    void setCodeText(const QString& text);
    // Decodes the QR code in an image file and verifies it.
    bool openImage(const QString& fileName, QString* error = nullptr);
    // Fetches the trust list from the server (through the console's ApiClient).
    void downloadTrustList();

    Outcome outcome() const { return m_outcome; }
    std::optional<common::OfflineVerdict> verdict() const;
    QString headline() const; // "VALID", "INVALID", "CANNOT VERIFY", translated
    QString reason() const;   // one translated sentence

    // The verifier's clock (Unix seconds); tests set it.
    void setClock(Clock clock);

    // A translated sentence for each verdict.
    static QString verdictDescription(common::OfflineVerdict verdict);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void restoreFromStore();
    bool parseStoredList(QString* error);
    void showTrustListState();
    void verify();
    void showOutcome();
    void onOpenTrustList();
    void onOpenAnchor();
    void onOpenImage();

    std::unique_ptr<LocalStore> m_ownStore;
    LocalStore* m_store = nullptr;
    Clock m_clock;

    QByteArray m_anchorPem;
    std::optional<common::PublicKey> m_anchor;
    QByteArray m_document;
    QString m_documentSource;
    std::optional<common::TrustList> m_trustList;
    QString m_trustListError;

    Outcome m_outcome = Outcome::None;
    std::optional<common::OfflineVerification> m_result;
    QString m_inputError;

    QGroupBox* m_trustGroupBox = nullptr;
    StatusLabel* m_anchorStatusLabel = nullptr;
    StatusLabel* m_trustListStatusLabel = nullptr;
    QPushButton* m_openAnchorPushButton = nullptr;
    QPushButton* m_openTrustListPushButton = nullptr;
    QPushButton* m_downloadPushButton = nullptr;
    QGroupBox* m_codeGroupBox = nullptr;
    QPlainTextEdit* m_codePlainTextEdit = nullptr;
    QPushButton* m_openImagePushButton = nullptr;
    QGroupBox* m_resultGroupBox = nullptr;
    QLabel* m_verdictLabel = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLabel* m_detailsLabel = nullptr;
};

} // namespace citycode::client

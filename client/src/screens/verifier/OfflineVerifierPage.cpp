#include "screens/verifier/OfflineVerifierPage.h"

#include "api/ApiClient.h"
#include "app/LocalStore.h"
#include "screens/verifier/CodeImageReader.h"
#include "widgets/StatusLabel.h"

#include <citycode/common/Error.h>

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace citycode::client {

const QString OfflineVerifierPage::TrustListPath = QStringLiteral("/api/v1/trust-list");
const QString OfflineVerifierPage::AnchorPath = QStringLiteral("/api/v1/trust-list/anchor");

namespace {

constexpr qint64 MaximumFileBytes = 1024 * 1024; // the trust list's own limit (TrustList.h)

QString formatTime(std::uint32_t seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds).toLocalTime(), QLocale::ShortFormat);
}

QString hex(const common::Bytes& bytes)
{
    return QString::fromStdString(common::toHex(bytes));
}

bool readSmallFile(const QString& fileName, QByteArray* bytes, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    *bytes = file.read(MaximumFileBytes + 1);
    return true;
}

} // namespace

OfflineVerifierPage::OfflineVerifierPage(const PageContext& context, QWidget* parent, LocalStore* store)
    : Page(context, parent), m_store(store),
      m_clock([] { return static_cast<std::uint32_t>(QDateTime::currentSecsSinceEpoch()); })
{
    if (m_store == nullptr) {
        m_ownStore = std::make_unique<LocalStore>();
        if (m_ownStore->open(LocalStore::defaultPath())) {
            m_store = m_ownStore.get();
        }
    }
    buildUi();
    restoreFromStore();
    retranslateUi();

    connect(m_openAnchorPushButton, &QPushButton::clicked, this, &OfflineVerifierPage::onOpenAnchor);
    connect(m_openTrustListPushButton, &QPushButton::clicked, this, &OfflineVerifierPage::onOpenTrustList);
    connect(m_downloadPushButton, &QPushButton::clicked, this, &OfflineVerifierPage::downloadTrustList);
    connect(m_openImagePushButton, &QPushButton::clicked, this, &OfflineVerifierPage::onOpenImage);
    connect(m_codePlainTextEdit, &QPlainTextEdit::textChanged, this, &OfflineVerifierPage::verify);
}

OfflineVerifierPage::~OfflineVerifierPage() = default;

void OfflineVerifierPage::buildUi()
{
    setObjectName(QStringLiteral("offlineVerifierPage"));

    m_trustGroupBox = new QGroupBox(this);
    m_trustGroupBox->setObjectName(QStringLiteral("trustGroupBox"));
    m_anchorStatusLabel = new StatusLabel(m_trustGroupBox);
    m_anchorStatusLabel->setObjectName(QStringLiteral("anchorStatusLabel"));
    m_trustListStatusLabel = new StatusLabel(m_trustGroupBox);
    m_trustListStatusLabel->setObjectName(QStringLiteral("trustListStatusLabel"));
    m_openAnchorPushButton = new QPushButton(m_trustGroupBox);
    m_openAnchorPushButton->setObjectName(QStringLiteral("openAnchorPushButton"));
    m_openTrustListPushButton = new QPushButton(m_trustGroupBox);
    m_openTrustListPushButton->setObjectName(QStringLiteral("openTrustListPushButton"));
    m_downloadPushButton = new QPushButton(m_trustGroupBox);
    m_downloadPushButton->setObjectName(QStringLiteral("downloadPushButton"));
    m_downloadPushButton->setEnabled(api() != nullptr);
    auto* trustButtons = new QHBoxLayout;
    trustButtons->addWidget(m_openAnchorPushButton);
    trustButtons->addWidget(m_openTrustListPushButton);
    trustButtons->addWidget(m_downloadPushButton);
    trustButtons->addStretch(1);
    auto* trustLayout = new QVBoxLayout(m_trustGroupBox);
    trustLayout->addWidget(m_anchorStatusLabel);
    trustLayout->addWidget(m_trustListStatusLabel);
    trustLayout->addLayout(trustButtons);

    m_codeGroupBox = new QGroupBox(this);
    m_codeGroupBox->setObjectName(QStringLiteral("codeGroupBox"));
    m_codePlainTextEdit = new QPlainTextEdit(m_codeGroupBox);
    m_codePlainTextEdit->setObjectName(QStringLiteral("codePlainTextEdit"));
    m_codePlainTextEdit->setMaximumHeight(110);
    m_openImagePushButton = new QPushButton(m_codeGroupBox);
    m_openImagePushButton->setObjectName(QStringLiteral("openImagePushButton"));
    auto* codeLayout = new QVBoxLayout(m_codeGroupBox);
    codeLayout->addWidget(m_codePlainTextEdit);
    codeLayout->addWidget(m_openImagePushButton, 0, Qt::AlignLeft);

    m_resultGroupBox = new QGroupBox(this);
    m_resultGroupBox->setObjectName(QStringLiteral("resultGroupBox"));
    m_verdictLabel = new QLabel(m_resultGroupBox);
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    QFont verdictFont = m_verdictLabel->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 2.0);
    verdictFont.setBold(true);
    m_verdictLabel->setFont(verdictFont);
    m_reasonLabel = new QLabel(m_resultGroupBox);
    m_reasonLabel->setObjectName(QStringLiteral("reasonLabel"));
    m_reasonLabel->setWordWrap(true);
    m_detailsLabel = new QLabel(m_resultGroupBox);
    m_detailsLabel->setObjectName(QStringLiteral("detailsLabel"));
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* resultLayout = new QVBoxLayout(m_resultGroupBox);
    resultLayout->addWidget(m_verdictLabel);
    resultLayout->addWidget(m_reasonLabel);
    resultLayout->addWidget(m_detailsLabel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_trustGroupBox);
    layout->addWidget(m_codeGroupBox);
    layout->addWidget(m_resultGroupBox);
    layout->addStretch(1);
}

void OfflineVerifierPage::retranslateUi()
{
    m_trustGroupBox->setTitle(tr("Trust list"));
    m_openAnchorPushButton->setText(tr("Open anchor key…"));
    m_openAnchorPushButton->setToolTip(
        tr("The public key of the platform's trust-list signer (PEM), obtained from the platform operator."));
    m_openTrustListPushButton->setText(tr("Open trust list…"));
    m_downloadPushButton->setText(tr("Download from server"));
    m_codeGroupBox->setTitle(tr("Code"));
    m_codePlainTextEdit->setPlaceholderText(tr("Paste the code text (CC1:…) here, or open a photo of the code."));
    m_openImagePushButton->setText(tr("Open image…"));
    m_resultGroupBox->setTitle(tr("Result"));
    showTrustListState();
    showOutcome();
}

void OfflineVerifierPage::changeEvent(QEvent* event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void OfflineVerifierPage::setClock(Clock clock)
{
    m_clock = std::move(clock);
    verify();
}

void OfflineVerifierPage::restoreFromStore()
{
    if (m_store == nullptr) {
        return;
    }
    const std::optional<LocalStore::StoredTrustList> stored = m_store->trustList();
    if (!stored) {
        return;
    }
    if (!stored->anchorPem.isEmpty()) {
        try {
            m_anchor = common::PublicKey::fromPem(stored->anchorPem.toStdString());
            m_anchorPem = stored->anchorPem;
        } catch (const common::Error&) {
            m_anchor.reset();
        }
    }
    m_document = stored->document;
    m_documentSource = stored->source;
    QString ignored;
    parseStoredList(&ignored);
}

bool OfflineVerifierPage::parseStoredList(QString* error)
{
    m_trustList.reset();
    m_trustListError.clear();
    if (m_document.isEmpty()) {
        return false;
    }
    if (!m_anchor) {
        m_trustListError = tr("Open the anchor key first: a trust list is only used when its signer is pinned.");
        *error = m_trustListError;
        return false;
    }
    try {
        m_trustList = common::parseTrustList(m_document.toStdString(), &*m_anchor);
        return true;
    } catch (const common::Error& e) {
        const QString code = QString::fromStdString(e.code());
        if (code == QLatin1String("TRUSTLIST_SIGNER_UNTRUSTED")) {
            m_trustListError = tr("The trust list is signed by another key than the anchor: it is not used.");
        } else if (code == QLatin1String("TRUSTLIST_SIGNATURE_INVALID")) {
            m_trustListError = tr("The trust list's signature does not match: it was altered.");
        } else if (code == QLatin1String("TRUSTLIST_TOO_LARGE")) {
            m_trustListError = tr("The file is too large to be a trust list.");
        } else {
            m_trustListError = tr("This is not a valid trust list (%1).").arg(code);
        }
        *error = m_trustListError;
        return false;
    }
}

bool OfflineVerifierPage::loadAnchor(const QByteArray& pem, QString* error)
{
    QString ignored;
    QString& message = error != nullptr ? *error : ignored;
    try {
        const common::PublicKey key = common::PublicKey::fromPem(pem.toStdString());
        if (!common::isSignatureAlg(key.alg())) {
            message = tr("The anchor must be a signature key.");
            return false;
        }
        m_anchor = key;
        m_anchorPem = pem;
    } catch (const common::Error&) {
        message = tr("This is not a public key in PEM form.");
        return false;
    }
    if (m_store != nullptr) {
        m_store->saveAnchor(m_anchorPem);
    }
    parseStoredList(&message);
    showTrustListState();
    verify();
    return true;
}

bool OfflineVerifierPage::loadTrustList(const QByteArray& document, const QString& source, QString* error)
{
    QString ignored;
    QString& message = error != nullptr ? *error : ignored;
    const QByteArray previousDocument = m_document;
    const QString previousSource = m_documentSource;
    m_document = document;
    m_documentSource = source;
    // Without an anchor the list is kept for later, unused; with one it must be signed by it.
    if (!parseStoredList(&message) && m_anchor) {
        const QString refused = m_trustListError;
        m_document = previousDocument;
        m_documentSource = previousSource;
        parseStoredList(&ignored);
        message = refused;
        m_trustListError = refused;
        showTrustListState();
        verify();
        return false;
    }
    if (m_store != nullptr) {
        m_store->saveTrustList({m_document, m_anchorPem, m_documentSource, QDateTime::currentDateTimeUtc()});
    }
    showTrustListState();
    verify();
    return m_trustList.has_value();
}

void OfflineVerifierPage::showTrustListState()
{
    if (m_anchor) {
        m_anchorStatusLabel->showStatus(
            StatusLabel::Tone::Success,
            tr("Anchor key %1 (%2)")
                .arg(hex(m_anchor->keyId()), QString::fromLatin1(common::codeAlgName(m_anchor->alg()))));
    } else {
        m_anchorStatusLabel->showStatus(StatusLabel::Tone::Warning, tr("No anchor key: open the trust-list signer's "
                                                                       "public key."));
    }
    if (m_trustList) {
        const bool expired = m_trustList->expiresAt < m_clock();
        const QString text =
            tr("List no. %1 from %2 with %n key(s); expires %3.", nullptr, static_cast<int>(m_trustList->keys.size()))
                .arg(m_trustList->serial)
                .arg(QString::fromStdString(m_trustList->issuer), formatTime(m_trustList->expiresAt));
        m_trustListStatusLabel->showStatus(expired ? StatusLabel::Tone::Error : StatusLabel::Tone::Success,
                                           expired ? tr("%1 The list has expired: update it.").arg(text) : text);
        m_trustListStatusLabel->setToolTip(m_documentSource);
    } else if (!m_trustListError.isEmpty()) {
        m_trustListStatusLabel->showStatus(StatusLabel::Tone::Error, m_trustListError);
    } else {
        m_trustListStatusLabel->showStatus(StatusLabel::Tone::Warning,
                                           tr("No trust list: open one or download it from the server."));
    }
}

void OfflineVerifierPage::setCodeText(const QString& text)
{
    m_codePlainTextEdit->setPlainText(text);
}

bool OfflineVerifierPage::openImage(const QString& fileName, QString* error)
{
    QString message;
    const QString text = CodeImageReader::readFile(fileName, &message);
    if (text.isEmpty()) {
        m_codePlainTextEdit->blockSignals(true);
        m_codePlainTextEdit->clear();
        m_codePlainTextEdit->blockSignals(false);
        m_result.reset();
        m_outcome = Outcome::None;
        m_inputError = message;
        showOutcome();
        if (error != nullptr) {
            *error = message;
        }
        return false;
    }
    setCodeText(text);
    return true;
}

void OfflineVerifierPage::verify()
{
    m_inputError.clear();
    const QString text = m_codePlainTextEdit->toPlainText().trimmed();
    m_result.reset();
    if (text.isEmpty()) {
        m_outcome = Outcome::None;
    } else if (!m_trustList) {
        m_outcome = Outcome::CannotVerify;
    } else {
        m_result = common::verifyCodeOffline(text.toStdString(), *m_trustList, m_clock());
        switch (m_result->verdict) {
        case common::OfflineVerdict::Valid:
            m_outcome = Outcome::Valid;
            break;
        case common::OfflineVerdict::TrustListExpired:
            m_outcome = Outcome::CannotVerify;
            break;
        default:
            m_outcome = Outcome::Invalid;
            break;
        }
    }
    showOutcome();
}

std::optional<common::OfflineVerdict> OfflineVerifierPage::verdict() const
{
    return m_result ? std::optional<common::OfflineVerdict>(m_result->verdict) : std::nullopt;
}

QString OfflineVerifierPage::headline() const
{
    switch (m_outcome) {
    case Outcome::None:
        return QString();
    case Outcome::Valid:
        return tr("VALID");
    case Outcome::Invalid:
        return tr("INVALID");
    case Outcome::CannotVerify:
        return tr("CANNOT VERIFY");
    }
    return QString();
}

QString OfflineVerifierPage::reason() const
{
    if (!m_inputError.isEmpty()) {
        return m_inputError;
    }
    if (m_outcome == Outcome::None) {
        return tr("Paste a code or open an image of one.");
    }
    if (!m_result) {
        return m_trustListError.isEmpty() ? tr("There is no trust list to verify against.") : m_trustListError;
    }
    return verdictDescription(m_result->verdict);
}

QString OfflineVerifierPage::verdictDescription(common::OfflineVerdict verdict)
{
    switch (verdict) {
    case common::OfflineVerdict::Valid:
        return tr("The code is genuine: signed by a key of the trust list and within its validity.");
    case common::OfflineVerdict::Malformed:
        return tr("This is not a CityCode code, or it is damaged.");
    case common::OfflineVerdict::TrustListExpired:
        return tr("The trust list has expired: update it before verifying codes.");
    case common::OfflineVerdict::NotOfflineCode:
        return tr("This code is sealed with a server key: only the server can verify it.");
    case common::OfflineVerdict::UnknownKey:
        return tr("The code was signed by a key that is not in the trust list.");
    case common::OfflineVerdict::AlgorithmMismatch:
        return tr("The code names another algorithm than the trust list gives for its key.");
    case common::OfflineVerdict::KeyNotValid:
        return tr("The code was issued outside the validity period of its signing key.");
    case common::OfflineVerdict::BadSignature:
        return tr("The signature does not match: the code was forged or altered.");
    case common::OfflineVerdict::NotYetValid:
        return tr("The code was issued in the future: check this computer's clock.");
    case common::OfflineVerdict::Expired:
        return tr("The code has expired.");
    }
    return QString();
}

void OfflineVerifierPage::showOutcome()
{
    QString colour;
    switch (m_outcome) {
    case Outcome::Valid:
        colour = QStringLiteral("#1b7f3b");
        break;
    case Outcome::Invalid:
        colour = QStringLiteral("#b00020");
        break;
    case Outcome::CannotVerify:
        colour = QStringLiteral("#a15c00");
        break;
    case Outcome::None:
        break;
    }
    m_verdictLabel->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    const QString name = m_result ? QString::fromLatin1(common::offlineVerdictName(m_result->verdict)) : QString();
    m_verdictLabel->setText(name.isEmpty() ? headline() : tr("%1 (%2)").arg(headline(), name));
    m_reasonLabel->setText(reason());

    QStringList details;
    if (m_result && m_result->code) {
        const common::CodePayload& payload = m_result->code->payload;
        details << tr("Key: %1 (%2)").arg(hex(payload.keyId), QString::fromLatin1(common::codeAlgName(payload.alg)));
        if (m_trustList) {
            if (const common::TrustedKey* key = m_trustList->find(payload.keyId);
                key != nullptr && !key->label.empty()) {
                details << tr("Signer: %1").arg(QString::fromStdString(key->label));
            }
        }
        details << tr("Rule %1, version %2").arg(payload.ruleId).arg(payload.ruleVersion);
        details << tr("Issued %1, expires %2").arg(formatTime(payload.issuedAt), formatTime(payload.expiresAt));
    }
    if (m_result && !m_result->detail.empty() && m_result->verdict != common::OfflineVerdict::Valid) {
        details << tr("Detail: %1").arg(QString::fromStdString(m_result->detail));
    }
    m_detailsLabel->setText(details.join(QLatin1Char('\n')));
}

void OfflineVerifierPage::onOpenAnchor()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open the anchor key"), QString(),
                                                          tr("Public keys (*.pem *.pub);;All files (*)"));
    if (fileName.isEmpty()) {
        return;
    }
    QByteArray pem;
    QString error;
    if (!readSmallFile(fileName, &pem, &error) || !loadAnchor(pem, &error)) {
        m_anchorStatusLabel->showStatus(StatusLabel::Tone::Error, error);
    }
}

void OfflineVerifierPage::onOpenTrustList()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open a trust list"), QString(),
                                                          tr("Trust lists (*.json);;All files (*)"));
    if (fileName.isEmpty()) {
        return;
    }
    QByteArray document;
    QString error;
    if (!readSmallFile(fileName, &document, &error)) {
        m_trustListStatusLabel->showStatus(StatusLabel::Tone::Error, error);
        return;
    }
    loadTrustList(document, QDir::toNativeSeparators(fileName), &error);
}

void OfflineVerifierPage::onOpenImage()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open an image of a code"), QString(),
                                                          tr("Images (*.png *.jpg *.jpeg *.bmp)"));
    if (!fileName.isEmpty()) {
        openImage(fileName);
    }
}

void OfflineVerifierPage::downloadTrustList()
{
    if (api() == nullptr) {
        return;
    }
    if (!m_anchor) {
        // With no pinned anchor yet, the server's own is trusted on first use and kept; a later
        // list signed by another key is then refused.
        m_anchorStatusLabel->showStatus(StatusLabel::Tone::Busy, tr("Downloading the anchor key…"));
        api()->get(AnchorPath, QUrlQuery(), this, [this](const ApiReply& reply) {
            // The anchor comes as PEM text, which ApiClient reports as "not JSON".
            const bool answered = !reply.error.isError() ||
                                  (reply.error.kind == ApiError::Kind::NotJson && reply.error.httpStatus == 200);
            QString error = answered ? QString() : reply.error.toString();
            if (answered && loadAnchor(reply.raw, &error)) {
                downloadTrustList();
            } else {
                m_anchorStatusLabel->showStatus(StatusLabel::Tone::Error, error);
            }
        });
        return;
    }
    m_trustListStatusLabel->showStatus(StatusLabel::Tone::Busy, tr("Downloading the trust list…"));
    const QString source = api()->baseUrl().toDisplayString() + TrustListPath;
    api()->get(TrustListPath, QUrlQuery(), this, [this, source](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_trustListStatusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            return;
        }
        loadTrustList(reply.raw, source);
    });
}

} // namespace citycode::client

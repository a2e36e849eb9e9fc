#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/LocalStore.h"
#include "screens/designer/CodeStyle.h"
#include "screens/designer/StyledCode.h"
#include "screens/verifier/OfflineVerifierPage.h"
#include "support/ServerProcess.h"

#include <citycode/common/CodePayload.h>
#include <citycode/common/Crypto.h>
#include <citycode/common/TrustList.h>

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

namespace citycode::test {

using citycode::client::CodeStyle;
using citycode::client::LanguageManager;
using citycode::client::LocalStore;
using citycode::client::OfflineVerifierPage;
using citycode::client::PageContext;
using citycode::client::StyledCode;
namespace common = citycode::common;

namespace {

constexpr std::uint32_t Now = 1'900'000'000;

common::CodePayload emergencyPayload()
{
    common::CodePayload payload;
    payload.ruleId = 42;
    payload.ruleVersion = 3;
    payload.subjectRef = common::toBytes("subject-7");
    payload.issuedAt = Now - 10;
    payload.expiresAt = Now + 3600;
    payload.nonce = common::randomBytes(common::kNonceSize);
    payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::CodeType), {4}});
    return payload;
}

QByteArray pem(const common::PublicKey& key)
{
    return QByteArray::fromStdString(key.toPem());
}

} // namespace

// The offline verifier, with keys, trust lists and codes made by common's functions as the
// server makes them: VALID for a genuine code, INVALID or CANNOT VERIFY with the right reason
// otherwise, and the same after a restart with no server.
class TestOfflineVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void genuineCodeIsValid();
    void refusals_data();
    void refusals();
    void expiredTrustListCannotVerify();
    void listFromAnotherSignerIsRefused();
    void listWithoutAnchorIsNotUsed();
    void imageOfACodeIsRead();
    void imageWithoutACodeSaysSo();
    void survivesARestart();
    void reasonsAreTranslated();
    void downloadsTrustListFromTheServer();
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<OfflineVerifierPage> makePage();
    QString signedCode(const common::PrivateKey& key, common::CodePayload payload) const;

    std::optional<common::PrivateKey> m_anchor;
    std::optional<common::PrivateKey> m_signer;
    QByteArray m_document;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestOfflineVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_anchor = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
    m_signer = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
    common::TrustList list;
    list.serial = 7;
    list.issuer = "CityCode test platform";
    list.issuedAt = Now - 100;
    list.expiresAt = Now + 86400;
    common::TrustedKey key;
    key.keyId = m_signer->publicKey().keyId();
    key.alg = common::CodeAlg::Sm2Sm3;
    key.key = m_signer->publicKey();
    key.notBefore = Now - 86400;
    key.notAfter = Now + 86400;
    key.label = "emergency signer";
    list.keys.push_back(key);
    m_document = QByteArray::fromStdString(common::signTrustList(list, *m_anchor));
}

void TestOfflineVerifier::init()
{
    static int round = 0;
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++round))));
}

std::unique_ptr<OfflineVerifierPage> TestOfflineVerifier::makePage()
{
    auto page = std::make_unique<OfflineVerifierPage>(PageContext{}, nullptr, m_store.get());
    page->setClock([] { return Now; });
    return page;
}

QString TestOfflineVerifier::signedCode(const common::PrivateKey& key, common::CodePayload payload) const
{
    return QString::fromStdString(common::signCode(std::move(payload), key));
}

void TestOfflineVerifier::genuineCodeIsValid()
{
    auto page = makePage();
    QString error;
    QVERIFY2(page->loadAnchor(pem(m_anchor->publicKey()), &error), qPrintable(error));
    QVERIFY2(page->loadTrustList(m_document, QStringLiteral("test"), &error), qPrintable(error));
    page->setCodeText(signedCode(*m_signer, emergencyPayload()));
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Valid);
    QCOMPARE(page->verdict(), common::OfflineVerdict::Valid);
    QCOMPARE(page->headline(), QStringLiteral("VALID"));
    const auto* verdictLabel = page->findChild<QLabel*>(QStringLiteral("verdictLabel"));
    QCOMPARE(verdictLabel->text(), QStringLiteral("VALID (VALID)"));
    const QString details = page->findChild<QLabel*>(QStringLiteral("detailsLabel"))->text();
    QVERIFY2(details.contains(QStringLiteral("emergency signer")) && details.contains(QStringLiteral("Rule 42")),
             qPrintable(details));
}

void TestOfflineVerifier::refusals_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("reason");

    const auto foreign = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
    QTest::newRow("signed by a key outside the list")
        << signedCode(foreign, emergencyPayload()) << static_cast<int>(common::OfflineVerdict::UnknownKey)
        << QStringLiteral("not in the trust list");

    // One byte of the signed body changed (the rule version), signature kept.
    common::ParsedCode altered = common::parseCode(signedCode(*m_signer, emergencyPayload()).toStdString());
    altered.body[21] ^= 0x01;
    QTest::newRow("altered after signing")
        << QString::fromStdString(common::codeToText(common::codeBinary(altered)))
        << static_cast<int>(common::OfflineVerdict::BadSignature) << QStringLiteral("forged or altered");

    common::CodePayload late = emergencyPayload();
    late.issuedAt = Now - 7200;
    late.expiresAt = Now - 3600;
    QTest::newRow("expired code") << signedCode(*m_signer, late) << static_cast<int>(common::OfflineVerdict::Expired)
                                  << QStringLiteral("expired");

    common::CodePayload mac = emergencyPayload();
    mac.alg = common::CodeAlg::HmacSm3;
    mac.keyId = common::randomBytes(common::kKeyIdSize);
    QTest::newRow("MAC code of the server")
        << QString::fromStdString(common::sealCode(mac, common::randomBytes(32)))
        << static_cast<int>(common::OfflineVerdict::NotOfflineCode) << QStringLiteral("only the server");

    QTest::newRow("not a code") << QStringLiteral("https://example.org/")
                                << static_cast<int>(common::OfflineVerdict::Malformed)
                                << QStringLiteral("not a CityCode code");
}

void TestOfflineVerifier::refusals()
{
    QFETCH(QString, code);
    QFETCH(int, verdict);
    QFETCH(QString, reason);
    auto page = makePage();
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->loadTrustList(m_document, QStringLiteral("test")));
    page->findChild<QPlainTextEdit*>(QStringLiteral("codePlainTextEdit"))->setPlainText(code);
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Invalid);
    QCOMPARE(static_cast<int>(*page->verdict()), verdict);
    QCOMPARE(page->headline(), QStringLiteral("INVALID"));
    const QString shown = page->findChild<QLabel*>(QStringLiteral("reasonLabel"))->text();
    QVERIFY2(shown.contains(reason), qPrintable(shown));
    QVERIFY(
        page->findChild<QLabel*>(QStringLiteral("verdictLabel"))
            ->text()
            .contains(QString::fromLatin1(common::offlineVerdictName(static_cast<common::OfflineVerdict>(verdict)))));
}

void TestOfflineVerifier::expiredTrustListCannotVerify()
{
    auto page = makePage();
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->loadTrustList(m_document, QStringLiteral("test")));
    const QString code = signedCode(*m_signer, emergencyPayload());
    page->setCodeText(code);
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Valid);
    // Two days later the list is past its expiry: the verifier will not guess.
    page->setClock([] { return Now + 2 * 86400; });
    QCOMPARE(page->verdict(), common::OfflineVerdict::TrustListExpired);
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::CannotVerify);
    QCOMPARE(page->headline(), QStringLiteral("CANNOT VERIFY"));
    QVERIFY(page->reason().contains(QStringLiteral("update it")));
}

void TestOfflineVerifier::listFromAnotherSignerIsRefused()
{
    auto page = makePage();
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->loadTrustList(m_document, QStringLiteral("good")));

    const auto impostor = common::PrivateKey::generate(common::CodeAlg::EcdsaP256);
    common::TrustList list = common::parseTrustList(m_document.toStdString(), nullptr);
    const QByteArray forged = QByteArray::fromStdString(common::signTrustList(list, impostor));
    QString error;
    QVERIFY(!page->loadTrustList(forged, QStringLiteral("forged"), &error));
    QVERIFY2(error.contains(QStringLiteral("another key")), qPrintable(error));

    // The good list stays in use and in the store.
    page->setCodeText(signedCode(*m_signer, emergencyPayload()));
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Valid);
    QCOMPARE(m_store->trustList()->document, m_document);

    // A list whose bytes were changed after signing is refused too.
    QByteArray altered = m_document;
    altered.replace("CityCode test platform", "CityCode evil platform!");
    QVERIFY(!page->loadTrustList(altered, QStringLiteral("altered"), &error));
    QVERIFY2(error.contains(QStringLiteral("altered")), qPrintable(error));
}

void TestOfflineVerifier::listWithoutAnchorIsNotUsed()
{
    auto page = makePage();
    QString error;
    QVERIFY(!page->loadTrustList(m_document, QStringLiteral("test"), &error));
    QVERIFY(!page->hasTrustList());
    page->setCodeText(signedCode(*m_signer, emergencyPayload()));
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::CannotVerify);
    QVERIFY(page->reason().contains(QStringLiteral("anchor")));
    // Opening the anchor afterwards puts the kept list to use.
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->hasTrustList());
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Valid);
    QVERIFY(!page->loadAnchor("not a key", &error));
}

void TestOfflineVerifier::imageOfACodeIsRead()
{
    const QString code = signedCode(*m_signer, emergencyPayload());
    CodeStyle style;
    style.ecLevel = common::EcLevel::Q;
    const StyledCode styled = StyledCode::render(style, code.toUtf8());
    QVERIFY(styled.isIssuable());
    // As a photo would show it: larger, on a wider white ground.
    QImage photo(styled.image().width() * 3 + 200, styled.image().height() * 3 + 200, QImage::Format_RGB32);
    photo.fill(Qt::white);
    QPainter painter(&photo);
    painter.drawImage(QRect(100, 100, styled.image().width() * 3, styled.image().height() * 3), styled.image());
    painter.end();
    const QString file = m_dir.filePath(QStringLiteral("photo.jpg"));
    QVERIFY(photo.save(file, "JPG", 90));

    auto page = makePage();
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->loadTrustList(m_document, QStringLiteral("test")));
    QString error;
    QVERIFY2(page->openImage(file, &error), qPrintable(error));
    QCOMPARE(page->findChild<QPlainTextEdit*>(QStringLiteral("codePlainTextEdit"))->toPlainText(), code);
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Valid);
}

void TestOfflineVerifier::imageWithoutACodeSaysSo()
{
    QImage blank(300, 300, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const QString file = m_dir.filePath(QStringLiteral("blank.png"));
    QVERIFY(blank.save(file));
    auto page = makePage();
    QString error;
    QVERIFY(!page->openImage(file, &error));
    QVERIFY(error.contains(QStringLiteral("No QR code")));
    QCOMPARE(page->findChild<QLabel*>(QStringLiteral("reasonLabel"))->text(), error);
    QVERIFY(!page->openImage(m_dir.filePath(QStringLiteral("missing.png")), &error));
}

void TestOfflineVerifier::survivesARestart()
{
    {
        auto page = makePage();
        QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
        QVERIFY(page->loadTrustList(m_document, QStringLiteral("test")));
    }
    const QString path = m_store->path();
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(path));
    auto page = makePage();
    QVERIFY(page->hasTrustList());
    page->setCodeText(signedCode(*m_signer, emergencyPayload()));
    QCOMPARE(page->outcome(), OfflineVerifierPage::Outcome::Valid);
}

void TestOfflineVerifier::reasonsAreTranslated()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(LanguageManager::SimplifiedChinese));
    auto page = makePage();
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->loadTrustList(m_document, QStringLiteral("test")));
    page->setCodeText(signedCode(*m_signer, emergencyPayload()));
    QCOMPARE(page->headline(), QStringLiteral("有效"));
    for (int v = 0; v <= static_cast<int>(common::OfflineVerdict::Expired); ++v) {
        const QString text = OfflineVerifierPage::verdictDescription(static_cast<common::OfflineVerdict>(v));
        QVERIFY2(!text.isEmpty() && text.at(0).unicode() >= 0x2E80, qPrintable(text)); // CJK, not English
    }
    QVERIFY(
        OfflineVerifierPage::verdictDescription(common::OfflineVerdict::Expired).contains(QStringLiteral("码已过期")));
    QVERIFY(languages.setLanguage(LanguageManager::English));
}

void TestOfflineVerifier::downloadsTrustListFromTheServer()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server to test against (set CITYCODE_SERVER_BIN)");
    }
    ServerProcess server(program);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    client::ApiClient api;
    api.setBaseUrl(server.url());
    const QString path = m_store->path();
    {
        OfflineVerifierPage page(PageContext{&api, nullptr}, nullptr, m_store.get());
        auto* download = page.findChild<QPushButton*>(QStringLiteral("downloadPushButton"));
        QVERIFY(download->isEnabled());
        // No anchor yet: the server's is fetched first and pinned, then the list it signed.
        QTest::mouseClick(download, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.hasTrustList(), 10000);
        QVERIFY(m_store->trustList().has_value());
        QVERIFY(!m_store->trustList()->anchorPem.isEmpty());
        QVERIFY(m_store->trustList()->source.startsWith(server.url().toString()));

        // The list is in force: a code of a key outside it is refused for that reason.
        const auto foreign = common::PrivateKey::generate(common::CodeAlg::Sm2Sm3);
        common::CodePayload payload = emergencyPayload();
        payload.issuedAt = static_cast<std::uint32_t>(QDateTime::currentSecsSinceEpoch());
        payload.expiresAt = payload.issuedAt + 60;
        page.setCodeText(signedCode(foreign, payload));
        QCOMPARE(page.verdict(), common::OfflineVerdict::UnknownKey);

        // A list signed by another key than the pinned one is refused, also from a file.
        QVERIFY(!page.loadTrustList(m_document, QStringLiteral("elsewhere"), &error));
    }
    server.stop();

    // With the server gone, the page works from the store alone.
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(path));
    OfflineVerifierPage offline(PageContext{}, nullptr, m_store.get());
    QVERIFY(offline.hasTrustList());
}

void TestOfflineVerifier::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << LanguageManager::English;
    QTest::newRow("Simplified Chinese") << LanguageManager::SimplifiedChinese;
}

void TestOfflineVerifier::screenshots()
{
    QFETCH(QString, language);
    LanguageManager languages;
    QVERIFY(languages.setLanguage(language));
    auto page = makePage();
    QVERIFY(page->loadAnchor(pem(m_anchor->publicKey())));
    QVERIFY(page->loadTrustList(m_document, QStringLiteral("test")));
    common::ParsedCode altered = common::parseCode(signedCode(*m_signer, emergencyPayload()).toStdString());
    altered.body[21] ^= 0x01;
    page->setCodeText(QString::fromStdString(common::codeToText(common::codeBinary(altered))));
    page->resize(820, 620);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    const QString dir = QString::fromLocal8Bit(qgetenv("CITYCODE_SCREENSHOT_DIR"));
    QVERIFY(page->grab().save(
        QDir(dir.isEmpty() ? m_dir.path() : dir).filePath(QStringLiteral("offline_verifier_%1.png").arg(language))));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestOfflineVerifier)
#include "TestOfflineVerifier.moc"

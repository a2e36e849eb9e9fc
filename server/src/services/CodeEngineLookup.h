#pragma once

#include "services/CodeStyleRendering.h"
#include "storage/CallerRepository.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// What the open API asks the code engine on its hot path (001 §5, 002 §5.3.1.3): the calling or
// issuing app, which rule version an app issues a code type with, whether a code's rule version
// still verifies, the app's generate and scan permissions, and the registered scanner terminals. Implemented by the
// code rule and terminal storage (CodeRuleService); read-only, no operator scope: callers are apps and terminals, whose
// platform comes from their own record.
namespace citycode::server {

// A published, enabled rule version linked to an enabled app, ready to issue codes.
struct IssuableRuleVersion
{
    std::int64_t ruleId = 0;
    std::uint32_t version = 0;
    std::int64_t platformId = 0;
    std::string codeType;                   // personal | enterprise | payment | health | object
    std::string form;                       // dynamic | static
    std::uint32_t validitySeconds = 60;     // 002 §9.2 default; the rule's own value when set
    std::vector<std::string> decodeFields;  // the user fields decode may return (rule step 3-4)
    std::vector<std::string> collectFields; // data-collection fields apps must pass (rule step 5)
};

enum class RuleVersionState
{
    Usable,          // rule published and enabled, version enabled
    Unknown,         // no such rule or version
    RuleDisabled,    // the rule is disabled (or not published)
    VersionDisabled, // the rule is fine but this version is disabled
};

struct AppCodePermissions
{
    bool generate = false; // may open/show codes
    bool scan = false;     // may decode codes
};

struct TerminalRecord
{
    std::int64_t id = 0;
    std::string terminalCode; // the id the terminal sends
    std::int64_t platformId = 0;
    std::string publicKeyPem; // SM2, P-256 or Ed25519 public key
    bool enabled = false;
};

class CodeEngineLookup
{
public:
    virtual ~CodeEngineLookup() = default;

    // Called once at the start of every open API request, before any lookup: an implementation
    // that caches checks here whether the database changed since (on any node) and forgets what
    // it kept, so an admin change holds for the next request.
    virtual void beginRequest() const {}

    // An app by its public AppCode or its id, with its developer secret (sealed) and whether it
    // and its platform are enabled.
    virtual std::optional<CallerApp> appByCode(const std::string& appCode) const = 0;
    virtual std::optional<CallerApp> appById(std::int64_t appId) const = 0;

    // The newest enabled version of a published, enabled rule of codeType linked to the app, or
    // nothing when the app has none (or the app or its platform is disabled).
    virtual std::optional<IssuableRuleVersion> issuableVersion(std::int64_t appId,
                                                               const std::string& codeType) const = 0;
    // Whether a code naming this rule version verifies, and the version's data (the same as
    // issuableVersion's) when the state is Usable.
    virtual std::pair<RuleVersionState, std::optional<IssuableRuleVersion>>
    verifiableVersion(std::int64_t ruleId, std::uint32_t version) const = 0;
    virtual AppCodePermissions appPermissions(std::int64_t appId) const = 0;
    virtual std::optional<TerminalRecord> terminal(const std::string& terminalCode) const = 0;
    // How a platform draws the PNG of a code type: its active code style (000 §2.2.3), or the
    // standard look when it has none.
    virtual CodeStyleRendering codeLook(std::int64_t platformId, const std::string& codeType) const = 0;
};

} // namespace citycode::server

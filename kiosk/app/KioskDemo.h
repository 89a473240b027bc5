#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/Result.h"
#include "net/JwsSigner.h"

namespace vax::app {

/// The demo's fictional site, made from nothing in a folder: a kiosk config with the simulated
/// thermometer, fresh site keys, and a health-code issuer whose public key the config trusts,
/// so demo health codes are checked by their signature like real offline codes.
class KioskDemo {
public:
    /// Writes kiosk.toml, site.key and demo-jwks.json into `folder` (created when missing;
    /// existing files are replaced, the journal is kept).
    static Result<KioskDemo> prepare(const std::filesystem::path& folder);

    /// The demo config file.
    std::filesystem::path configPath() const { return m_folder / "kiosk.toml"; }
    /// The demo journal.
    std::filesystem::path databasePath() const { return m_folder / "kiosk.db"; }

    /// A freshly signed green health code (compact JWS), as a phone app shows it: issued now,
    /// with a new id each time, because the kiosk refuses a signed code it has seen before.
    std::string freshHealthCode(std::int64_t nowUnixSeconds) const;
    /// The fictional resident's electronic ID code.
    static std::string residentIdCode();

private:
    KioskDemo(std::filesystem::path folder, JwsSigner issuer)
        : m_folder(std::move(folder)), m_issuer(std::make_shared<JwsSigner>(std::move(issuer))) {}

    std::filesystem::path m_folder;
    // Shared so the demo camera can sign codes on its own thread (sign() is const).
    std::shared_ptr<JwsSigner> m_issuer;
};

}  // namespace vax::app

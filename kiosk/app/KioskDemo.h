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
    /// existing files are replaced, the journal is kept) and makes its tickets folder, where
    /// the demo printer writes PNG files. `upstreamUrl`: the demo's reference upstream
    /// (DemoUpstream), the health-code and records service of the config; empty: none, the
    /// demo then checks signed codes offline only. `role`: the device's [site] role, "entry",
    /// "station", "exit" or "console" (seedDemoJournal() gives the station, the console and the
    /// exit people to serve).
    static Result<KioskDemo> prepare(const std::filesystem::path& folder,
                                     const std::string& upstreamUrl = {},
                                     const std::string& role = "entry");

    /// The demo config file.
    std::filesystem::path configPath() const { return m_folder / "kiosk.toml"; }
    /// The demo journal.
    std::filesystem::path databasePath() const { return m_folder / "kiosk.db"; }
    /// Where the demo printer (png:) writes the tickets.
    std::filesystem::path ticketsFolder() const { return m_folder / "tickets"; }

    /// A freshly signed green health code (compact JWS), as a phone app shows it: issued now,
    /// with a new id each time, because the kiosk refuses a signed code it has seen before.
    std::string freshHealthCode(std::int64_t nowUnixSeconds) const;
    /// The fictional resident's electronic ID code.
    static std::string residentIdCode();
    /// The demo staff member's PIN ("demo-nurse"), shown on the demo's sign-in screen.
    static std::string staffPin() { return "2468"; }
    /// The resident's health-code link, checked with the online service (the upstream knows it
    /// from upstreamSeed()). Unlike a signed code it may be shown again and again, so the
    /// replayed camera video (made at build time by vaxctl demo-media) carries it.
    static std::string onlineHealthCode();
    /// The upstream's seed file ({"codes": [...]}): the resident's code, green, updated an
    /// hour before `nowUnixSeconds` (a status older than a day would be stale).
    static std::string upstreamSeed(std::int64_t nowUnixSeconds);

private:
    KioskDemo(std::filesystem::path folder, JwsSigner issuer)
        : m_folder(std::move(folder)), m_issuer(std::make_shared<JwsSigner>(std::move(issuer))) {}

    std::filesystem::path m_folder;
    // Shared: the demo is copied by value, the key need not be.
    std::shared_ptr<JwsSigner> m_issuer;
};

}  // namespace vax::app

#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "config/KioskConfig.h"
#include "site/Pg.h"
#include "site/SiteQueue.h"

namespace vax {

/// libpq settings from `[site_server]`, with the password read from its file. An error names
/// the file when it cannot be read.
Result<PgSettings> siteSettingsFrom(const SiteServerConfig& server);

/// This device as the site knows it: the config's site id, `[network] device_id` and role.
SiteDevice siteDeviceFrom(const KioskConfig& config);

/// A device's link to its site server: one connection, opened when first needed, checked
/// against this build's schema, and opened again after the server went away. After a failed
/// attempt it does not try again for `retryAfter`, so a device working offline spends the
/// connect timeout once per pause, not on every resident.
class SiteClient {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    SiteClient(PgSettings settings, SiteDevice device,
               std::chrono::milliseconds retryAfter = std::chrono::seconds(10),
               Clock clock = &std::chrono::steady_clock::now);

    /// The open connection, or why there is none (offline).
    Result<PgConnection*, PgError> connection();
    /// Call after a statement failed: a lost connection is dropped and the pause starts.
    void failed(const PgError& error);
    /// Reachable at the last attempt.
    bool online() const { return m_conn.has_value(); }
    const std::string& lastError() const { return m_lastError; }
    const SiteDevice& device() const { return m_device; }

private:
    PgSettings m_settings;
    SiteDevice m_device;
    std::chrono::milliseconds m_retryAfter;
    Clock m_clock;
    std::optional<PgConnection> m_conn;
    std::optional<std::chrono::steady_clock::time_point> m_nextAttempt;
    std::string m_lastError;
};

}  // namespace vax

#include "site/SiteClient.h"

#include <fstream>
#include <sstream>

#include "site/SiteSchema.h"

namespace vax {

Result<PgSettings> siteSettingsFrom(const SiteServerConfig& server) {
    PgSettings s;
    s.uri = server.url;
    s.sslmode = server.sslmode;
    s.sslRootCert = server.caFile.string();
    s.connectTimeoutMs = server.connectTimeoutMs;
    if (!server.passwordFile.empty()) {
        std::ifstream in(server.passwordFile);
        if (!in) {
            return Error{"site server: cannot read the password file " +
                         server.passwordFile.string()};
        }
        std::getline(in, s.password);
        if (!s.password.empty() && s.password.back() == '\r') {
            s.password.pop_back();
        }
        if (s.password.empty()) {
            return Error{"site server: the password file " + server.passwordFile.string() +
                         " is empty"};
        }
    }
    return s;
}

SiteDevice siteDeviceFrom(const KioskConfig& config) {
    return {config.site.id, config.network.deviceId, std::string(toString(config.site.role))};
}

SiteClient::SiteClient(PgSettings settings, SiteDevice device, std::chrono::milliseconds retryAfter,
                       Clock clock)
    : m_settings(std::move(settings)),
      m_device(std::move(device)),
      m_retryAfter(retryAfter),
      m_clock(std::move(clock)) {
    m_settings.applicationName = "vaxkiosk " + m_device.deviceId;
}

Result<PgConnection*, PgError> SiteClient::connection() {
    if (m_conn && m_conn->isOpen()) {
        return &*m_conn;
    }
    m_conn.reset();
    if (m_nextAttempt && m_clock() < *m_nextAttempt) {
        return PgError{"offline: " + m_lastError, "", true};
    }
    auto conn = PgConnection::connect(m_settings);
    if (conn) {
        if (auto schema = checkSiteSchema(*conn); !schema) {
            conn = schema.error();
        }
    }
    if (!conn) {
        m_lastError = conn.error().message;
        m_nextAttempt = m_clock() + m_retryAfter;
        return conn.error();
    }
    m_nextAttempt.reset();
    m_lastError.clear();
    m_conn = std::move(*conn);
    return &*m_conn;
}

void SiteClient::failed(const PgError& error) {
    if (error.connectionLost || (m_conn && !m_conn->isOpen())) {
        m_conn.reset();
        m_lastError = error.message;
        m_nextAttempt = m_clock() + m_retryAfter;
    }
}

}  // namespace vax

#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "devices/PrinterTransport.h"
#include "sys/UniqueFd.h"

namespace vax {

/// A network printer on a raw TCP port (9100, "JetDirect"). One connection is kept open and
/// used for jobs and for DLE EOT status requests. When the printer went away (power cycle,
/// cable), the next request notices the closed connection and reconnects; failed connects
/// are retried no sooner than a backoff that doubles from options.reconnectBackoff.
class TcpTransport final : public PrinterTransport {
public:
    /// Does not connect yet.
    TcpTransport(std::string uri, std::string host, std::uint16_t port,
                 PrinterTransportOptions options);

    const std::string& uri() const override { return m_uri; }
    TransportFormat format() const override { return TransportFormat::EscPos; }
    bool reportsStatus() const override { return true; }
    Result<std::optional<PrinterStatus>> queryStatus() override;
    Status send(std::string_view jobName, std::span<const std::uint8_t> data) override;

    /// True while a connection is open.
    bool connected() const { return bool(m_socket); }

private:
    // A live connection: reuses the open one unless the printer closed it, else connects
    // (subject to the backoff).
    Status ensureLive();
    Status ensureConnected();
    Status connectNow();
    std::string where() const;

    std::string m_uri;
    std::string m_host;
    std::uint16_t m_port;
    PrinterTransportOptions m_options;
    UniqueFd m_socket;
    std::chrono::milliseconds m_backoff{0};
    std::chrono::steady_clock::time_point m_nextAttempt{};
    std::string m_lastError;
};

}  // namespace vax

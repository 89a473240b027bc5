#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/Result.h"
#include "devices/PrinterStatus.h"

namespace vax {

/// What a transport takes: printer bytes, or a preview file.
enum class TransportFormat { EscPos, Png, Pdf };

/// Timeouts and helpers for the transports; the defaults suit a kiosk.
struct PrinterTransportOptions {
    /// Longest wait for a TCP connection.
    std::chrono::milliseconds connectTimeout{2000};
    /// Longest a printer may take no data while a job is sent (a printer out of paper often
    /// just stops reading).
    std::chrono::milliseconds ioTimeout{10000};
    /// Longest wait for each status reply.
    std::chrono::milliseconds statusTimeout{1000};
    /// Wait after a failed TCP connect before the next attempt; doubles up to the maximum.
    std::chrono::milliseconds reconnectBackoff{500};
    std::chrono::milliseconds reconnectBackoffMax{30000};
    /// The CUPS client for `cups:`, looked up in PATH when it has no '/'.
    std::string lpCommand = "lp";
};

/// A way to a printer (or to preview files). Not thread-safe: one user at a time.
class PrinterTransport {
public:
    virtual ~PrinterTransport() = default;

    /// The URI it was opened from, for messages.
    virtual const std::string& uri() const = 0;
    /// What send() takes.
    virtual TransportFormat format() const = 0;
    /// True when queryStatus() can ask the device (TCP, a printer device file).
    virtual bool reportsStatus() const = 0;

    /// Asks the printer for its real-time status (DLE EOT 1..4). A value without a status when
    /// the transport cannot tell (CUPS, previews, a plain file) or the printer did not answer
    /// in time; an error when the printer cannot be reached at all.
    virtual Result<std::optional<PrinterStatus>> queryStatus() = 0;

    /// Sends one job: ESC/POS bytes, or the bytes of a PNG or PDF file. `jobName` (the ticket
    /// id) names preview files and CUPS jobs. An error when any byte could not be delivered.
    virtual Status send(std::string_view jobName, std::span<const std::uint8_t> data) = 0;
};

/// Opens a printer by URI:
/// - `file:/dev/usb/lp0`: a device file (or FIFO, or existing file, appended to); status is
///   read back on the same descriptor where the device supports it;
/// - `tcp://HOST[:PORT]`: raw TCP, port 9100 by default, IPv6 hosts in brackets; reconnects
///   with backoff after the printer went away;
/// - `cups:QUEUE`: `lp -d QUEUE -o raw`, data on its stdin; status unknown;
/// - `png:DIR`, `pdf:DIR`: preview files `DIR/<ticket id>.png` or `.pdf`; DIR must exist.
/// Nothing is connected or opened yet; a malformed URI is an error that says what is wrong.
Result<std::unique_ptr<PrinterTransport>> openPrinter(std::string_view uri,
                                                      const PrinterTransportOptions& options = {});

}  // namespace vax

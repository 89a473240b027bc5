#pragma once

#include <string>

#include "devices/PrinterTransport.h"

namespace vax {

/// A printer behind a device file (/dev/usb/lp0, a serial port in raw mode), or a FIFO or
/// regular file that collects the bytes. The path is opened per job and per status request,
/// so a printer unplugged and plugged back in works again without a restart. It is never
/// created: with the printer unplugged, /dev/usb/lp0 must be an error, not a new file.
///
/// Status: on a character device, DLE EOT is written and the replies read back on the same
/// descriptor (bidirectional USB printers answer; others time out and the status is unknown).
/// A regular file or FIFO has no status.
class FileTransport final : public PrinterTransport {
public:
    /// Does not open anything yet.
    FileTransport(std::string uri, std::string path, PrinterTransportOptions options);

    const std::string& uri() const override { return m_uri; }
    TransportFormat format() const override { return TransportFormat::EscPos; }
    bool reportsStatus() const override;
    Result<std::optional<PrinterStatus>> queryStatus() override;
    Status send(std::string_view jobName, std::span<const std::uint8_t> data) override;

private:
    std::string m_uri;
    std::string m_path;
    PrinterTransportOptions m_options;
};

}  // namespace vax

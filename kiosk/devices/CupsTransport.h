#pragma once

#include <string>

#include "devices/PrinterTransport.h"

namespace vax {

/// A CUPS queue, fed raw: each job runs `lp -d QUEUE -o raw -t JOBNAME` with the bytes on
/// its standard input (posix_spawn; no shell). CUPS reports no paper status back through
/// lp, so the status is unknown; lp's exit status and message make the send result.
class CupsTransport final : public PrinterTransport {
public:
    /// `queue` has been checked by openPrinter().
    CupsTransport(std::string uri, std::string queue, PrinterTransportOptions options);

    const std::string& uri() const override { return m_uri; }
    TransportFormat format() const override { return TransportFormat::EscPos; }
    bool reportsStatus() const override { return false; }
    Result<std::optional<PrinterStatus>> queryStatus() override;
    Status send(std::string_view jobName, std::span<const std::uint8_t> data) override;

private:
    std::string m_uri;
    std::string m_queue;
    PrinterTransportOptions m_options;
};

}  // namespace vax

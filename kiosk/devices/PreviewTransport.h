#pragma once

#include <filesystem>
#include <string>

#include "devices/PrinterTransport.h"

namespace vax {

/// Preview "printer": each job becomes `DIR/<ticket id>.png` (or `.pdf`), written to a temporary
/// name first and renamed, so a reader never sees half a file. A reprint replaces the file.
/// Characters other than letters, digits, '-', '_' and '.' in the id become '_'.
class PreviewTransport final : public PrinterTransport {
public:
    /// `format` is Png or Pdf; `directory` exists (openPrinter() checks).
    PreviewTransport(std::string uri, std::filesystem::path directory, TransportFormat format);

    const std::string& uri() const override { return m_uri; }
    TransportFormat format() const override { return m_format; }
    bool reportsStatus() const override { return false; }
    Result<std::optional<PrinterStatus>> queryStatus() override;
    Status send(std::string_view jobName, std::span<const std::uint8_t> data) override;

    /// The file a job of this name is written to.
    std::filesystem::path fileFor(std::string_view jobName) const;

private:
    std::string m_uri;
    std::filesystem::path m_directory;
    TransportFormat m_format;
};

}  // namespace vax

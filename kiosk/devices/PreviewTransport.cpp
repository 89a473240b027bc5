#include "devices/PreviewTransport.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "devices/FdIo.h"
#include "sys/UniqueFd.h"

namespace vax {

PreviewTransport::PreviewTransport(std::string uri, std::filesystem::path directory,
                                   TransportFormat format)
    : m_uri(std::move(uri)), m_directory(std::move(directory)), m_format(format) {}

Result<std::optional<PrinterStatus>> PreviewTransport::queryStatus() {
    return std::optional<PrinterStatus>{};
}

std::filesystem::path PreviewTransport::fileFor(std::string_view jobName) const {
    std::string name;
    for (const char c : jobName) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        name.push_back(safe ? c : '_');
    }
    // No hidden files, no "." or "..".
    if (name.empty() || name.front() == '.') {
        name.insert(name.begin(), '_');
    }
    return m_directory / (name + (m_format == TransportFormat::Pdf ? ".pdf" : ".png"));
}

Status PreviewTransport::send(std::string_view jobName, std::span<const std::uint8_t> data) {
    const std::filesystem::path target = fileFor(jobName);
    std::filesystem::path temp = target;
    temp += ".tmp";
    {
        UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (!fd) {
            return Error{"cannot write preview " + temp.string() + ": " + fdio::errorText(errno)};
        }
        if (Status written = fdio::writeAll(fd.get(), data, std::chrono::seconds(10), false);
            !written) {
            ::unlink(temp.c_str());
            return Error{"cannot write preview " + temp.string() + ": " + written.error().message};
        }
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return Error{"cannot write preview " + target.string() + ": " + fdio::errorText(error)};
    }
    return okStatus();
}

}  // namespace vax

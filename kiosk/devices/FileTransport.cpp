#include "devices/FileTransport.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "devices/FdIo.h"
#include "sys/UniqueFd.h"

namespace vax {

namespace {

bool isCharDevice(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISCHR(info.st_mode);
}

Error openError(const std::string& path, int error) {
    switch (error) {
        case ENOENT:
        case ENODEV:
        case ENXIO:
            return Error{"printer device " + path +
                         " not present (unplugged or switched off?) / 打印机未连接"};
        case EACCES:
        case EPERM:
            return Error{"no permission to open " + path +
                         " (is the kiosk user in group lp?) / 无权访问打印机"};
        default:
            return Error{"cannot open " + path + ": " + fdio::errorText(error)};
    }
}

}  // namespace

FileTransport::FileTransport(std::string uri, std::string path, PrinterTransportOptions options)
    : m_uri(std::move(uri)), m_path(std::move(path)), m_options(std::move(options)) {}

bool FileTransport::reportsStatus() const {
    return isCharDevice(m_path);
}

Result<std::optional<PrinterStatus>> FileTransport::queryStatus() {
    struct stat info {};
    if (::stat(m_path.c_str(), &info) != 0) {
        return openError(m_path, errno);
    }
    if (!S_ISCHR(info.st_mode)) {
        return std::optional<PrinterStatus>{};
    }
    UniqueFd fd(::open(m_path.c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd) {
        if (errno == EACCES) {
            return std::optional<PrinterStatus>{};  // write-only access: no status to read
        }
        return openError(m_path, errno);
    }
    if (Status drained = fdio::drainInput(fd.get(), false); !drained) {
        return Error{m_path + ": " + drained.error().message};
    }
    Result<std::optional<PrinterStatus>> status =
        fdio::queryStatus(fd.get(), m_options.statusTimeout, false);
    if (!status) {
        return Error{m_path + ": " + status.error().message};
    }
    return status;
}

Status FileTransport::send(std::string_view /*jobName*/, std::span<const std::uint8_t> data) {
    // O_APPEND: a regular file collects jobs; on a device it changes nothing.
    UniqueFd fd(::open(m_path.c_str(), O_WRONLY | O_APPEND | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd) {
        return openError(m_path, errno);
    }
    if (Status sent = fdio::writeAll(fd.get(), data, m_options.ioTimeout, false); !sent) {
        return Error{m_path + ": " + sent.error().message};
    }
    return okStatus();
}

}  // namespace vax

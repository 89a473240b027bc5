#pragma once

// Internal to vaxdevices: timed I/O on printer descriptors (sockets and device files).

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/Result.h"
#include "devices/PrinterStatus.h"

namespace vax::fdio {

/// The text of errno value `error`.
std::string errorText(int error);

/// Writes all of `data` to the non-blocking descriptor `fd`; an error when it takes nothing
/// for `stall` or fails. Sockets are written with MSG_NOSIGNAL (no SIGPIPE).
Status writeAll(int fd, std::span<const std::uint8_t> data, std::chrono::milliseconds stall,
                bool socket);

/// Throws away input already waiting (late status replies). An error when the peer closed
/// the connection (sockets only: a device file may report end-of-file when idle).
Status drainInput(int fd, bool socket);

/// Sends DLE EOT 1..4 and reads the one-byte replies. No status (and no error) when the
/// device answers nothing within `timeout`; an error when writing fails, the connection
/// closes or a reply is not a status byte.
Result<std::optional<PrinterStatus>> queryStatus(int fd, std::chrono::milliseconds timeout,
                                                 bool socket);

}  // namespace vax::fdio

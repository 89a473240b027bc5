#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/Result.h"

namespace vax {

/// The four ESC/POS real-time status requests, `DLE EOT n`.
enum class StatusRequest : std::uint8_t {
    Printer = 1,       ///< online / offline
    OfflineCause = 2,  ///< cover open, paper-end stop, error
    ErrorCause = 3,    ///< cutter, unrecoverable, auto-recoverable errors
    PaperSensor = 4,   ///< roll near end, roll end
};

/// The requests in the order they are sent.
inline constexpr std::array<StatusRequest, 4> kStatusRequests{
    StatusRequest::Printer, StatusRequest::OfflineCause, StatusRequest::ErrorCause,
    StatusRequest::PaperSensor};

/// The bytes of one request: DLE EOT n.
std::array<std::uint8_t, 3> statusRequestBytes(StatusRequest request);

/// Something the printer reported, with messages for staff.
struct PrinterProblem {
    enum class Kind {
        CoverOpen,
        PaperOut,
        CutterError,
        UnrecoverableError,
        RecoverableError,
        Offline,
        PaperNearEnd,
    };
    Kind kind;
    bool blocking = true;  ///< printing cannot go on (near end is the only warning)
    std::string english;
    std::string chinese;

    /// "english / chinese".
    std::string text() const { return english + " / " + chinese; }
};

/// The printer's state as told by its replies to DLE EOT 1..4.
struct PrinterStatus {
    bool offline = false;
    bool coverOpen = false;
    bool paperOut = false;  ///< roll end sensor, or printing stopped at paper end
    bool paperNearEnd = false;
    bool cutterError = false;
    bool unrecoverableError = false;
    bool recoverableError = false;  ///< e.g. head too hot; clears by itself
    bool errorReported = false;     ///< "an error occurred" without a cause from DLE EOT 3

    /// Takes in the reply to `request`. An error when the byte lacks the fixed bits every
    /// status reply has (0xx1xx10), so that a stray byte is not read as a status.
    Status apply(StatusRequest request, std::uint8_t reply);

    /// True when nothing stops printing (paper near end may be set).
    bool ready() const;

    /// What is wrong, most specific first: cover, paper, errors, then "offline" only when no
    /// cause explains it; near end last, as the only non-blocking problem.
    std::vector<PrinterProblem> problems() const;

    /// "ready / 就绪", or the problems' texts joined with "; ".
    std::string summary() const;

    bool operator==(const PrinterStatus&) const = default;
};

/// True when `byte` has the fixed bits of a DLE EOT reply (0xx1xx10).
bool isStatusReply(std::uint8_t byte);

/// The status from the replies to DLE EOT 1..4, in that order (fewer replies are fine:
/// the missing ones count as "nothing reported").
Result<PrinterStatus> parsePrinterStatus(std::span<const std::uint8_t> replies);

}  // namespace vax

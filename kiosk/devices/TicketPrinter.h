#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "devices/PrinterProfile.h"
#include "devices/PrinterStatus.h"
#include "devices/PrinterTransport.h"
#include "devices/TicketDocument.h"

namespace vax {

class TicketImage;

/// One ticket to print.
struct PrintJob {
    std::string ticketId;  ///< the slip's or ticket's id; a reprint keeps it
    TicketDocument document;
    bool reprint = false;  ///< print it marked "补打 REPRINT"
};

/// Why a ticket was not printed.
enum class PrintFailure {
    PaperOut,
    CoverOpen,
    Offline,       ///< unreachable, unplugged, or offline without a stated cause
    PrinterError,  ///< cutter, hardware or overheating
    WriteError,    ///< the bytes could not all be delivered
    RenderError,   ///< the ticket cannot be drawn (QR text too long for the paper)
    BadJob,        ///< no ticket id
};

/// A ticket not printed, as a value.
struct PrintError {
    std::string ticketId;
    PrintFailure failure;
    std::string message;                  ///< for staff, English and Chinese
    std::optional<PrinterStatus> status;  ///< what the printer said, when it said anything
    /// The bytes (or some of them) reached the printer: a partial ticket may exist, so the
    /// job is kept marked as a reprint.
    bool sent = false;
    bool pending = true;  ///< kept for retryPending()
};

/// A ticket printed.
struct PrintReport {
    std::string ticketId;
    bool reprint = false;
    std::size_t bytes = 0;  ///< bytes sent
    std::optional<PrinterStatus> statusBefore;
    std::optional<PrinterStatus> statusAfter;
    std::vector<std::string> warnings;  ///< paper near end, status unknown
};

using PrintResult = Result<PrintReport, PrintError>;

/// Prints tickets on one printer and never loses one. Around every ticket the printer's
/// status is asked (ESC/POS DLE EOT) before and after: printers are known to take a job and
/// report success while out of paper. A job is refused before sending when the printer is
/// out of paper, open, offline or in error; a problem seen after sending fails the job too.
/// Failed jobs stay in an in-memory queue, in order, for retryPending(); one that may have
/// been partly printed is marked "补打 REPRINT" for its next attempt.
///
/// Not thread-safe: use from one thread (the app's printer worker).
class TicketPrinter {
public:
    /// Prints through `transport` laid out for `profile`.
    TicketPrinter(std::unique_ptr<PrinterTransport> transport, PrinterProfile profile);
    ~TicketPrinter();
    TicketPrinter(const TicketPrinter&) = delete;
    TicketPrinter& operator=(const TicketPrinter&) = delete;

    /// Prints `job` now. A pending job with the same ticket id is replaced by it (one
    /// ticket, one printout). On failure the job is queued (except BadJob).
    PrintResult print(PrintJob job);

    /// Tries the queued jobs in order. Stops at the first printer problem (the rest would
    /// fail the same way; they stay queued, untried); a job that cannot be drawn does not stop
    /// the others. Returns the result of every job tried.
    std::vector<PrintResult> retryPending();

    /// Ids of the queued jobs, oldest first.
    std::vector<std::string> pendingTicketIds() const;
    /// Number of queued jobs.
    std::size_t pendingCount() const { return m_pending.size(); }
    /// Drops a queued job (staff checked the printout); false when there is none.
    bool cancelPending(std::string_view ticketId);

    /// Asks the printer for its status now (for a "printer" screen).
    Result<std::optional<PrinterStatus>> queryStatus();

    /// The transport, e.g. for its URI.
    const PrinterTransport& transport() const { return *m_transport; }
    /// The profile tickets are laid out for.
    const PrinterProfile& profile() const { return m_profile; }

private:
    PrintResult attempt(PrintJob& job);
    Result<std::vector<std::uint8_t>> renderFor(const TicketDocument& document);
    void keep(PrintJob job, const PrintError& error);

    std::unique_ptr<PrinterTransport> m_transport;
    PrinterProfile m_profile;
    std::unique_ptr<TicketImage> m_image;  // made on first use by a preview transport
    std::deque<PrintJob> m_pending;
};

}  // namespace vax

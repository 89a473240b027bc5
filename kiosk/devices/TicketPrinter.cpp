#include "devices/TicketPrinter.h"

#include <algorithm>

#include "devices/EscPosRenderer.h"
#include "devices/TicketImage.h"

namespace vax {

namespace {

PrintFailure failureFor(PrinterProblem::Kind kind) {
    switch (kind) {
        case PrinterProblem::Kind::CoverOpen:
            return PrintFailure::CoverOpen;
        case PrinterProblem::Kind::PaperOut:
            return PrintFailure::PaperOut;
        case PrinterProblem::Kind::Offline:
            return PrintFailure::Offline;
        case PrinterProblem::Kind::CutterError:
        case PrinterProblem::Kind::UnrecoverableError:
        case PrinterProblem::Kind::RecoverableError:
        case PrinterProblem::Kind::PaperNearEnd:
            break;
    }
    return PrintFailure::PrinterError;
}

// The first problem that stops printing, if any.
const PrinterProblem* blocking(const std::vector<PrinterProblem>& problems) {
    const auto it = std::find_if(problems.begin(), problems.end(),
                                 [](const PrinterProblem& p) { return p.blocking; });
    return it == problems.end() ? nullptr : &*it;
}

void addWarnings(const PrinterStatus& status, std::vector<std::string>& warnings) {
    for (const PrinterProblem& p : status.problems()) {
        if (!p.blocking) {
            warnings.push_back(p.text());
        }
    }
}

const char* const kNoStatus =
    "the printer did not report its status; check the printout / 打印机未返回状态，请检查打印结果";

bool isPrinterProblem(PrintFailure failure) {
    return failure != PrintFailure::RenderError && failure != PrintFailure::BadJob;
}

}  // namespace

TicketPrinter::TicketPrinter(std::unique_ptr<PrinterTransport> transport, PrinterProfile profile)
    : m_transport(std::move(transport)), m_profile(std::move(profile)) {}

TicketPrinter::~TicketPrinter() = default;

Result<std::vector<std::uint8_t>> TicketPrinter::renderFor(const TicketDocument& document) {
    switch (m_transport->format()) {
        case TransportFormat::EscPos:
            return EscPosRenderer(m_profile).render(document);
        case TransportFormat::Png:
        case TransportFormat::Pdf:
            if (!m_image) {
                m_image = std::make_unique<TicketImage>();
            }
            return m_transport->format() == TransportFormat::Png
                       ? m_image->png(document, m_profile)
                       : m_image->pdf(document, m_profile);
    }
    return Error{"unknown transport format"};
}

PrintResult TicketPrinter::attempt(PrintJob& job) {
    if (job.reprint) {
        job.document.markReprint();
    }
    const auto fail = [&](PrintFailure failure, std::string message,
                          std::optional<PrinterStatus> status, bool sent) {
        return PrintError{job.ticketId, failure, std::move(message), std::move(status), sent};
    };

    Result<std::vector<std::uint8_t>> bytes = renderFor(job.document);
    if (!bytes) {
        return fail(PrintFailure::RenderError, "ticket cannot be printed: " + bytes.error().message,
                    std::nullopt, false);
    }

    PrintReport report;
    report.ticketId = job.ticketId;
    report.reprint = job.reprint || job.document.isReprint();
    const bool checks = m_transport->reportsStatus();
    if (checks) {
        Result<std::optional<PrinterStatus>> before = m_transport->queryStatus();
        if (!before) {
            return fail(PrintFailure::Offline, before.error().message, std::nullopt, false);
        }
        report.statusBefore = *before;
        if (*before) {
            const std::vector<PrinterProblem> problems = (*before)->problems();
            if (const PrinterProblem* problem = blocking(problems)) {
                return fail(failureFor(problem->kind), problem->text(), **before, false);
            }
            addWarnings(**before, report.warnings);
        } else {
            report.warnings.push_back(kNoStatus);
        }
    }

    if (Status sent = m_transport->send(job.ticketId, *bytes); !sent) {
        // Some bytes may have been printed; previews are written whole or not at all.
        const bool partial = m_transport->format() == TransportFormat::EscPos;
        return fail(PrintFailure::WriteError, "sending the ticket failed: " + sent.error().message,
                    std::nullopt, partial);
    }
    report.bytes = bytes->size();

    if (checks) {
        Result<std::optional<PrinterStatus>> after = m_transport->queryStatus();
        if (!after) {
            return fail(PrintFailure::Offline,
                        "the printer stopped answering after the ticket was sent (" +
                            after.error().message + ")",
                        std::nullopt, true);
        }
        report.statusAfter = *after;
        if (*after) {
            const std::vector<PrinterProblem> problems = (*after)->problems();
            if (const PrinterProblem* problem = blocking(problems)) {
                return fail(failureFor(problem->kind),
                            problem->text() + " (while printing: the ticket may be incomplete)",
                            **after, true);
            }
            // Near end both before and after is one warning.
            std::vector<std::string> warnings;
            addWarnings(**after, warnings);
            for (std::string& w : warnings) {
                if (std::find(report.warnings.begin(), report.warnings.end(), w) ==
                    report.warnings.end()) {
                    report.warnings.push_back(std::move(w));
                }
            }
        } else if (report.warnings.empty() || report.warnings.back() != kNoStatus) {
            report.warnings.push_back(kNoStatus);
        }
    }
    return report;
}

void TicketPrinter::keep(PrintJob job, const PrintError& error) {
    if (error.sent) {
        job.reprint = true;
        job.document.markReprint();
    }
    m_pending.push_back(std::move(job));
}

PrintResult TicketPrinter::print(PrintJob job) {
    if (job.ticketId.empty()) {
        return PrintError{
            {}, PrintFailure::BadJob, "print job without a ticket id", std::nullopt, false, false};
    }
    // This job supersedes a queued one for the same ticket.
    std::erase_if(m_pending,
                  [&](const PrintJob& queued) { return queued.ticketId == job.ticketId; });
    PrintResult result = attempt(job);
    if (!result) {
        keep(std::move(job), result.error());
    }
    return result;
}

std::vector<PrintResult> TicketPrinter::retryPending() {
    std::vector<PrintResult> results;
    std::deque<PrintJob> queue;
    queue.swap(m_pending);
    bool printerDown = false;
    for (PrintJob& job : queue) {
        if (printerDown) {
            m_pending.push_back(std::move(job));
            continue;
        }
        PrintResult result = attempt(job);
        if (!result) {
            printerDown = isPrinterProblem(result.error().failure);
            keep(std::move(job), result.error());
        }
        results.push_back(std::move(result));
    }
    return results;
}

std::vector<std::string> TicketPrinter::pendingTicketIds() const {
    std::vector<std::string> ids;
    for (const PrintJob& job : m_pending) {
        ids.push_back(job.ticketId);
    }
    return ids;
}

bool TicketPrinter::cancelPending(std::string_view ticketId) {
    return std::erase_if(m_pending, [&](const PrintJob& job) { return job.ticketId == ticketId; }) >
           0;
}

Result<std::optional<PrinterStatus>> TicketPrinter::queryStatus() {
    return m_transport->queryStatus();
}

}  // namespace vax

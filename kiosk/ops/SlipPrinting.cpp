#include "ops/SlipPrinting.h"

#include "devices/TicketDocument.h"
#include "ops/Slips.h"

namespace vax {

PrintOutcome printQueueSlip(const KioskConfig& config, const VisitState& visit,
                            const ProtectedId& person, const std::string& slip, std::int64_t atMs,
                            const std::string& printer, const std::string& profile) {
    const std::string desk(1, visit.queueNumber->desk);
    const QueueSlipView view{config.site.name,
                             visit.queueNumber->label(),
                             person.masked,
                             "请到" + desk + "台登记",
                             "Please go to desk " + desk,
                             localTimeText(atMs),
                             slip,
                             false,
                             visit.peopleAhead,
                             visit.numberedOffline};
    return printTicket(printer, profile, "slip-" + std::to_string(visit.visitId),
                       queueSlipDocument(view));
}

PrintedSlip issueAndPrintSlip(const KioskConfig& config, const SiteKeys& keys,
                              const VisitState& visit, const ProtectedId& person,
                              std::int64_t atMs) {
    PrintedSlip out;
    auto slip = issueSlip(config, keys, visit, person, atMs);
    if (!slip) {
        out.print.error = "slip not issued: " + slip.error().message;
        return out;
    }
    out.slip = *slip;
    if (config.devices.printer.empty()) {
        out.print.error = "no printer is configured";
        return out;
    }
    out.print = printQueueSlip(config, visit, person, out.slip, atMs, config.devices.printer,
                               config.devices.printerProfile);
    return out;
}

}  // namespace vax

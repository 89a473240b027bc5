#include "ops/SlipPrinting.h"

#include "devices/TicketDocument.h"
#include "ops/Slips.h"

namespace vax {

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
    const std::string desk(1, visit.queueNumber->desk);
    const QueueSlipView view{config.site.name,
                             visit.queueNumber->label(),
                             person.masked,
                             "请到" + desk + "台登记",
                             "Please go to desk " + desk,
                             localTimeText(atMs),
                             out.slip,
                             false,
                             visit.peopleAhead};
    out.print = printTicket(config.devices.printer, config.devices.printerProfile,
                            "slip-" + std::to_string(visit.visitId), queueSlipDocument(view));
    return out;
}

}  // namespace vax

#include "ops/TicketPrinting.h"

#include <ctime>

#include "devices/PrinterProfile.h"
#include "devices/PrinterTransport.h"
#include "devices/TicketPrinter.h"

namespace vax {

PrintOutcome printTicket(const std::string& uri, const std::string& profileName,
                         const std::string& ticketId, const TicketDocument& document) {
    PrintOutcome outcome;
    const auto profile = printerProfile(profileName);
    if (!profile) {
        outcome.error = "unknown printer profile '" + profileName + "'";
        return outcome;
    }
    auto transport = openPrinter(uri);
    if (!transport) {
        outcome.error = transport.error().message;
        return outcome;
    }
    TicketPrinter printer(std::move(transport).value(), *profile);
    auto printed = printer.print({ticketId, document, false});
    if (!printed) {
        outcome.error = printed.error().message;
        return outcome;
    }
    outcome.printed = true;
    outcome.warnings = printed->warnings;
    return outcome;
}

std::string localTimeText(std::int64_t unixMs) {
    const std::time_t t = std::time_t(unixMs / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}

}  // namespace vax

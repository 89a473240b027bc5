#include "cli/Printing.h"

#include <ctime>

#include "devices/PrinterProfile.h"
#include "devices/PrinterTransport.h"
#include "devices/TicketPrinter.h"

namespace vax::cli {

void printTicket(const std::string& uri, const std::string& profileName,
                 const std::string& ticketId, const TicketDocument& document, nlohmann::json& out) {
    out["printed"] = false;
    const auto profile = printerProfile(profileName);
    if (!profile) {
        out["print_error"] = "unknown printer profile '" + profileName + "'";
        return;
    }
    auto transport = openPrinter(uri);
    if (!transport) {
        out["print_error"] = transport.error().message;
        return;
    }
    TicketPrinter printer(std::move(transport).value(), *profile);
    auto printed = printer.print({ticketId, document, false});
    if (!printed) {
        out["print_error"] = printed.error().message;
        return;
    }
    out["printed"] = true;
    if (!printed->warnings.empty()) {
        out["print_warnings"] = printed->warnings;
    }
}

std::string localTimeText(std::int64_t unixMs) {
    const std::time_t t = std::time_t(unixMs / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}

}  // namespace vax::cli

#include "devices/PrinterStatus.h"

#include <cstdio>

namespace vax {

std::array<std::uint8_t, 3> statusRequestBytes(StatusRequest request) {
    return {0x10, 0x04, static_cast<std::uint8_t>(request)};
}

bool isStatusReply(std::uint8_t byte) {
    return (byte & 0x93) == 0x12;
}

Status PrinterStatus::apply(StatusRequest request, std::uint8_t reply) {
    if (!isStatusReply(reply)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", reply);
        return Error{std::string("unexpected printer status reply ") + hex +
                     " (not an ESC/POS DLE EOT answer)"};
    }
    const auto bit = [reply](int n) { return (reply >> n & 1) != 0; };
    switch (request) {
        case StatusRequest::Printer:
            offline = bit(3);
            break;
        case StatusRequest::OfflineCause:
            coverOpen = bit(2);
            paperOut = paperOut || bit(5);
            errorReported = bit(6);
            break;
        case StatusRequest::ErrorCause:
            cutterError = bit(3);
            unrecoverableError = bit(5);
            recoverableError = bit(6);
            break;
        case StatusRequest::PaperSensor:
            // Epson sets bits 2+3 and 5+6 in pairs; some printers have one near-end sensor
            // per bit, and use bit 6 for something else, so bit 5 alone means paper end.
            paperNearEnd = bit(2) || bit(3);
            paperOut = paperOut || bit(5);
            break;
    }
    return okStatus();
}

bool PrinterStatus::ready() const {
    for (const PrinterProblem& p : problems()) {
        if (p.blocking) {
            return false;
        }
    }
    return true;
}

std::vector<PrinterProblem> PrinterStatus::problems() const {
    using Kind = PrinterProblem::Kind;
    std::vector<PrinterProblem> out;
    if (coverOpen) {
        out.push_back({Kind::CoverOpen, true, "printer cover open: close the cover",
                       "打印机盖未关：请合上纸仓盖"});
    }
    if (paperOut) {
        out.push_back({Kind::PaperOut, true, "printer out of paper: load a new roll",
                       "打印机缺纸：请装入新纸卷"});
    }
    if (cutterError) {
        out.push_back({Kind::CutterError, true,
                       "printer cutter error: clear the paper jam at the cutter",
                       "切刀故障：请清除切刀处卡纸"});
    }
    if (unrecoverableError) {
        out.push_back({Kind::UnrecoverableError, true,
                       "printer hardware error: switch the printer off and on, or replace it",
                       "打印机硬件故障：请重启或更换打印机"});
    }
    if (recoverableError) {
        out.push_back({Kind::RecoverableError, true,
                       "printer paused (print head too hot): wait a moment",
                       "打印机暂停（打印头过热）：请稍候"});
    }
    if (errorReported && !cutterError && !unrecoverableError && !recoverableError) {
        out.push_back(
            {Kind::UnrecoverableError, true, "printer reports an error", "打印机报告故障"});
    }
    if (offline && out.empty()) {
        out.push_back({Kind::Offline, true, "printer offline: check power and the online switch",
                       "打印机离线：请检查电源和联机状态"});
    }
    if (paperNearEnd && !paperOut) {
        out.push_back({Kind::PaperNearEnd, false, "printer paper near end: prepare a new roll",
                       "打印纸即将用完：请准备新纸卷"});
    }
    return out;
}

std::string PrinterStatus::summary() const {
    const std::vector<PrinterProblem> all = problems();
    if (all.empty()) {
        return "ready / 就绪";
    }
    std::string text;
    for (const PrinterProblem& p : all) {
        text += text.empty() ? "" : "; ";
        text += p.text();
    }
    return text;
}

Result<PrinterStatus> parsePrinterStatus(std::span<const std::uint8_t> replies) {
    if (replies.size() > kStatusRequests.size()) {
        return Error{"more status replies than DLE EOT requests"};
    }
    PrinterStatus status;
    for (std::size_t i = 0; i < replies.size(); ++i) {
        if (Status applied = status.apply(kStatusRequests[i], replies[i]); !applied) {
            return applied.error();
        }
    }
    return status;
}

}  // namespace vax

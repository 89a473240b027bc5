// libFuzzer target for DLE EOT printer status replies: the bytes come back from a printer (or
// whatever answers on its port), so reading them may not crash, and a stray byte must never
// pass for a status.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "FuzzRequire.h"
#include "devices/PrinterStatus.h"

namespace {

using namespace vax;
using fuzz::require;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const std::uint8_t> replies(data, size);
    const auto parsed = parsePrinterStatus(replies);

    bool allReplies = size <= kStatusRequests.size();
    for (std::size_t i = 0; i < size && i < kStatusRequests.size(); ++i) {
        allReplies = allReplies && isStatusReply(data[i]);
    }
    require(parsed.ok() == allReplies);
    if (!parsed) {
        require(!parsed.error().message.empty());
        return 0;
    }
    const PrinterStatus& status = *parsed;
    // Replying byte by byte to the same requests gives the same state.
    PrinterStatus stepwise;
    for (std::size_t i = 0; i < size; ++i) {
        require(stepwise.apply(kStatusRequests[i], data[i]).ok());
    }
    require(stepwise == status);

    // Every flag but near end stops printing, and each one is named by a problem ("offline"
    // only when nothing else explains it).
    const bool stopped = status.offline || status.coverOpen || status.paperOut ||
                         status.cutterError || status.unrecoverableError ||
                         status.recoverableError || status.errorReported;
    require(status.ready() == !stopped);
    const auto problems = status.problems();
    const auto named = [&](PrinterProblem::Kind kind) {
        for (const PrinterProblem& problem : problems) {
            if (problem.kind == kind) {
                require(!problem.english.empty() && !problem.chinese.empty());
                require(problem.blocking == (kind != PrinterProblem::Kind::PaperNearEnd));
                return true;
            }
        }
        return false;
    };
    using Kind = PrinterProblem::Kind;
    require(named(Kind::CoverOpen) == status.coverOpen);
    require(named(Kind::PaperOut) == status.paperOut);
    require(named(Kind::CutterError) == status.cutterError);
    require(named(Kind::RecoverableError) == status.recoverableError);
    require(named(Kind::UnrecoverableError) ==
            (status.unrecoverableError ||
             (status.errorReported && !status.cutterError && !status.recoverableError)));
    require(named(Kind::PaperNearEnd) == (status.paperNearEnd && !status.paperOut));
    require(!status.offline || problems.size() >= 1);
    require(status.summary().find(problems.empty() ? "ready" : problems.front().english) !=
            std::string::npos);
    return 0;
}

// libFuzzer target for serial scanner framing: the bytes come from a serial port, so line
// assembly may not crash on any noise, and every code it hands on must be a clean line of the
// input, within the length limit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzRequire.h"
#include "core/Utf8.h"
#include "vision/SerialLineAssembler.h"

namespace {

using namespace vax;

constexpr std::size_t kMaxLength = 48;  // short, so that overlong lines are reached

using fuzz::require;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte picks the terminators (CR/LF as shipped, or a scanner that ends codes
    // with Tab only, or none at all and the idle timeout) and where idle pauses fall.
    const std::uint8_t control = data[0];
    const std::string terminators = (control & 3) == 0   ? "\r\n"
                                    : (control & 3) == 1 ? "\t"
                                    : (control & 3) == 2 ? ""
                                                         : std::string("\r\n\0", 3);
    const std::size_t idleEvery = (control >> 2) + 1;
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

    SerialLineAssembler lines(terminators, kMaxLength);
    std::size_t emittedBytes = 0;
    std::size_t ends = 0;  // terminators and idle pauses: each ends at most one code
    const auto check = [&](const std::optional<std::string>& code) {
        if (!code) {
            return;
        }
        require(!code->empty() && code->size() <= kMaxLength);
        require(code->find('\0') == std::string::npos && utf8::isValid(*code));
        require(code->find_first_of(terminators) == std::string::npos);
        require(bytes.find(*code) != std::string_view::npos);
        emittedBytes += code->size();
    };
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (terminators.find(bytes[i]) != std::string::npos) {
            ++ends;
        }
        check(lines.take(bytes[i]));
        if ((i + 1) % idleEvery == 0) {
            ++ends;
            check(lines.endByIdle());
        }
    }
    ++ends;
    check(lines.endByIdle());
    require(!lines.midLine());

    const SerialScannerStats& stats = lines.stats();
    require(stats.codes + stats.malformed <= ends);
    require(stats.idleEmits <= stats.codes);
    require(emittedBytes <= bytes.size());
    return 0;
}

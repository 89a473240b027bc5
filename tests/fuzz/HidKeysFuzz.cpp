// libFuzzer target for the USB HID scanner's key decoder: input_event records come from an
// evdev node (or a recorded file), so decoding may not crash or overflow on any records, and it
// can never type more characters than keys were pressed.
#include <linux/input.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "FuzzRequire.h"
#include "vision/KeyDecoder.h"

namespace {

using namespace vax;
using fuzz::require;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) {
        return 0;
    }
    // Two bytes of options, so that the timeout and the length limit are reached too; then
    // the records exactly as read() returns them from the device.
    KeyDecoderOptions options;
    options.interKeyTimeout = std::chrono::milliseconds(data[0]);
    options.maxLength = data[1] == 0 ? 4096 : data[1];
    KeyDecoder decoder(options);

    std::uint64_t presses = 0;
    std::uint64_t enters = 0;
    std::uint64_t typed = 0;
    std::uint64_t codes = 0;
    for (std::size_t at = 2; at + sizeof(input_event) <= size; at += sizeof(input_event)) {
        input_event event;
        std::memcpy(&event, data + at, sizeof event);
        if (event.type == EV_KEY && event.value == 1) {
            ++presses;
        }
        const auto code = decoder.feed(event);
        if (code) {
            require(!code->empty() && code->size() <= options.maxLength);
            typed += code->size();
            ++codes;
        }
        if (event.type == EV_KEY && event.value == 1 &&
            (event.code == KEY_ENTER || event.code == KEY_KPENTER || event.code == KEY_M ||
             event.code == KEY_J)) {
            ++enters;  // Enter, or Ctrl+M / Ctrl+J, may end a code
        }
    }
    // Each character came from one key press, and the key that ended a code typed none.
    require(typed + codes <= presses);
    require(codes <= enters);
    const KeyDecoderStats& stats = decoder.stats();
    require(stats.codes == codes);
    require(stats.unknownKeys + typed + codes <= presses);
    return 0;
}

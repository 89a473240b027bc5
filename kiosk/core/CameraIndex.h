#pragma once

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>

#include "core/Result.h"

namespace vax {

/// True when a camera `device` is given by number ("0", "12") rather than by path.
inline bool isCameraIndex(std::string_view device) {
    return !device.empty() &&
           std::all_of(device.begin(), device.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The V4L2 index of a camera given by number. Refuses what is not a number or does not fit an
/// int ("camera:99999999999"), with a message naming the device; never throws.
inline Result<int> parseCameraIndex(std::string_view device) {
    int index = 0;
    const char* end = device.data() + device.size();
    const auto [stop, error] = std::from_chars(device.data(), end, index);
    if (!isCameraIndex(device) || error != std::errc{} || stop != end) {
        return Error{"camera index \"" + std::string(device) +
                     "\" is not a camera number: use a small number (0, 1, ...) or a path such "
                     "as /dev/video0"};
    }
    return index;
}

}  // namespace vax

#pragma once

// Internal to vaxdevices: QR codes drawn by us (raster fallback, previews).

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// The modules of a QR code, without its quiet zone.
struct QrModules {
    int size = 0;                    ///< modules per side
    std::vector<std::uint8_t> dark;  ///< size * size, row by row, 1 = dark

    /// True when the module at column `x`, row `y` is dark.
    bool at(int x, int y) const { return dark[std::size_t(y) * std::size_t(size) + x] != 0; }
};

/// Modules of a quiet zone on each side, as the QR specification asks.
inline constexpr int kQrQuietZone = 4;

/// Encodes the bytes of `text` as a QR code, model 2, error correction level M, without an
/// ECI: exactly what a printer's `GS ( k` makes of the same stored bytes. An error when the
/// text does not fit the largest version.
Result<QrModules> encodeQr(std::string_view text);

/// The module size in dots for a code `modules` wide on a line of `dots`: the hint, made smaller
/// when the code and its quiet zone would not fit; an error below `minimum`.
Result<int> fitQrModuleSize(int hint, int modules, int dots, int minimum);

}  // namespace vax

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// How a printer takes QR codes.
enum class QrSupport {
    Native,      ///< ESC/POS `GS ( k` model 2: the printer draws the code from its text
    RasterOnly,  ///< only bit images (`GS v 0`): we draw the code
};

/// What one printer model can do; renderers lay tickets out from it. Dots are printer dots
/// (8 per mm on the usual 203 dpi thermal heads).
struct PrinterProfile {
    std::string name;
    int paperWidthMm = 80;  ///< 58 or 80
    int dotsPerLine = 576;  ///< printable width: 384 on 58 mm paper, 576 on 80 mm
    int dotsPerMm = 8;      ///< head resolution; sizes the PDF page
    QrSupport qr = QrSupport::Native;
    /// iconv name of the encoding the printer's Chinese font expects. A printer whose font
    /// covers GBK only prints GB18030's four-byte characters (rare characters, emoji) as
    /// garbage: give it "GBK", and they become '?'.
    std::string textEncoding = "GB18030";
    /// Send `FS &` (Chinese character mode) after `ESC @`. Many Chinese printers start in this
    /// mode, others print two Latin-1 glyphs per Chinese character until told.
    bool chineseMode = true;
    /// `ESC t n` code page for single-byte text, if the printer needs one chosen.
    std::optional<int> codePage;

    /// Half-width characters per line in the normal font (12 dots each; Chinese take 24).
    int columns() const { return dotsPerLine / kCharWidth; }

    static constexpr int kCharWidth = 12;   ///< dots per half-width character, font A
    static constexpr int kCharHeight = 24;  ///< dots per character row, font A
    static constexpr int kLineHeight = 30;  ///< dots per line feed at the default spacing

    bool operator==(const PrinterProfile&) const = default;
};

/// The profiles that ship with the kiosk: generic-80-native-qr (the default),
/// generic-80-raster, generic-58-native-qr, generic-58-raster.
const std::vector<PrinterProfile>& builtinPrinterProfiles();

/// The built-in profile called `name`; an error naming the known profiles otherwise.
Result<PrinterProfile> printerProfile(std::string_view name);

/// The profile used when the configuration names none.
const PrinterProfile& defaultPrinterProfile();

/// Checks a profile (one read from a configuration file, say): paper width 58 or 80 mm,
/// a dot width that fits it and is a multiple of 8, a non-empty name and encoding.
Status validatePrinterProfile(const PrinterProfile& profile);

}  // namespace vax

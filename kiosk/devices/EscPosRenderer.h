#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "devices/PrinterProfile.h"
#include "devices/TicketDocument.h"

namespace vax {

/// Turns a TicketDocument into ESC/POS bytes for one printer profile.
///
/// Output: `ESC @` (reset), `FS &` when the profile asks for Chinese mode (Chinese firmware
/// then reads bytes >= 0x80 as two- or four-byte GB18030 characters; many start in that mode,
/// others need telling), `ESC t n` when the profile names a code page, then per element:
/// text wrapped to the paper (`ESC a` alignment, `ESC E` bold, `GS !` size, only when they
/// change; text in the profile's encoding; LF), a rule of '-', the QR code, `ESC d n` feeds
/// and `GS V 65 0` (feed to the cutter, full cut).
///
/// QR codes go out as `GS ( k` model 2, level M (fn 65, 67, 69, 80, 81) between blank lines
/// for the quiet zone (printers leave it to the host) on printers with native QR, else as a
/// `GS v 0` bit image drawn by us with its quiet zone, centred on a full-width band of at most
/// 255 rows. The module size is the document's hint, made smaller when the code would not fit.
/// Data that holds the bytes DLE EOT (which the printer would take for a status request in the
/// middle of the job) also goes out as an image: at two or more dots per module an image never
/// holds them.
class EscPosRenderer {
public:
    /// A renderer for printers of `profile`.
    explicit EscPosRenderer(PrinterProfile profile);

    /// The bytes of `document`. An error only when a QR code cannot be made (text too long
    /// for any QR version, or too wide for the paper). Text never fails: see encodeText().
    Result<std::vector<std::uint8_t>> render(const TicketDocument& document) const;

    /// `utf8` in the printer's text encoding. Characters the encoding lacks, invalid UTF-8 and
    /// control characters (which would otherwise reach the printer as commands) become '?'.
    std::string encodeText(std::string_view utf8) const;

    /// The profile rendered for.
    const PrinterProfile& profile() const { return m_profile; }

private:
    PrinterProfile m_profile;
};

}  // namespace vax

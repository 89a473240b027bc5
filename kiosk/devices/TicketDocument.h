#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vax {

/// Character size on paper. Double is double width and double height.
enum class TextSize { Normal, DoubleHeight, Double };

/// Horizontal placement of a line or code.
enum class TextAlign { Left, Centre };

/// Width multiplier of a text size (1 or 2).
int widthScale(TextSize size);
/// Height multiplier of a text size (1 or 2).
int heightScale(TextSize size);

/// How a line of text looks.
struct TextStyle {
    TextSize size = TextSize::Normal;
    bool bold = false;
    TextAlign align = TextAlign::Left;
    bool operator==(const TextStyle&) const = default;
};

/// One line of UTF-8 text; renderers wrap it when it is wider than the paper.
struct TicketText {
    std::string text;
    TextStyle style;
    bool operator==(const TicketText&) const = default;
};

/// A QR code (model 2, level M), centred.
struct TicketQr {
    std::string text;
    /// Preferred dots per module; renderers shrink it when the code would not fit the paper.
    int moduleSize = 6;
    bool operator==(const TicketQr&) const = default;
};

/// A full-width rule (a line of '-' on the printer).
struct TicketSeparator {
    bool operator==(const TicketSeparator&) const = default;
};

/// Blank paper, in lines of the default line spacing.
struct TicketFeed {
    int lines = 1;
    bool operator==(const TicketFeed&) const = default;
};

/// Feed to the cutter and cut the paper.
struct TicketCut {
    bool operator==(const TicketCut&) const = default;
};

using TicketElement = std::variant<TicketText, TicketQr, TicketSeparator, TicketFeed, TicketCut>;

/// A printer-independent ticket: an ordered list of elements. EscPosRenderer turns it into
/// printer bytes, TicketImage into a PNG or PDF preview.
class TicketDocument {
public:
    /// Appends a line of UTF-8 text.
    TicketDocument& text(std::string utf8, TextStyle style = {});
    /// Appends a centred QR code of `text` (stored as is: the exact bytes are encoded).
    TicketDocument& qr(std::string text, int moduleSize = 6);
    /// Appends a full-width rule.
    TicketDocument& separator();
    /// Appends `lines` blank lines (clamped to 0..255).
    TicketDocument& feed(int lines);
    /// Appends a cut.
    TicketDocument& cut();

    /// Adds the visible "补打 REPRINT" line at the top unless the document has it already, so
    /// that no second copy of a ticket can pass for the original.
    TicketDocument& markReprint();
    /// True when the document carries the reprint line.
    bool isReprint() const;

    /// The elements in print order.
    const std::vector<TicketElement>& elements() const { return m_elements; }
    /// The text of the first QR code, or empty.
    std::string qrText() const;

    bool operator==(const TicketDocument&) const = default;

private:
    std::vector<TicketElement> m_elements;
};

/// The line that marks a reprint.
inline constexpr std::string_view kReprintLine = "补打 REPRINT";

/// What the queue slip printed at entry shows. Strings are UTF-8, ready to print.
struct QueueSlipView {
    std::string siteName;
    std::string queueLabel;  ///< desk letter and number, e.g. "A007"
    std::string maskedId;    ///< e.g. "1101**********1234"
    std::string decisionZh;  ///< e.g. "请到A台登记"
    std::string decisionEn;  ///< e.g. "Please go to desk A"
    std::string issuedAt;    ///< local time, e.g. "2021-11-24 09:12"
    std::string qrText;      ///< the signed slip payload
    bool reprint = false;
    std::optional<int> peopleAhead;  ///< at that desk when queued; not printed when unknown
    /// Numbered from the kiosk's reserved block while the site server could not be reached:
    /// staff see it on the slip ("离线 offline").
    bool offline = false;
};

/// What the dose ticket printed at the vaccination station shows.
struct DoseTicketView {
    std::string siteName;
    std::string maskedId;
    std::string productName;
    std::string lot;
    int doseNumber = 1;
    std::string station;
    std::string vaccinatedAt;       ///< local time
    std::string observationEndsAt;  ///< local time
    std::string qrText;             ///< the signed ticket payload
    bool reprint = false;
    int observationMinutes = 30;
};

/// The queue slip: site, queue number, masked ID, decision (Chinese and English), time, QR.
TicketDocument queueSlipDocument(const QueueSlipView& view);

/// The dose ticket: site, person, vaccine, lot, dose, station, times, QR and the
/// "请保留此票，留观N分钟 / Please keep this ticket and stay N minutes" notice.
TicketDocument doseTicketDocument(const DoseTicketView& view);

/// A test page: every text size, Chinese and English, a rule and a QR code of `qrText`.
/// `profileName` and `printedAt` are printed so the page says what it tested and when.
TicketDocument testTicketDocument(std::string_view profileName, std::string_view printedAt,
                                  std::string_view qrText);

/// Columns `utf8` takes in the printer's font: 1 per ASCII character, 2 per other character
/// (the printer's Chinese font is full width), 1 per byte that is not valid UTF-8.
int displayColumns(std::string_view utf8);

/// Splits `utf8` into lines of at most `columns` columns: at spaces between words, anywhere
/// between Chinese characters (never putting closing punctuation such as "，" first), and
/// inside a word only when it is longer than a line. Spaces at the breaks are dropped.
/// Returns one empty line for empty text.
std::vector<std::string> wrapColumns(std::string_view utf8, int columns);

}  // namespace vax

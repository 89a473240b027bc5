#include "devices/TicketDocument.h"

#include <algorithm>
#include <array>

#include "core/Utf8.h"

namespace vax {

int widthScale(TextSize size) {
    return size == TextSize::Double ? 2 : 1;
}

int heightScale(TextSize size) {
    return size == TextSize::Normal ? 1 : 2;
}

TicketDocument& TicketDocument::text(std::string utf8, TextStyle style) {
    m_elements.emplace_back(TicketText{std::move(utf8), style});
    return *this;
}

TicketDocument& TicketDocument::qr(std::string text, int moduleSize) {
    m_elements.emplace_back(TicketQr{std::move(text), std::clamp(moduleSize, 1, 16)});
    return *this;
}

TicketDocument& TicketDocument::separator() {
    m_elements.emplace_back(TicketSeparator{});
    return *this;
}

TicketDocument& TicketDocument::feed(int lines) {
    m_elements.emplace_back(TicketFeed{std::clamp(lines, 0, 255)});
    return *this;
}

TicketDocument& TicketDocument::cut() {
    m_elements.emplace_back(TicketCut{});
    return *this;
}

namespace {

const TextStyle kReprintStyle{TextSize::DoubleHeight, true, TextAlign::Centre};

}  // namespace

TicketDocument& TicketDocument::markReprint() {
    if (!isReprint()) {
        m_elements.insert(m_elements.begin(), TicketText{std::string(kReprintLine), kReprintStyle});
    }
    return *this;
}

bool TicketDocument::isReprint() const {
    return std::any_of(m_elements.begin(), m_elements.end(), [](const TicketElement& e) {
        const auto* line = std::get_if<TicketText>(&e);
        return line != nullptr && line->text == kReprintLine;
    });
}

std::string TicketDocument::qrText() const {
    for (const TicketElement& e : m_elements) {
        if (const auto* code = std::get_if<TicketQr>(&e)) {
            return code->text;
        }
    }
    return {};
}

namespace {

constexpr TextStyle kTitle{TextSize::DoubleHeight, true, TextAlign::Centre};
constexpr TextStyle kCentre{TextSize::Normal, false, TextAlign::Centre};
constexpr TextStyle kCentreBold{TextSize::Normal, true, TextAlign::Centre};
constexpr TextStyle kPlain{};

// Feed before the cut: the tear-off edge sits a few lines below the last printed line.
constexpr int kTrailingFeed = 3;

}  // namespace

TicketDocument queueSlipDocument(const QueueSlipView& view) {
    TicketDocument doc;
    doc.text(view.siteName, kTitle);
    doc.text("排队号 Queue number", kCentre);
    doc.text(view.queueLabel, {TextSize::Double, true, TextAlign::Centre});
    if (view.peopleAhead) {
        const int n = *view.peopleAhead;
        doc.text("前方等待 " + std::to_string(n) + " 人 / " + std::to_string(n) +
                     (n == 1 ? " person ahead" : " people ahead"),
                 kCentreBold);
    }
    doc.separator();
    doc.text("证件 ID: " + view.maskedId);
    doc.text("结果: " + view.decisionZh);
    doc.text("Result: " + view.decisionEn);
    doc.text("时间 Time: " + view.issuedAt);
    if (view.offline) {
        doc.text("离线取号 Offline number", kCentreBold);
    }
    doc.feed(1);
    doc.qr(view.qrText, 6);
    doc.feed(1);
    doc.text("请保留此单，凭单登记接种", kCentreBold);
    doc.text("Please keep this slip for registration", kCentre);
    doc.feed(kTrailingFeed);
    doc.cut();
    if (view.reprint) {
        doc.markReprint();
    }
    return doc;
}

TicketDocument doseTicketDocument(const DoseTicketView& view) {
    const std::string minutes = std::to_string(view.observationMinutes);
    const std::string dose = std::to_string(view.doseNumber);
    TicketDocument doc;
    doc.text(view.siteName, kTitle);
    doc.text("接种留观票 Vaccination ticket", kCentreBold);
    doc.separator();
    doc.text("受种者 Person: " + view.maskedId, kPlain);
    doc.text("疫苗 Vaccine: " + view.productName);
    doc.text("批号 Lot: " + view.lot);
    doc.text("剂次 Dose: 第" + dose + "剂 / dose " + dose);
    doc.text("接种台 Station: " + view.station);
    doc.text("接种时间 Vaccinated: " + view.vaccinatedAt);
    doc.text("留观至 Observe until: " + view.observationEndsAt, {TextSize::Normal, true});
    doc.separator();
    doc.qr(view.qrText, 6);
    doc.feed(1);
    doc.text("请保留此票，留观" + minutes + "分钟",
             {TextSize::DoubleHeight, true, TextAlign::Centre});
    doc.text("Please keep this ticket and stay " + minutes + " minutes", kCentreBold);
    doc.text("离开时请在出口扫码 Scan at the exit to leave", kCentre);
    doc.feed(kTrailingFeed);
    doc.cut();
    if (view.reprint) {
        doc.markReprint();
    }
    return doc;
}

TicketDocument testTicketDocument(std::string_view profileName, std::string_view printedAt,
                                  std::string_view qrText) {
    TicketDocument doc;
    doc.text("打印测试 Printer test", kTitle);
    doc.text("Profile: " + std::string(profileName), kCentre);
    doc.text(std::string(printedAt), kCentre);
    doc.separator();
    doc.text("普通 Normal 0123456789");
    doc.text("加粗 Bold", {TextSize::Normal, true});
    doc.text("倍高 Tall", {TextSize::DoubleHeight});
    doc.text("倍大 Big", {TextSize::Double});
    doc.text("居中 Centred", kCentre);
    doc.separator();
    doc.qr(std::string(qrText), 6);
    doc.feed(1);
    doc.text("请保留此票，留观30分钟", kCentreBold);
    doc.text("Please keep this ticket and stay 30 minutes", kCentre);
    doc.feed(kTrailingFeed);
    doc.cut();
    return doc;
}

namespace {

// A piece of text that wrapping keeps whole: a run of ASCII non-space characters, one space,
// or one non-ASCII character (Chinese text may break between any two characters).
struct Token {
    std::string_view text;
    int columns = 0;
    enum Kind { Word, Space, Wide } kind = Word;
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ') {
            tokens.push_back({s.substr(i, 1), 1, Token::Space});
            ++i;
            continue;
        }
        const std::size_t length = utf8::sequenceLength(s, i);
        if (length > 1) {
            tokens.push_back({s.substr(i, length), 2, Token::Wide});
            i += length;
            continue;
        }
        // ASCII or a stray byte: extend the current word.
        if (!tokens.empty() && tokens.back().kind == Token::Word) {
            Token& word = tokens.back();
            word.text = std::string_view(word.text.data(), word.text.size() + 1);
            ++word.columns;
        } else {
            tokens.push_back({s.substr(i, 1), 1, Token::Word});
        }
        ++i;
    }
    return tokens;
}

// Punctuation that must not begin a line (a minimal Chinese line-breaking rule).
bool closesPhrase(std::string_view ch) {
    static constexpr std::array<std::string_view, 16> kClosing{"，", "。", "、", "；", "：", "！",
                                                               "？", "）", "》", "」", "』", "】",
                                                               "〉", "”",  "’",  "…"};
    return std::find(kClosing.begin(), kClosing.end(), ch) != kClosing.end();
}

class LineBuilder {
public:
    explicit LineBuilder(int columns) : m_columns(columns) {}

    void add(const Token& token) {
        if (token.kind == Token::Space) {
            // Spaces count between words on one line and at the very start; at a break they
            // are dropped.
            if (!m_parts.empty() || m_lines.empty()) {
                ++m_pendingSpaces;
            }
            return;
        }
        if (m_width + m_pendingSpaces + token.columns <= m_columns) {
            append(token);
            return;
        }
        if (token.kind == Token::Wide && closesPhrase(token.text) && m_pendingSpaces == 0 &&
            m_parts.size() > 1 && m_parts.back().kind == Token::Wide) {
            // Take the character before the punctuation along to the next line.
            const Token last = m_parts.back();
            m_parts.pop_back();
            m_width -= last.columns;
            breakLine();
            append(last);
            append(token);
            return;
        }
        if (m_parts.empty()) {
            m_pendingSpaces = 0;
        } else {
            breakLine();
        }
        if (token.columns <= m_columns) {
            append(token);
            return;
        }
        // A word longer than a line (a long code, say) is cut into full lines.
        std::string_view rest = token.text;
        while (rest.size() > std::size_t(m_columns)) {
            append({rest.substr(0, std::size_t(m_columns)), m_columns, Token::Word});
            breakLine();
            rest.remove_prefix(std::size_t(m_columns));
        }
        append({rest, int(rest.size()), Token::Word});
    }

    std::vector<std::string> finish() {
        if (!m_parts.empty() || m_lines.empty()) {
            breakLine();
        }
        return std::move(m_lines);
    }

private:
    void append(const Token& token) {
        if (m_pendingSpaces > 0) {
            m_parts.push_back({{}, m_pendingSpaces, Token::Space});
            m_width += m_pendingSpaces;
            m_pendingSpaces = 0;
        }
        m_parts.push_back(token);
        m_width += token.columns;
    }

    void breakLine() {
        while (!m_parts.empty() && m_parts.back().kind == Token::Space) {
            m_parts.pop_back();
        }
        std::string line;
        for (const Token& t : m_parts) {
            if (t.kind == Token::Space) {
                line.append(std::size_t(t.columns), ' ');
            } else {
                line.append(t.text);
            }
        }
        m_lines.push_back(std::move(line));
        m_parts.clear();
        m_width = 0;
        m_pendingSpaces = 0;
    }

    int m_columns;
    std::vector<Token> m_parts;
    int m_width = 0;
    int m_pendingSpaces = 0;
    std::vector<std::string> m_lines;
};

}  // namespace

int displayColumns(std::string_view s) {
    int columns = 0;
    for (const Token& t : tokenize(s)) {
        columns += t.columns;
    }
    return columns;
}

std::vector<std::string> wrapColumns(std::string_view utf8, int columns) {
    LineBuilder builder(std::max(columns, 2));
    for (const Token& token : tokenize(utf8)) {
        builder.add(token);
    }
    return builder.finish();
}

}  // namespace vax

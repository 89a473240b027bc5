#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include <opencv2/core.hpp>

namespace vax::test {

/// A printed line of text, decoded to UTF-8, with the print state it was printed in.
struct EscPosText {
    std::string text;
    bool bold = false;
    int widthScale = 1;
    int heightScale = 1;
    int align = 0;  ///< 0 left, 1 centre, 2 right
};

/// A QR code printed by GS ( k fn 81, with the stored data and settings.
struct EscPosQr {
    std::string data;
    int model = 50;       ///< fn 65: 49 model 1, 50 model 2
    int moduleSize = 3;   ///< fn 67
    int errorLevel = 48;  ///< fn 69: 48 L, 49 M, 50 Q, 51 H
};

/// A bit image printed by GS v 0 (CV_8UC1, 0 = dot printed, 255 = paper).
struct EscPosRaster {
    cv::Mat image;
};

/// Paper fed without printing (ESC d, ESC J, LF on an empty line), in dots.
struct EscPosFeed {
    int dots = 0;
};

/// GS V.
struct EscPosCut {
    int mode = 0;  ///< m of GS V
};

using EscPosElement = std::variant<EscPosText, EscPosQr, EscPosRaster, EscPosFeed, EscPosCut>;

/// A small ESC/POS printer in software, for tests: runs a byte stream, keeps the decoded
/// elements and draws the paper (text as placeholder boxes, QR codes from their stored data
/// with ZXing's writer at the module size, bit images as sent). Anything it does not know, or a
/// line wider than the paper (the printer would wrap it), is recorded in errors().
class EscPosInterpreter {
public:
    /// A printer `dotsPerLine` dots wide whose Chinese mode reads `encoding` (an iconv name).
    explicit EscPosInterpreter(int dotsPerLine = 576, std::string encoding = "GB18030");

    /// Runs `bytes` from the start of a job. Stops at the first unknown or truncated command.
    void run(std::span<const std::uint8_t> bytes);

    const std::vector<EscPosElement>& elements() const { return m_elements; }
    /// The text of the printed lines, in order.
    std::vector<std::string> textLines() const;
    /// The QR codes printed natively, in order.
    std::vector<EscPosQr> qrCodes() const;
    /// The bit images printed, in order.
    std::vector<cv::Mat> rasters() const;
    /// Number of GS V cuts.
    int cuts() const;
    /// Number of ESC @ resets.
    int resets() const { return m_resets; }
    /// True when FS & turned Chinese mode on (and no ESC @ or FS . turned it off since).
    bool chineseMode() const { return m_chinese; }
    /// What the interpreter did not understand; empty for a clean job.
    const std::vector<std::string>& errors() const { return m_errors; }
    /// The paper printed so far (CV_8UC1, dotsPerLine wide, white where nothing printed).
    cv::Mat page() const;

private:
    void reset();
    void flushLine(bool emptyFeeds);
    void printQr();
    void drawAt(const cv::Mat& ink, int height);
    void grow(int rows);
    void fail(std::string message);
    std::string decode(const std::string& bytes);

    int m_dotsPerLine;
    std::string m_encoding;
    std::vector<EscPosElement> m_elements;
    std::vector<std::string> m_errors;
    cv::Mat m_paper;
    int m_y = 0;
    int m_resets = 0;

    // Print state.
    bool m_chinese = false;
    bool m_bold = false;
    int m_widthScale = 1;
    int m_heightScale = 1;
    int m_align = 0;
    std::string m_line;  // raw bytes of the line being collected
    int m_lineDots = 0;

    // QR symbol storage.
    std::string m_qrData;
    int m_qrModel = 50;
    int m_qrModule = 3;
    int m_qrLevel = 48;
};

}  // namespace vax::test

#define ZX_USE_UTF8 1
#include "support/EscPosInterpreter.h"

#include <errno.h>
#include <iconv.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <opencv2/imgproc.hpp>

namespace vax::test {

namespace {

constexpr int kCharWidth = 12;  // font A
constexpr int kCharHeight = 24;
constexpr int kLineSpacing = 30;  // ESC 2 default

std::string hex(std::uint8_t b) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", b);
    return text;
}

}  // namespace

EscPosInterpreter::EscPosInterpreter(int dotsPerLine, std::string encoding)
    : m_dotsPerLine(dotsPerLine), m_encoding(std::move(encoding)) {}

void EscPosInterpreter::reset() {
    m_chinese = false;  // back to the power-on default, which we take to be "off"
    m_bold = false;
    m_widthScale = 1;
    m_heightScale = 1;
    m_align = 0;
    m_line.clear();
    m_lineDots = 0;
}

void EscPosInterpreter::fail(std::string message) {
    m_errors.push_back(std::move(message));
}

void EscPosInterpreter::grow(int rows) {
    if (m_paper.rows < rows) {
        m_paper.push_back(cv::Mat(rows - m_paper.rows, m_dotsPerLine, CV_8UC1, cv::Scalar(255)));
    }
}

cv::Mat EscPosInterpreter::page() const {
    cv::Mat out = m_paper.clone();
    if (out.empty()) {
        out = cv::Mat(1, m_dotsPerLine, CV_8UC1, cv::Scalar(255));
    }
    return out;
}

// Places `ink` (CV_8UC1) on the current line by the alignment, then moves down `height` dots.
void EscPosInterpreter::drawAt(const cv::Mat& ink, int height) {
    grow(m_y + std::max(height, ink.rows));
    const int width = std::min(ink.cols, m_dotsPerLine);
    const int x = m_align == 1   ? (m_dotsPerLine - width) / 2
                  : m_align == 2 ? m_dotsPerLine - width
                                 : 0;
    cv::Mat target = m_paper(cv::Rect(x, m_y, width, ink.rows));
    cv::min(target, ink(cv::Rect(0, 0, width, ink.rows)), target);
    m_y += height;
}

std::string EscPosInterpreter::decode(const std::string& bytes) {
    const iconv_t cd = ::iconv_open("UTF-8", m_encoding.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        fail("unknown encoding " + m_encoding);
        return bytes;
    }
    std::string in = bytes;
    std::string out(in.size() * 4 + 4, '\0');
    char* from = in.data();
    std::size_t fromLeft = in.size();
    char* to = out.data();
    std::size_t toLeft = out.size();
    if (::iconv(cd, &from, &fromLeft, &to, &toLeft) == std::size_t(-1)) {
        fail("text not valid in " + m_encoding + ": errno " + std::to_string(errno));
    }
    ::iconv_close(cd);
    out.resize(out.size() - toLeft);
    return out;
}

void EscPosInterpreter::flushLine(bool emptyFeeds) {
    const int lineHeight = std::max(kLineSpacing, kCharHeight * m_heightScale);
    if (m_line.empty()) {
        if (emptyFeeds) {
            m_elements.emplace_back(EscPosFeed{lineHeight});
            grow(m_y + lineHeight);
            m_y += lineHeight;
        }
        return;
    }
    // Placeholder ink: one outlined box per character cell.
    cv::Mat ink(kCharHeight * m_heightScale, m_lineDots, CV_8UC1, cv::Scalar(255));
    int x = 0;
    for (std::size_t i = 0; i < m_line.size();) {
        const auto b = static_cast<unsigned char>(m_line[i]);
        std::size_t length = 1;
        if (m_chinese && b >= 0x81) {
            const bool four =
                i + 1 < m_line.size() && m_line[i + 1] >= 0x30 && m_line[i + 1] <= 0x39;
            length = four ? 4 : 2;
        }
        const int w = (length == 1 ? kCharWidth : 2 * kCharWidth) * m_widthScale;
        if (b != ' ') {
            cv::rectangle(ink, cv::Rect(x + 2, 2, w - 4, ink.rows - 4),
                          cv::Scalar(m_bold ? 96 : 160), 1);
        }
        x += w;
        i += length;
    }
    m_elements.emplace_back(
        EscPosText{decode(m_line), m_bold, m_widthScale, m_heightScale, m_align});
    drawAt(ink, lineHeight);
    m_line.clear();
    m_lineDots = 0;
}

void EscPosInterpreter::printQr() {
    if (m_qrData.empty()) {
        fail("QR print without stored data");
        return;
    }
    m_elements.emplace_back(EscPosQr{m_qrData, m_qrModel, m_qrModule, m_qrLevel});
    // Draw what a printer would: the stored bytes, ZXing's choice of version and mask.
    std::wstring latin1;
    for (const char c : m_qrData) {
        latin1.push_back(wchar_t(static_cast<unsigned char>(c)));
    }
    static constexpr std::array<int, 4> kZxingLevel{1, 2, 5, 8};  // L, M, Q, H on ZXing's 0..8
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::ISO8859_1);
        writer.setEccLevel(kZxingLevel[std::size_t(std::clamp(m_qrLevel - 48, 0, 3))]);
        writer.setMargin(0);  // the printer prints no quiet zone
        const ZXing::BitMatrix bits = writer.encode(latin1, 0, 0);
        cv::Mat ink(bits.height() * m_qrModule, bits.width() * m_qrModule, CV_8UC1,
                    cv::Scalar(255));
        for (int y = 0; y < bits.height(); ++y) {
            for (int x = 0; x < bits.width(); ++x) {
                if (bits.get(x, y)) {
                    ink(cv::Rect(x * m_qrModule, y * m_qrModule, m_qrModule, m_qrModule)).setTo(0);
                }
            }
        }
        if (ink.cols > m_dotsPerLine) {
            fail("QR code wider than the paper");
        }
        drawAt(ink, ink.rows);
    } catch (const std::exception& e) {
        fail(std::string("QR data cannot be encoded: ") + e.what());
    }
}

void EscPosInterpreter::run(std::span<const std::uint8_t> bytes) {
    std::size_t i = 0;
    const auto need = [&](std::size_t n) {
        if (i + n > bytes.size()) {
            fail("truncated command at byte " + std::to_string(i));
            return false;
        }
        return true;
    };
    while (i < bytes.size() && m_errors.empty()) {
        const std::uint8_t b = bytes[i];
        if (b == 0x0A) {  // LF
            flushLine(true);
            ++i;
        } else if (b == 0x1B) {  // ESC
            if (!need(2)) {
                break;
            }
            const std::uint8_t c = bytes[i + 1];
            if (c == '@') {
                flushLine(false);
                reset();
                ++m_resets;
                i += 2;
                continue;
            }
            if (c == '2') {
                i += 2;
                continue;
            }
            if (!need(3)) {
                break;
            }
            const std::uint8_t n = bytes[i + 2];
            i += 3;
            switch (c) {
                case 'a':
                    m_align = n >= '0' ? n - '0' : n;
                    break;
                case 'E':
                    m_bold = (n & 1) != 0;
                    break;
                case '!':
                    m_bold = (n & 0x08) != 0;
                    m_heightScale = (n & 0x10) != 0 ? 2 : 1;
                    m_widthScale = (n & 0x20) != 0 ? 2 : 1;
                    break;
                case 't':
                    break;
                case 'd':
                case 'J': {
                    flushLine(false);
                    const int dots = c == 'd' ? n * kLineSpacing : n;
                    m_elements.emplace_back(EscPosFeed{dots});
                    grow(m_y + dots);
                    m_y += dots;
                    break;
                }
                default:
                    fail("unknown command ESC " + hex(c));
            }
        } else if (b == 0x1D) {  // GS
            if (!need(3)) {
                break;
            }
            const std::uint8_t c = bytes[i + 1];
            if (c == '!') {
                const std::uint8_t n = bytes[i + 2];
                m_widthScale = (n >> 4 & 7) + 1;
                m_heightScale = (n & 7) + 1;
                i += 3;
            } else if (c == 'V') {
                const std::uint8_t m = bytes[i + 2];
                const bool withFeed = m == 65 || m == 66;
                if (withFeed && !need(4)) {
                    break;
                }
                flushLine(false);
                m_elements.emplace_back(EscPosCut{m});
                i += withFeed ? 4 : 3;
            } else if (c == '(' && bytes[i + 2] == 'k') {
                if (!need(5)) {
                    break;
                }
                const std::size_t length = bytes[i + 3] + std::size_t(bytes[i + 4]) * 256;
                i += 5;
                if (length < 2 || !need(length)) {
                    fail("bad GS ( k length");
                    break;
                }
                const std::span<const std::uint8_t> p = bytes.subspan(i, length);
                i += length;
                if (p[0] != 49) {
                    fail("GS ( k for a symbol other than QR: cn " + std::to_string(p[0]));
                    break;
                }
                switch (p[1]) {
                    case 65:
                        m_qrModel = length >= 3 ? p[2] : 0;
                        break;
                    case 67:
                        m_qrModule = length >= 3 ? p[2] : 0;
                        break;
                    case 69:
                        m_qrLevel = length >= 3 ? p[2] : 0;
                        break;
                    case 80:
                        m_qrData.assign(p.begin() + 3, p.end());
                        break;
                    case 81:
                        flushLine(false);
                        printQr();
                        break;
                    default:
                        fail("unknown QR function " + std::to_string(p[1]));
                }
            } else if (c == 'v' && bytes[i + 2] == '0') {
                if (!need(8)) {
                    break;
                }
                const int mode = bytes[i + 3];
                const int widthBytes = bytes[i + 4] + bytes[i + 5] * 256;
                const int rows = bytes[i + 6] + bytes[i + 7] * 256;
                i += 8;
                if (mode != 0 && mode != 48) {
                    fail("GS v 0 scaled modes are not emulated");
                    break;
                }
                if (!need(std::size_t(widthBytes) * std::size_t(rows))) {
                    break;
                }
                if (widthBytes * 8 > m_dotsPerLine) {
                    fail("bit image wider than the paper");
                }
                flushLine(false);
                cv::Mat image(rows, widthBytes * 8, CV_8UC1, cv::Scalar(255));
                for (int y = 0; y < rows; ++y) {
                    for (int x = 0; x < widthBytes * 8; ++x) {
                        const std::uint8_t byte = bytes[i + std::size_t(y * widthBytes + x / 8)];
                        if ((byte >> (7 - x % 8) & 1) != 0) {
                            image.at<std::uint8_t>(y, x) = 0;
                        }
                    }
                }
                i += std::size_t(widthBytes) * std::size_t(rows);
                m_elements.emplace_back(EscPosRaster{image});
                drawAt(image(cv::Rect(0, 0, std::min(image.cols, m_dotsPerLine), rows)), rows);
            } else {
                fail("unknown command GS " + hex(c));
            }
        } else if (b == 0x1C) {  // FS
            if (!need(2)) {
                break;
            }
            const std::uint8_t c = bytes[i + 1];
            if (c == '&') {
                m_chinese = true;
            } else if (c == '.') {
                m_chinese = false;
            } else {
                fail("unknown command FS " + hex(c));
            }
            i += 2;
        } else if (b == 0x10) {
            fail("DLE (real-time command) inside the job at byte " + std::to_string(i));
        } else if (b < 0x20 || b == 0x7F) {
            fail("unexpected control byte " + hex(b) + " at byte " + std::to_string(i));
        } else {
            std::size_t length = 1;
            if (b >= 0x80) {
                if (!m_chinese) {
                    fail("byte " + hex(b) + " above 0x7F outside Chinese mode");
                    break;
                }
                if (b == 0x80 || b == 0xFF || !need(2)) {
                    fail("invalid GB18030 lead byte " + hex(b));
                    break;
                }
                length = bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 ? 4 : 2;
                if (!need(length)) {
                    break;
                }
            }
            const int width = (length == 1 ? kCharWidth : 2 * kCharWidth) * m_widthScale;
            if (m_lineDots + width > m_dotsPerLine) {
                fail("line wider than the paper (the printer would wrap it): \"" + decode(m_line) +
                     "\"");
                break;
            }
            m_line.append(reinterpret_cast<const char*>(bytes.data() + i), length);
            m_lineDots += width;
            i += length;
        }
    }
}

std::vector<std::string> EscPosInterpreter::textLines() const {
    std::vector<std::string> lines;
    for (const EscPosElement& e : m_elements) {
        if (const auto* text = std::get_if<EscPosText>(&e)) {
            lines.push_back(text->text);
        }
    }
    return lines;
}

std::vector<EscPosQr> EscPosInterpreter::qrCodes() const {
    std::vector<EscPosQr> codes;
    for (const EscPosElement& e : m_elements) {
        if (const auto* code = std::get_if<EscPosQr>(&e)) {
            codes.push_back(*code);
        }
    }
    return codes;
}

std::vector<cv::Mat> EscPosInterpreter::rasters() const {
    std::vector<cv::Mat> images;
    for (const EscPosElement& e : m_elements) {
        if (const auto* raster = std::get_if<EscPosRaster>(&e)) {
            images.push_back(raster->image);
        }
    }
    return images;
}

int EscPosInterpreter::cuts() const {
    return int(std::count_if(m_elements.begin(), m_elements.end(), [](const EscPosElement& e) {
        return std::holds_alternative<EscPosCut>(e);
    }));
}

}  // namespace vax::test

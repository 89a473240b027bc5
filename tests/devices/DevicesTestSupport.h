#pragma once

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "devices/PrinterProfile.h"
#include "devices/PrinterTransport.h"
#include "devices/TicketDocument.h"

namespace vax::test {

/// The texts of the QR codes ZXing finds in a grey page image.
inline std::vector<std::string> readQrCodes(const cv::Mat& grey) {
    CV_Assert(grey.type() == CV_8UC1);
    const cv::Mat page = grey.isContinuous() ? grey : grey.clone();
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryDownscale(false);  // Debian's ZXing 1.4.0 asserts with it on some images
    hints.setTryHarder(true);
    const ZXing::ImageView view(page.data, page.cols, page.rows, ZXing::ImageFormat::Lum,
                                int(page.step));
    std::vector<std::string> texts;
    for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints)) {
        if (r.isValid()) {
            texts.push_back(r.text());
        }
    }
    return texts;
}

/// A signed-ticket-like QR text: "VK1:" and base45 characters (QR alphanumeric mode).
inline std::string sampleSignedText(std::size_t length = 160, unsigned seed = 7) {
    static constexpr char kBase45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    std::string text = "VK1:";
    unsigned state = seed;
    while (text.size() < length) {
        state = state * 1103515245u + 12345u;
        text.push_back(kBase45[(state >> 16) % 45]);
    }
    return text;
}

/// A dose ticket as the station prints it.
inline DoseTicketView sampleDoseTicket(bool reprint = false) {
    DoseTicketView v;
    v.siteName = "朝阳区第一社区卫生服务中心接种点";
    v.maskedId = "110105********123X";
    v.productName = "新冠病毒灭活疫苗(Vero细胞)";
    v.lot = "202111A034";
    v.doseNumber = 2;
    v.station = "3号台 Station 3";
    v.vaccinatedAt = "2021-11-24 09:35";
    v.observationEndsAt = "2021-11-24 10:05";
    v.qrText = sampleSignedText();
    v.reprint = reprint;
    v.observationMinutes = 30;
    return v;
}

/// A queue slip as the entry kiosk prints it.
inline QueueSlipView sampleQueueSlip(bool reprint = false) {
    QueueSlipView v;
    v.siteName = "朝阳区第一社区卫生服务中心接种点";
    v.queueLabel = "A007";
    v.maskedId = "110105********123X";
    v.decisionZh = "请到A台登记";
    v.decisionEn = "Please go to desk A";
    v.issuedAt = "2021-11-24 09:12";
    v.qrText = sampleSignedText(120, 3);
    v.reprint = reprint;
    return v;
}

/// openPrinter() that must succeed (a test failure and nullptr otherwise).
inline std::unique_ptr<PrinterTransport> mustOpen(std::string_view uri,
                                                  const PrinterTransportOptions& options = {}) {
    Result<std::unique_ptr<PrinterTransport>> opened = openPrinter(uri, options);
    EXPECT_TRUE(opened.ok()) << uri << ": " << (opened.ok() ? "" : opened.error().message);
    return opened.ok() ? std::move(opened).value() : nullptr;
}

}  // namespace vax::test

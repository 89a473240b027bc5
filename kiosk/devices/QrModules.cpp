#define ZX_USE_UTF8 1
#include "devices/QrModules.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <exception>
#include <string>

namespace vax {

Result<QrModules> encodeQr(std::string_view text) {
    if (text.empty()) {
        return Error{"QR code without text"};
    }
    // Each byte becomes one Latin-1 character, so the code holds the bytes unchanged whatever
    // they are (a printer stores bytes too and adds no ECI).
    std::wstring latin1;
    latin1.reserve(text.size());
    for (const char c : text) {
        latin1.push_back(wchar_t(static_cast<unsigned char>(c)));
    }
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::ISO8859_1);
        writer.setEccLevel(2);  // ZXing's 0..8 scale: 2 is M
        writer.setMargin(0);
        const ZXing::BitMatrix bits = writer.encode(latin1, 0, 0);
        QrModules modules;
        modules.size = bits.width();
        modules.dark.resize(std::size_t(bits.width()) * std::size_t(bits.height()));
        for (int y = 0; y < bits.height(); ++y) {
            for (int x = 0; x < bits.width(); ++x) {
                modules.dark[std::size_t(y) * std::size_t(bits.width()) + x] = bits.get(x, y);
            }
        }
        return modules;
    } catch (const std::exception& e) {
        // ZXing throws when the data exceeds version 40.
        return Error{"QR code text of " + std::to_string(text.size()) +
                     " bytes cannot be encoded: " + e.what()};
    }
}

Result<int> fitQrModuleSize(int hint, int modules, int dots, int minimum) {
    const int fits = dots / (modules + 2 * kQrQuietZone);
    const int size = std::min(std::max(hint, minimum), fits);
    if (size < minimum) {
        return Error{"QR code of " + std::to_string(modules) + " modules does not fit " +
                     std::to_string(dots) + " dots at " + std::to_string(minimum) +
                     " dots per module"};
    }
    return size;
}

}  // namespace vax

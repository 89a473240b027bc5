#include "devices/PrinterProfile.h"

#include <iconv.h>

namespace vax {

namespace {

PrinterProfile makeProfile(std::string name, int paperMm, QrSupport qr) {
    PrinterProfile p;
    p.name = std::move(name);
    p.paperWidthMm = paperMm;
    p.dotsPerLine = paperMm == 58 ? 384 : 576;
    p.qr = qr;
    return p;
}

}  // namespace

const std::vector<PrinterProfile>& builtinPrinterProfiles() {
    static const std::vector<PrinterProfile> profiles{
        makeProfile("generic-80-native-qr", 80, QrSupport::Native),
        makeProfile("generic-80-raster", 80, QrSupport::RasterOnly),
        makeProfile("generic-58-native-qr", 58, QrSupport::Native),
        makeProfile("generic-58-raster", 58, QrSupport::RasterOnly),
    };
    return profiles;
}

const PrinterProfile& defaultPrinterProfile() {
    return builtinPrinterProfiles().front();
}

Result<PrinterProfile> printerProfile(std::string_view name) {
    std::string known;
    for (const PrinterProfile& profile : builtinPrinterProfiles()) {
        if (profile.name == name) {
            return profile;
        }
        known += known.empty() ? "" : ", ";
        known += profile.name;
    }
    return Error{"unknown printer profile '" + std::string(name) + "' (known: " + known + ")"};
}

Status validatePrinterProfile(const PrinterProfile& profile) {
    const std::string who = "printer profile '" + profile.name + "': ";
    if (profile.name.empty()) {
        return Error{"printer profile without a name"};
    }
    if (profile.paperWidthMm != 58 && profile.paperWidthMm != 80) {
        return Error{who + "paper width must be 58 or 80 mm"};
    }
    if (profile.dotsPerMm < 1 || profile.dotsPerMm > 24) {
        return Error{who + "dots per mm must be between 1 and 24"};
    }
    // Bit images go out in whole bytes, so the line is a multiple of 8 dots.
    if (profile.dotsPerLine < 96 || profile.dotsPerLine % 8 != 0 ||
        profile.dotsPerLine > profile.paperWidthMm * profile.dotsPerMm) {
        return Error{who + "dots per line must be a multiple of 8 that fits the paper"};
    }
    if (profile.codePage && (*profile.codePage < 0 || *profile.codePage > 255)) {
        return Error{who + "code page must be 0..255"};
    }
    const iconv_t cd = ::iconv_open(profile.textEncoding.c_str(), "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return Error{who + "text encoding '" + profile.textEncoding + "' is not known to iconv"};
    }
    ::iconv_close(cd);
    return okStatus();
}

}  // namespace vax

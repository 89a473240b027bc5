#include "devices/PrinterTransport.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "devices/CupsTransport.h"
#include "devices/FileTransport.h"
#include "devices/PreviewTransport.h"
#include "devices/TcpTransport.h"

namespace vax {

namespace {

constexpr std::uint16_t kRawPrintPort = 9100;

const char* const kUriHelp =
    "use file:/dev/usb/lp0, tcp://HOST:9100, cups:QUEUE, png:DIR or pdf:DIR";

Error bad(std::string_view uri, const std::string& why) {
    return Error{"printer URI '" + std::string(uri) + "': " + why};
}

Result<std::unique_ptr<PrinterTransport>> openFile(std::string_view uri, std::string_view rest,
                                                   const PrinterTransportOptions& options) {
    if (rest.starts_with("//")) {  // file:///dev/usb/lp0
        rest.remove_prefix(2);
    }
    if (rest.empty() || rest.front() != '/') {
        return bad(uri, "file: needs an absolute path, e.g. file:/dev/usb/lp0");
    }
    return std::unique_ptr<PrinterTransport>(
        std::make_unique<FileTransport>(std::string(uri), std::string(rest), options));
}

Result<std::unique_ptr<PrinterTransport>> openTcp(std::string_view uri, std::string_view rest,
                                                  const PrinterTransportOptions& options) {
    if (rest.ends_with('/')) {
        rest.remove_suffix(1);
    }
    std::string_view host = rest;
    std::string_view port;
    bool hasPort = false;
    if (rest.starts_with('[')) {  // [::1]:9100
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos) {
            return bad(uri, "IPv6 address without ']'");
        }
        host = rest.substr(1, close - 1);
        const std::string_view after = rest.substr(close + 1);
        if (!after.empty() && !after.starts_with(':')) {
            return bad(uri, "expected ':PORT' after the IPv6 address");
        }
        hasPort = !after.empty();
        port = hasPort ? after.substr(1) : after;
    } else if (const std::size_t colon = rest.find(':'); colon != std::string_view::npos) {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
        hasPort = true;
        if (port.find(':') != std::string_view::npos) {
            return bad(uri, "write IPv6 addresses in brackets: tcp://[::1]:9100");
        }
    }
    if (host.empty()) {
        return bad(uri, "no host; expected tcp://HOST[:PORT]");
    }
    if (host.find_first_of("/?#@ ") != std::string_view::npos ||
        port.find_first_of("/?#") != std::string_view::npos) {
        return bad(uri, "tcp: takes HOST[:PORT] only, no path, query or user");
    }
    std::uint16_t number = kRawPrintPort;
    if (hasPort) {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value == 0 ||
            value > 65535) {
            return bad(uri, "port must be a number from 1 to 65535");
        }
        number = std::uint16_t(value);
    }
    return std::unique_ptr<PrinterTransport>(
        std::make_unique<TcpTransport>(std::string(uri), std::string(host), number, options));
}

Result<std::unique_ptr<PrinterTransport>> openCups(std::string_view uri, std::string_view queue,
                                                   const PrinterTransportOptions& options) {
    if (queue.empty()) {
        return bad(uri, "no queue name; expected cups:QUEUE (see lpstat -p)");
    }
    // CUPS names are printable characters without space, '/', '#' or quotes; a leading '-'
    // would read as an option to lp.
    const bool printable = std::all_of(queue.begin(), queue.end(), [](char c) {
        return c > ' ' && c < 0x7F && c != '/' && c != '#' && c != '\\' && c != '\'' && c != '"';
    });
    if (!printable || queue.front() == '-') {
        return bad(uri, "not a CUPS queue name (no spaces, '/', '#', quotes or leading '-')");
    }
    return std::unique_ptr<PrinterTransport>(
        std::make_unique<CupsTransport>(std::string(uri), std::string(queue), options));
}

Result<std::unique_ptr<PrinterTransport>> openPreview(std::string_view uri, std::string_view dir,
                                                      TransportFormat format) {
    if (dir.empty()) {
        return bad(uri, "no folder; expected png:DIR or pdf:DIR");
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(std::filesystem::path(dir), ec)) {
        return bad(uri, "folder " + std::string(dir) + " does not exist");
    }
    return std::unique_ptr<PrinterTransport>(
        std::make_unique<PreviewTransport>(std::string(uri), std::filesystem::path(dir), format));
}

}  // namespace

Result<std::unique_ptr<PrinterTransport>> openPrinter(std::string_view uri,
                                                      const PrinterTransportOptions& options) {
    if (uri.empty()) {
        return Error{std::string("no printer URI given: ") + kUriHelp};
    }
    if (uri.starts_with("file:")) {
        return openFile(uri, uri.substr(5), options);
    }
    if (uri.starts_with("tcp://")) {
        return openTcp(uri, uri.substr(6), options);
    }
    if (uri.starts_with("cups:")) {
        return openCups(uri, uri.substr(5), options);
    }
    if (uri.starts_with("png:")) {
        return openPreview(uri, uri.substr(4), TransportFormat::Png);
    }
    if (uri.starts_with("pdf:")) {
        return openPreview(uri, uri.substr(4), TransportFormat::Pdf);
    }
    return bad(uri, std::string("unknown kind of printer; ") + kUriHelp);
}

}  // namespace vax

// libFuzzer target for signed codes: the parser reads whatever a scanner hands over, so it may
// not crash on any text, and whatever it accepts must be exactly what the encoder writes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "FuzzRequire.h"
#include "core/Base45.h"
#include "core/SignedCode.h"

namespace {

using namespace vax;

using fuzz::require;

void checkParse(std::string_view text) {
    const auto parsed = parseSignedCode(text);
    if (!parsed) {
        require(!parsed.error().message.empty());
        return;
    }
    const SignedCode& code = *parsed;
    const bool isSlip = std::holds_alternative<QueueSlip>(code.body);
    require(isSlip == (code.header.kind == SignedCodeKind::QueueSlip));

    // Without this round trip a signature over signedPart could vouch for fields that the
    // parser read differently from how the signer wrote them.
    const auto again = encodeSignedPart(code.header, code.body);
    require(again.ok() && *again == code.signedPart);
    // Base45 has one spelling per byte string, so the text itself comes back too.
    require(toSignedCodeText(code.signedPart, code.signature) == text);
}

void checkBase45(const std::vector<std::uint8_t>& bytes, const std::string& text) {
    const auto decoded = base45Decode(text);
    require(decoded.ok() && *decoded == bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // As scanned text, which mostly exercises the prefix and Base45 checks...
    checkParse(std::string_view(reinterpret_cast<const char*>(data), size));

    // ...and as the code's bytes, which reaches the binary parser with every input.
    const std::vector<std::uint8_t> bytes(data, data + size);
    const std::string encoded = base45Encode(bytes);
    checkBase45(bytes, encoded);
    checkParse(std::string(kSignedCodePrefix) + encoded);
    return 0;
}

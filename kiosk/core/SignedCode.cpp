#include "core/SignedCode.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "core/Base45.h"

namespace vax {

namespace {

constexpr std::size_t kMaxFieldBytes = 255;
// version, kind, keyId, site id length: the least a signed part can be.
constexpr std::size_t kMinHeaderBytes = 1 + 1 + 4 + 1;

constexpr std::string_view kTruncated = "truncated";

bool isDesk(char desk) {
    return desk >= 'A' && desk <= 'Z';
}

// Big-endian writer that keeps the first error, so field lists read as straight lines.
class Writer {
public:
    void u8(std::uint8_t value) { m_out.push_back(value); }
    void u16(std::uint16_t value) { unsignedBigEndian(value, 2); }
    void u32(std::uint32_t value) { unsignedBigEndian(value, 4); }
    // Two's complement bit pattern; the conversion is well defined since C++20.
    void i64(std::int64_t value) { unsignedBigEndian(static_cast<std::uint64_t>(value), 8); }
    void raw(const std::uint8_t* data, std::size_t size) {
        m_out.insert(m_out.end(), data, data + size);
    }

    void text(std::string_view field, std::string_view value) {
        lengthPrefixed(field, reinterpret_cast<const std::uint8_t*>(value.data()), value.size());
    }
    void bytes(std::string_view field, const std::vector<std::uint8_t>& value) {
        lengthPrefixed(field, value.data(), value.size());
    }

    void fail(std::string message) {
        if (m_error.empty()) {
            m_error = std::move(message);
        }
    }

    Result<std::vector<std::uint8_t>> finish() && {
        if (!m_error.empty()) {
            return Error{std::move(m_error)};
        }
        return std::move(m_out);
    }

private:
    void unsignedBigEndian(std::uint64_t value, int size) {
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
            m_out.push_back(static_cast<std::uint8_t>((value >> shift) & 0xFFU));
        }
    }

    void lengthPrefixed(std::string_view field, const std::uint8_t* data, std::size_t size) {
        if (size > kMaxFieldBytes) {
            fail(std::string(field) + " is longer than 255 bytes");
            return;
        }
        u8(static_cast<std::uint8_t>(size));
        raw(data, size);
    }

    std::vector<std::uint8_t> m_out;
    std::string m_error;
};

// Bounds-checked big-endian reader. Past the end every read yields zero and the reader
// remembers "truncated"; the first error wins, so later reads cannot mask it.
class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(unsignedBigEndian(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(unsignedBigEndian(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(unsignedBigEndian(4)); }
    std::int64_t i64() { return static_cast<std::int64_t>(unsignedBigEndian(8)); }

    template <std::size_t N>
    void raw(std::array<std::uint8_t, N>& out) {
        if (take(N)) {
            std::copy_n(m_data + m_pos - N, N, out.begin());
        }
    }

    std::string text() {
        const std::size_t size = u8();
        if (!take(size)) {
            return {};
        }
        return std::string(reinterpret_cast<const char*>(m_data + m_pos - size), size);
    }

    std::vector<std::uint8_t> bytes() {
        const std::size_t size = u8();
        if (!take(size)) {
            return {};
        }
        return std::vector<std::uint8_t>(m_data + m_pos - size, m_data + m_pos);
    }

    void fail(std::string message) {
        if (m_error.empty()) {
            m_error = std::move(message);
        }
    }

    bool failed() const { return !m_error.empty(); }
    bool atEnd() const { return m_pos == m_size; }
    std::string takeError() && { return std::move(m_error); }

private:
    // Advances past `size` bytes if they are all there (and nothing failed before).
    bool take(std::size_t size) {
        if (failed()) {
            return false;
        }
        if (size > m_size - m_pos) {
            fail(std::string(kTruncated));
            return false;
        }
        m_pos += size;
        return true;
    }

    std::uint64_t unsignedBigEndian(std::size_t size) {
        if (!take(size)) {
            return 0;
        }
        std::uint64_t value = 0;
        for (std::size_t i = m_pos - size; i < m_pos; ++i) {
            value = (value << 8) | m_data[i];
        }
        return value;
    }

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::string m_error;
};

SignedCodeKind kindOf(const std::variant<QueueSlip, DoseTicket>& body) {
    return std::holds_alternative<QueueSlip>(body) ? SignedCodeKind::QueueSlip
                                                   : SignedCodeKind::DoseTicket;
}

void writeSlip(Writer& out, const QueueSlip& slip) {
    out.i64(slip.visitId);
    if (!isDesk(slip.desk)) {
        out.fail("desk must be a letter A to Z");
    }
    out.u8(static_cast<std::uint8_t>(slip.desk));
    out.u16(slip.number);
    out.raw(slip.person.data(), slip.person.size());
    out.text("masked ID", slip.maskedId);
    out.u8(slip.decision);
    out.i64(slip.issuedAtUnix);
    out.bytes("sealed ID", slip.sealedId);
    if (const auto& facts = slip.facts) {
        out.u32(static_cast<std::uint32_t>(facts->day));
        out.u32(facts->reasonMask);
        out.text("campaign step", facts->campaignStep);
        out.u8(facts->prior ? 1 : 0);
        if (const auto& prior = facts->prior) {
            out.u32(static_cast<std::uint32_t>(prior->lastDoseDay));
            out.text("prior product code", prior->productCode);
            out.u8(prior->dosesReceived);
            out.u8(prior->source);
        }
    }
}

void writeTicket(Writer& out, const DoseTicket& ticket) {
    out.i64(ticket.visitId);
    out.raw(ticket.person.data(), ticket.person.size());
    out.text("trace code", ticket.traceCode);
    out.text("product code", ticket.productCode);
    out.text("lot", ticket.lot);
    out.u8(ticket.doseNumber);
    out.text("station", ticket.station);
    out.i64(ticket.vaccinatedAtUnix);
    out.i64(ticket.observationEndsAtUnix);
    if (const auto& facts = ticket.facts) {
        out.u32(static_cast<std::uint32_t>(facts->day));
        if (!isDesk(facts->desk)) {
            out.fail("desk must be a letter A to Z");
        }
        out.u8(static_cast<std::uint8_t>(facts->desk));
        out.u16(facts->number);
        out.text("masked ID", facts->maskedId);
        out.bytes("sealed ID", facts->sealedId);
    }
}

QueueSlip readSlip(Reader& in) {
    QueueSlip slip;
    slip.visitId = in.i64();
    const std::uint8_t desk = in.u8();
    slip.desk = static_cast<char>(desk);
    // Checked here too: a code the encoder would refuse must not parse either.
    if (!in.failed() && !isDesk(slip.desk)) {
        in.fail("invalid desk " + std::to_string(desk));
    }
    slip.number = in.u16();
    in.raw(slip.person);
    slip.maskedId = in.text();
    slip.decision = in.u8();
    slip.issuedAtUnix = in.i64();
    slip.sealedId = in.bytes();
    if (!in.failed() && !in.atEnd()) {
        SlipVisitFacts facts;
        facts.day = static_cast<std::int32_t>(in.u32());
        facts.reasonMask = in.u32();
        facts.campaignStep = in.text();
        const std::uint8_t hasPrior = in.u8();
        if (hasPrior > 1) {
            in.fail("invalid prior-doses flag " + std::to_string(hasPrior));
        } else if (hasPrior == 1) {
            SlipVisitFacts::PriorDoses prior;
            prior.lastDoseDay = static_cast<std::int32_t>(in.u32());
            prior.productCode = in.text();
            prior.dosesReceived = in.u8();
            prior.source = in.u8();
            facts.prior = std::move(prior);
        }
        slip.facts = std::move(facts);
    }
    return slip;
}

DoseTicket readTicket(Reader& in) {
    DoseTicket ticket;
    ticket.visitId = in.i64();
    in.raw(ticket.person);
    ticket.traceCode = in.text();
    ticket.productCode = in.text();
    ticket.lot = in.text();
    ticket.doseNumber = in.u8();
    ticket.station = in.text();
    ticket.vaccinatedAtUnix = in.i64();
    ticket.observationEndsAtUnix = in.i64();
    if (!in.failed() && !in.atEnd()) {
        TicketVisitFacts facts;
        facts.day = static_cast<std::int32_t>(in.u32());
        const std::uint8_t desk = in.u8();
        facts.desk = static_cast<char>(desk);
        if (!in.failed() && !isDesk(facts.desk)) {
            in.fail("invalid desk " + std::to_string(desk));
        }
        facts.number = in.u16();
        facts.maskedId = in.text();
        facts.sealedId = in.bytes();
        ticket.facts = std::move(facts);
    }
    return ticket;
}

// Reads and checks version, kind and key id, then the site id.
void readHeader(Reader& in, SignedHeader& header) {
    header.version = in.u8();
    if (header.version != kSignedCodeVersion) {
        in.fail("unsupported version " + std::to_string(header.version));
        return;
    }
    const std::uint8_t kind = in.u8();
    if (kind != static_cast<std::uint8_t>(SignedCodeKind::QueueSlip) &&
        kind != static_cast<std::uint8_t>(SignedCodeKind::DoseTicket)) {
        in.fail("unknown code kind " + std::to_string(kind));
        return;
    }
    header.kind = static_cast<SignedCodeKind>(kind);
    header.keyId = in.u32();
    header.siteId = in.text();
}

}  // namespace

Result<std::vector<std::uint8_t>> encodeSignedPart(
    const SignedHeader& header, const std::variant<QueueSlip, DoseTicket>& body) {
    // Refuse what parseSignedCode would reject: a printed code must always read back.
    if (header.version != kSignedCodeVersion) {
        return Error{"unsupported version " + std::to_string(header.version)};
    }
    if (header.kind != kindOf(body)) {
        return Error{"code kind does not match the body"};
    }
    Writer out;
    out.u8(header.version);
    out.u8(static_cast<std::uint8_t>(header.kind));
    out.u32(header.keyId);
    out.text("site ID", header.siteId);
    if (const auto* slip = std::get_if<QueueSlip>(&body)) {
        writeSlip(out, *slip);
    } else {
        writeTicket(out, std::get<DoseTicket>(body));
    }
    return std::move(out).finish();
}

std::string toSignedCodeText(const std::vector<std::uint8_t>& signedPart,
                             const std::array<std::uint8_t, kSignatureBytes>& signature) {
    std::vector<std::uint8_t> bytes;
    bytes.reserve(signedPart.size() + signature.size());
    bytes.insert(bytes.end(), signedPart.begin(), signedPart.end());
    bytes.insert(bytes.end(), signature.begin(), signature.end());
    return std::string(kSignedCodePrefix) + base45Encode(bytes);
}

Result<SignedCode> parseSignedCode(std::string_view text) {
    if (text.substr(0, kSignedCodePrefix.size()) != kSignedCodePrefix) {
        return Error{"not a VaxKiosk code (missing \"VK1:\" prefix)"};
    }
    auto decoded = base45Decode(text.substr(kSignedCodePrefix.size()));
    if (!decoded) {
        return Error{"bad Base45: " + decoded.error().message};
    }
    const std::vector<std::uint8_t>& bytes = *decoded;
    if (bytes.size() < kMinHeaderBytes + kSignatureBytes) {
        return Error{std::string(kTruncated)};
    }
    const std::size_t signedSize = bytes.size() - kSignatureBytes;

    // The reader sees only the signed part, so a body can never run into the signature.
    Reader in(bytes.data(), signedSize);
    SignedCode code;
    readHeader(in, code.header);
    if (!in.failed()) {
        if (code.header.kind == SignedCodeKind::QueueSlip) {
            code.body = readSlip(in);
        } else {
            code.body = readTicket(in);
        }
    }
    if (!in.failed() && !in.atEnd()) {
        in.fail("trailing bytes");
    }
    if (in.failed()) {
        return Error{std::move(in).takeError()};
    }
    code.signedPart.assign(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(signedSize));
    std::copy(bytes.begin() + static_cast<std::ptrdiff_t>(signedSize), bytes.end(),
              code.signature.begin());
    return code;
}

}  // namespace vax

#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "devices/I2cBus.h"

namespace vax::test {

using Bytes = std::vector<std::uint8_t>;

/// "24 e0 fa 83": the bytes in hex, for logs and failure messages.
inline std::string hexBytes(std::span<const std::uint8_t> bytes) {
    std::string text;
    for (const std::uint8_t byte : bytes) {
        char part[4];
        std::snprintf(part, sizeof part, "%02x", unsigned(byte));
        if (!text.empty()) {
            text += ' ';
        }
        text += part;
    }
    return text;
}

/// An I2cBus that plays back recorded transactions in order: each expected one names the
/// address, the bytes written and (for writeRead) the read length, and gives the reply bytes
/// or an I2cError. Any other transaction fails the test; so does a transaction left over when
/// the bus is destroyed. Everything done is logged ("writeRead 5a [07] 3", "write 5a [..]"),
/// and note() adds other events (sleeps) to the same log so tests can check their order.
class ScriptedI2cBus final : public I2cBus {
public:
    ~ScriptedI2cBus() override {
        for (const Step& left : m_steps) {
            ADD_FAILURE() << "scripted I2C transaction never happened: " << describe(left);
        }
    }

    /// Expects writeRead(address, write, readLength) and answers `reply`.
    void expectWriteRead(std::uint8_t address, Bytes write, std::size_t readLength, Bytes reply) {
        m_steps.push_back({true, address, std::move(write), readLength, std::move(reply)});
    }
    /// Expects writeRead(address, write, readLength) and fails it with `error`.
    void expectWriteRead(std::uint8_t address, Bytes write, std::size_t readLength,
                         I2cError error) {
        m_steps.push_back({true, address, std::move(write), readLength, std::move(error)});
    }
    /// Expects write(address, bytes), which succeeds.
    void expectWrite(std::uint8_t address, Bytes bytes) {
        m_steps.push_back({false, address, std::move(bytes), 0, Bytes{}});
    }
    /// Expects write(address, bytes) and fails it with `error`.
    void expectWrite(std::uint8_t address, Bytes bytes, I2cError error) {
        m_steps.push_back({false, address, std::move(bytes), 0, std::move(error)});
    }

    /// Adds an event that is not a transaction to the log.
    void note(std::string event) { m_log.push_back(std::move(event)); }
    /// Everything that happened, in order.
    const std::vector<std::string>& log() const { return m_log; }
    /// Expected transactions that have not happened yet.
    std::size_t pending() const { return m_steps.size(); }

    Result<std::vector<std::uint8_t>, I2cError> writeRead(std::uint8_t address,
                                                          std::span<const std::uint8_t> write,
                                                          std::size_t readLength) override {
        const Step done{true, address, Bytes(write.begin(), write.end()), readLength, Bytes{}};
        m_log.push_back(describe(done));
        Result<Step, I2cError> step = take(done);
        if (!step) {
            return std::move(step).error();
        }
        if (const auto* error = std::get_if<I2cError>(&step->reply)) {
            return *error;
        }
        return std::get<Bytes>(step->reply);
    }

    I2cStatus write(std::uint8_t address, std::span<const std::uint8_t> bytes) override {
        const Step done{false, address, Bytes(bytes.begin(), bytes.end()), 0, Bytes{}};
        m_log.push_back(describe(done));
        Result<Step, I2cError> step = take(done);
        if (!step) {
            return std::move(step).error();
        }
        if (const auto* error = std::get_if<I2cError>(&step->reply)) {
            return *error;
        }
        return Unit{};
    }

private:
    struct Step {
        bool combined = false;  // writeRead, else write
        std::uint8_t address = 0;
        Bytes write;
        std::size_t readLength = 0;
        std::variant<Bytes, I2cError> reply;
    };

    static std::string describe(const Step& step) {
        char address[4];
        std::snprintf(address, sizeof address, "%02x", unsigned(step.address));
        return step.combined ? "writeRead " + std::string(address) + " [" + hexBytes(step.write) +
                                   "] " + std::to_string(step.readLength)
                             : "write " + std::string(address) + " [" + hexBytes(step.write) + "]";
    }

    Result<Step, I2cError> take(const Step& done) {
        if (m_steps.empty()) {
            ADD_FAILURE() << "unexpected I2C transaction: " << describe(done);
            return I2cError{I2cError::Kind::Io, "unscripted transaction"};
        }
        Step step = std::move(m_steps.front());
        m_steps.pop_front();
        if (step.combined != done.combined || step.address != done.address ||
            step.write != done.write || step.readLength != done.readLength) {
            ADD_FAILURE() << "unexpected I2C transaction: " << describe(done)
                          << "\n  expected: " << describe(step);
            return I2cError{I2cError::Kind::Io, "transaction not as scripted"};
        }
        return step;
    }

    std::deque<Step> m_steps;
    std::vector<std::string> m_log;
};

}  // namespace vax::test

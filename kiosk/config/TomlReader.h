#pragma once

// Internal to vaxconfig: the typed, error-collecting reading of TOML tables that the
// section readers share. Not part of the public API.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// toml++ is built header-only and without exceptions (see CMakeLists.txt): parse errors
// come back as values. Its internal assertions are off in every build type: Debian's toml++
// 3.3 asserts on some malformed table headers ("[;", found by kiosk_config_fuzz) where, without
// the assertion, it reports the parse error; a corrupt config must be a message, never an
// abort, and Debian's own package builds keep assertions on (no NDEBUG).
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>

#include "core/Result.h"

namespace vax::config_detail {

using KeyList = std::span<const std::string_view>;

/// "a table", "an integer", ... for messages.
std::string_view typeName(toml::node_type type);

/// The node's line; nodes built implicitly (dotted keys, the root) may carry none, then 1.
std::uint32_t lineOf(const toml::node& node);

std::string inQuotes(std::string_view text);

/// "a, b, c".
std::string join(KeyList names);

/// Shortest form of a number for messages: 37 rather than 37.000000.
std::string formatNumber(double value);

/// Empty or spaces and tabs only.
bool isBlank(std::string_view text);

/// Exactly `length` ASCII digits.
bool isDigits(std::string_view text, std::size_t length);

/// 1 to 32 characters of A-Z a-z 0-9 _ -.
bool isIdentifier(std::string_view text);

// Validators return what is wrong with a value, or an empty string when it is fine.
using StringCheck = std::string (*)(std::string_view);

std::string checkNonEmpty(std::string_view text);
std::string checkIdentifier(std::string_view text);

/// A table being read and the dotted path naming it in messages ("" for the document root).
struct Scope {
    const toml::table& table;
    std::string path;

    std::string key(std::string_view name) const {
        return path.empty() ? std::string(name) : path + "." + std::string(name);
    }
};

/// Line of the key's value, or of its table when the key is absent.
std::uint32_t keyLine(const Scope& scope, std::string_view name);

/// Reads typed values and remembers the first error only: later ones are often its echoes.
/// Once failed, every read returns nothing so callers need not check after each step.
class Reader {
public:
    explicit Reader(std::string_view source) : m_source(source) {}

    bool failed() const { return m_error.has_value(); }
    Error takeError() { return std::move(*m_error); }

    /// Records "<source>:<line>: <key>: <what>" unless an error is already recorded.
    void fail(std::uint32_t line, std::string_view key, std::string_view what);

    /// Rejects the first key (in document order) that is not in `allowed`.
    bool checkKeys(const Scope& scope, KeyList allowed);

    /// The node at `name` if present with the wanted type; absence is an error when required.
    const toml::node* get(const Scope& scope, std::string_view name, toml::node_type type,
                          bool required);

    bool expect(const toml::node& node, toml::node_type type, std::string_view key);

    std::optional<std::string> string(const Scope& scope, std::string_view name, bool required,
                                      StringCheck check = nullptr);

    std::optional<int> integer(const Scope& scope, std::string_view name, bool required, int min,
                               int max);

    /// A float; integers are taken too since "37" is as clear as "37.0".
    std::optional<double> number(const Scope& scope, std::string_view name, double min, double max);

    std::optional<bool> boolean(const Scope& scope, std::string_view name);

    /// An array whose elements are all strings passing `check`; elements are named "key[i]".
    std::optional<std::vector<std::string>> stringArray(const Scope& scope, std::string_view name,
                                                        StringCheck check);

    /// The tables of an array of tables ([[name]]), each with its path "name[i]".
    std::vector<Scope> tableArray(const Scope& scope, std::string_view name);

private:
    std::string_view m_source;
    std::optional<Error> m_error;
};

}  // namespace vax::config_detail

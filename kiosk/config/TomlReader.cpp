#include "config/TomlReader.h"

#include <sstream>

namespace vax::config_detail {

std::string_view typeName(toml::node_type type) {
    switch (type) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a float";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date-time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

// Nodes built implicitly (dotted keys, the root) may carry no position; line 1 is still a start.
std::uint32_t lineOf(const toml::node& node) {
    const auto line = node.source().begin.line;
    return line == 0 ? 1 : line;
}

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string join(KeyList names) {
    std::string out;
    for (const auto name : names) {
        if (!out.empty()) {
            out += ", ";
        }
        out += name;
    }
    return out;
}

std::string formatNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t") == text.npos;
}

bool isDigits(std::string_view text, std::size_t length) {
    if (text.size() != length) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool isIdentifier(std::string_view text) {
    if (text.empty() || text.size() > 32) {
        return false;
    }
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string checkNonEmpty(std::string_view text) {
    return isBlank(text) ? "must not be empty" : "";
}

std::string checkIdentifier(std::string_view text) {
    return isIdentifier(text)
               ? ""
               : "must be 1 to 32 characters of A-Z, a-z, 0-9, '_' or '-', got " + inQuotes(text);
}

std::uint32_t keyLine(const Scope& scope, std::string_view name) {
    const toml::node* node = scope.table.get(name);
    return lineOf(node ? *node : scope.table);
}

void Reader::fail(std::uint32_t line, std::string_view key, std::string_view what) {
    if (!m_error) {
        m_error = Error{std::string(m_source) + ":" + std::to_string(line) + ": " +
                        std::string(key) + ": " + std::string(what)};
    }
}

bool Reader::checkKeys(const Scope& scope, KeyList allowed) {
    const toml::key* unknown = nullptr;
    std::uint32_t unknownLine = 0;
    for (auto&& [key, node] : scope.table) {
        bool known = false;
        for (const auto name : allowed) {
            known = known || key.str() == name;
        }
        if (!known && (!unknown || lineOf(node) < unknownLine)) {
            unknown = &key;
            unknownLine = lineOf(node);
        }
    }
    if (unknown) {
        fail(unknownLine, scope.key(unknown->str()),
             "unknown key (allowed here: " + join(allowed) + ")");
    }
    return unknown == nullptr;
}

const toml::node* Reader::get(const Scope& scope, std::string_view name, toml::node_type type,
                              bool required) {
    if (failed()) {
        return nullptr;
    }
    const toml::node* node = scope.table.get(name);
    if (!node) {
        if (required) {
            fail(
                lineOf(scope.table), scope.key(name),
                type == toml::node_type::table ? "missing required table" : "missing required key");
        }
        return nullptr;
    }
    return expect(*node, type, scope.key(name)) ? node : nullptr;
}

bool Reader::expect(const toml::node& node, toml::node_type type, std::string_view key) {
    if (node.type() == type) {
        return true;
    }
    fail(lineOf(node), key,
         "expected " + std::string(typeName(type)) + ", got " + std::string(typeName(node.type())));
    return false;
}

std::optional<std::string> Reader::string(const Scope& scope, std::string_view name, bool required,
                                          StringCheck check) {
    const toml::node* node = get(scope, name, toml::node_type::string, required);
    if (!node) {
        return std::nullopt;
    }
    std::string value = node->as_string()->get();
    if (check) {
        if (const std::string problem = check(value); !problem.empty()) {
            fail(lineOf(*node), scope.key(name), problem);
            return std::nullopt;
        }
    }
    return value;
}

std::optional<int> Reader::integer(const Scope& scope, std::string_view name, bool required,
                                   int min, int max) {
    const toml::node* node = get(scope, name, toml::node_type::integer, required);
    if (!node) {
        return std::nullopt;
    }
    const std::int64_t value = node->as_integer()->get();
    if (value < min || value > max) {
        fail(lineOf(*node), scope.key(name),
             "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                 std::to_string(value));
        return std::nullopt;
    }
    return static_cast<int>(value);
}

std::optional<double> Reader::number(const Scope& scope, std::string_view name, double min,
                                     double max) {
    const toml::node* node = scope.table.get(name);
    if (failed() || !node) {
        return std::nullopt;
    }
    double value = 0.0;
    if (const auto* integer = node->as_integer()) {
        value = static_cast<double>(integer->get());
    } else if (expect(*node, toml::node_type::floating_point, scope.key(name))) {
        value = node->as_floating_point()->get();
    } else {
        return std::nullopt;
    }
    if (!(value >= min && value <= max)) {  // written so that NaN fails too
        fail(lineOf(*node), scope.key(name),
             "must be between " + formatNumber(min) + " and " + formatNumber(max) + ", got " +
                 formatNumber(value));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> Reader::boolean(const Scope& scope, std::string_view name) {
    const toml::node* node = get(scope, name, toml::node_type::boolean, false);
    return node ? std::optional<bool>(node->as_boolean()->get()) : std::nullopt;
}

std::optional<std::vector<std::string>> Reader::stringArray(const Scope& scope,
                                                            std::string_view name,
                                                            StringCheck check) {
    const toml::node* node = get(scope, name, toml::node_type::array, false);
    if (!node) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    const toml::array& array = *node->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string key = scope.key(name) + "[" + std::to_string(i) + "]";
        if (!expect(array[i], toml::node_type::string, key)) {
            return std::nullopt;
        }
        std::string value = array[i].as_string()->get();
        if (const std::string problem = check(value); !problem.empty()) {
            fail(lineOf(array[i]), key, problem);
            return std::nullopt;
        }
        values.push_back(std::move(value));
    }
    return values;
}

std::vector<Scope> Reader::tableArray(const Scope& scope, std::string_view name) {
    std::vector<Scope> tables;
    const toml::node* node = scope.table.get(name);
    if (failed() || !node) {
        return tables;
    }
    if (!node->is_array()) {
        // The full dotted name, as the [[header]] must be written.
        fail(lineOf(*node), scope.key(name),
             "expected an array of tables ([[" + scope.key(name) + "]]), got " +
                 std::string(typeName(node->type())));
        return tables;
    }
    const toml::array& array = *node->as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string key = scope.key(name) + "[" + std::to_string(i) + "]";
        if (!expect(array[i], toml::node_type::table, key)) {
            return {};
        }
        tables.push_back(Scope{*array[i].as_table(), key});
    }
    return tables;
}

}  // namespace vax::config_detail

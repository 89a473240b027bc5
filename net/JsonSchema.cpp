#include "net/JsonSchema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <fstream>
#include <sstream>

namespace vax {

namespace {

using nlohmann::json;

// valijson's context ("<root>", "[member]", "[0]") as an RFC 6901 pointer.
std::string pointerOf(const std::vector<std::string>& context) {
    std::string pointer;
    for (const std::string& step : context) {
        if (step.size() < 2 || step.front() != '[' || step.back() != ']') {
            continue;  // "<root>"
        }
        pointer += '/';
        for (char c : std::string_view(step).substr(1, step.size() - 2)) {
            if (c == '~') {
                pointer += "~0";
            } else if (c == '/') {
                pointer += "~1";
            } else {
                pointer += c;
            }
        }
    }
    return pointer;
}

// "" and "#" name the whole document; anything else must be a "#/..." pointer.
bool isRoot(std::string_view definition) {
    return definition.empty() || definition == "#";
}

}  // namespace

struct JsonSchema::Compiled {
    valijson::Schema schema;
    // Holds the compiled regular expressions between calls, so each pattern compiles once.
    valijson::Validator validator{valijson::Validator::kStrongTypes};
};

JsonSchema::JsonSchema(json document)
    : m_document(std::move(document)), m_mutex(std::make_unique<std::mutex>()) {
    // A root id would make valijson resolve "#/..." against that URI as a remote document;
    // every reference in our schemas is local, so the document itself is the base.
    m_document.erase("id");
    m_document.erase("$id");
}

JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;
JsonSchema::~JsonSchema() = default;

Result<JsonSchema> JsonSchema::parse(std::string_view text) {
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        return Error{"the schema is not JSON"};
    }
    if (!document.is_object()) {
        return Error{"the schema is not a JSON object"};
    }
    return JsonSchema(std::move(document));
}

Result<JsonSchema> JsonSchema::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Error{"cannot read the schema " + file.string()};
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto schema = parse(text.str());
    if (!schema) {
        return Error{file.string() + ": " + schema.error().message};
    }
    return schema;
}

Result<JsonSchema::Compiled*> JsonSchema::compiled(std::string_view definition) const {
    // Called with m_mutex held.
    if (const auto it = m_compiled.find(definition); it != m_compiled.end()) {
        return it->second.get();
    }
    const std::string name(definition);
    if (!isRoot(definition)) {
        if (definition.substr(0, 2) != "#/") {
            return Error{"the schema definition " + name + " is not a \"#/...\" pointer"};
        }
        try {
            if (!m_document.contains(json::json_pointer(name.substr(1)))) {
                return Error{"the schema has no definition " + name};
            }
        } catch (const json::exception&) {
            return Error{"the schema definition " + name + " is not a JSON pointer"};
        }
    }
    auto compiled = std::make_unique<Compiled>();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        if (isRoot(definition)) {
            parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(m_document),
                                  compiled->schema);
        } else {
            // valijson compiles from a document's root: a root that refers to the definition
            // (a $ref's siblings are ignored) resolves every reference inside the same document.
            json& root = m_document;
            root["$ref"] = name;
            struct Restore {
                json& root;
                ~Restore() { root.erase("$ref"); }
            } restore{root};
            parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(root), compiled->schema);
        }
    } catch (const std::exception& e) {
        return Error{"the schema " + (isRoot(definition) ? std::string("document") : name) +
                     " cannot be compiled: " + e.what()};
    }
    Compiled* raw = compiled.get();
    m_compiled.emplace(name, std::move(compiled));
    return raw;
}

Result<std::vector<SchemaViolation>> JsonSchema::violations(const json& value,
                                                            std::string_view definition) const {
    const std::lock_guard lock(*m_mutex);
    auto schema = compiled(definition);
    if (!schema) {
        return schema.error();
    }
    valijson::ValidationResults results;
    try {
        (*schema)->validator.validate((*schema)->schema,
                                      valijson::adapters::NlohmannJsonAdapter(value), &results);
    } catch (const std::exception& e) {
        // std::regex gives up on some inputs (error_complexity, error_stack): not a pass.
        return std::vector<SchemaViolation>{{"", std::string("cannot be checked: ") + e.what()}};
    }
    std::vector<SchemaViolation> out;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        out.push_back({pointerOf(error.context), error.description});
    }
    return out;
}

Status JsonSchema::validate(const json& value, std::string_view definition) const {
    auto found = violations(value, definition);
    if (!found) {
        return found.error();
    }
    if (!found->empty()) {
        return Error{describeViolations(*found)};
    }
    return okStatus();
}

std::string describeViolations(const std::vector<SchemaViolation>& violations) {
    // A value that fails a oneOf fails each alternative too; the first few say where to look.
    constexpr std::size_t kShown = 8;
    std::string out;
    for (std::size_t i = 0; i < violations.size() && i < kShown; ++i) {
        const SchemaViolation& v = violations[i];
        if (!out.empty()) {
            out += "; ";
        }
        out +=
            (v.pointer.empty() ? std::string("at the top") : "at " + v.pointer) + ": " + v.problem;
    }
    if (violations.size() > kShown) {
        out += "; and " + std::to_string(violations.size() - kShown) + " more";
    }
    return out;
}

}  // namespace vax

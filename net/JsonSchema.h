#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// One way a JSON value breaks a schema.
struct SchemaViolation {
    std::string pointer;  ///< JSON pointer (RFC 6901) of the failing value, "" for the whole
    std::string problem;  ///< the validator's words; names members, never quotes values
};

/// A JSON Schema document checked with valijson (draft 7 keywords, which draft-06 and the
/// 2020-12 schemas in docs/schemas keep to). The document is read once; the schema at each
/// JSON pointer asked for is compiled at first use and kept. Thread-safe.
class JsonSchema {
public:
    /// Parses schema text; an error when it is not JSON.
    static Result<JsonSchema> parse(std::string_view text);

    /// Reads and parses a schema file; an error naming the file when it cannot.
    static Result<JsonSchema> load(const std::filesystem::path& file);

    /// Every way `value` breaks the schema at `definition`, a JSON pointer into the document
    /// such as "#/definitions/Immunization" ("" or "#": the whole schema). Empty when valid.
    /// An error when the definition does not exist or is not a schema valijson can compile.
    Result<std::vector<SchemaViolation>> violations(const nlohmann::json& value,
                                                    std::string_view definition = "") const;

    /// As violations(), joined into one message: "at /a/0: problem; at /b: problem".
    Status validate(const nlohmann::json& value, std::string_view definition = "") const;

    JsonSchema(JsonSchema&&) noexcept;
    JsonSchema& operator=(JsonSchema&&) noexcept;
    ~JsonSchema();

private:
    struct Compiled;
    explicit JsonSchema(nlohmann::json document);
    Result<Compiled*> compiled(std::string_view definition) const;

    // Gains a root "$ref" while a definition compiles, under m_mutex.
    mutable nlohmann::json m_document;
    std::unique_ptr<std::mutex> m_mutex;
    mutable std::map<std::string, std::unique_ptr<Compiled>, std::less<>> m_compiled;
};

/// Violations as one line: "at /a/0: problem; at /b: problem" ("at the top" for ""), the
/// first eight and how many more.
std::string describeViolations(const std::vector<SchemaViolation>& violations);

}  // namespace vax

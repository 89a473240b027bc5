#include "net/RecordUploader.h"

#include <algorithm>

namespace vax {

namespace {

using nlohmann::json;

// Statuses that judge the records themselves: the culprit is found by halving the batch.
// Others (401, 403, 404, 415, ...) say the kiosk is misconfigured; every record would be
// refused for nothing, so they keep the batch pending until the setup is fixed.
bool refusesRecords(const HttpError& error) {
    return error.kind == HttpError::Kind::HttpStatus &&
           (error.status == 400 || error.status == 409 || error.status == 413 ||
            error.status == 422);
}

// The upstream's explanation: FHIR OperationOutcome diagnostics or the events API message.
std::string refusalReason(const HttpError& error) {
    const json body = json::parse(error.body, nullptr, false);
    std::string detail;
    if (body.is_object()) {
        if (body.contains("issue") && body["issue"].is_array() && !body["issue"].empty()) {
            detail = body["issue"][0].value("diagnostics", std::string());
        } else {
            detail = body.value("message", std::string());
        }
    }
    return "HTTP " + std::to_string(error.status) + (detail.empty() ? "" : ": " + detail);
}

HttpError malformed(const std::string& what) {
    HttpError error;
    error.kind = HttpError::Kind::BadResponse;
    error.message = "records service: " + what;
    return error;
}

}  // namespace

RecordUploader::RecordUploader(UploaderOptions options, UploadContext context)
    : m_options(std::move(options)), m_context(std::move(context)), m_client(m_options.tls) {}

Result<std::vector<RecordResult>, HttpError> RecordUploader::upload(
    const std::vector<UploadRecord>& batch) {
    if (batch.empty()) {
        return std::vector<RecordResult>{};
    }
    auto sent = send(batch);
    if (sent || !refusesRecords(sent.error())) {
        return sent;
    }
    if (batch.size() == 1) {
        return std::vector<RecordResult>{
            {batch[0].outboxId, false, false, refusalReason(sent.error())}};
    }
    // The upstream refuses whole transactions: halve until the refused record stands alone.
    const auto middle = batch.begin() + static_cast<std::ptrdiff_t>(batch.size() / 2);
    auto first = upload(std::vector<UploadRecord>(batch.begin(), middle));
    if (!first) {
        return first;
    }
    auto second = upload(std::vector<UploadRecord>(middle, batch.end()));
    if (!second) {
        return second;
    }
    first->insert(first->end(), second->begin(), second->end());
    return first;
}

Result<std::vector<RecordResult>, HttpError> RecordUploader::send(
    const std::vector<UploadRecord>& batch) {
    const bool immunizations = batch.front().kind == UploadRecord::Kind::Immunization;
    HttpRequest request =
        immunizations
            ? HttpRequest::post(m_options.baseUrl + "/fhir/r4",
                                fhirTransaction(batch, m_context).dump(), "application/fhir+json")
            : HttpRequest::post(m_options.baseUrl + "/api/events/v1",
                                eventBatch(batch, m_context).dump(), "application/json");
    request.idempotent = true;  // the upstream dedupes by record key
    request.connectTimeout = m_options.connectTimeout;
    request.totalTimeout = m_options.totalTimeout;
    auto response = m_client.send(request);
    if (!response) {
        return response.error();
    }
    return parse(batch, *response);
}

Result<std::vector<RecordResult>, HttpError> RecordUploader::parse(
    const std::vector<UploadRecord>& batch, const HttpResponse& response) const {
    const json body = json::parse(response.body, nullptr, false);
    if (!body.is_object()) {
        return malformed("the answer is not a JSON object");
    }
    const bool immunizations = batch.front().kind == UploadRecord::Kind::Immunization;
    const char* listName = immunizations ? "entry" : "results";
    if (!body.contains(listName) || !body[listName].is_array() ||
        body[listName].size() != batch.size()) {
        return malformed(std::string("the answer does not list one result per record in \"") +
                         listName + "\"");
    }
    std::vector<RecordResult> results;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const json& item = body[listName][i];
        std::string status;
        if (immunizations) {
            if (item.contains("response") && item["response"].is_object()) {
                status = item["response"].value("status", std::string());
            }
        } else if (item.is_object()) {
            if (item.value("key", std::string()) != batch[i].key) {
                return malformed("result " + std::to_string(i) + " names another record");
            }
            status = item.value("status", std::string());
        }
        const bool created = status.rfind("201", 0) == 0 || status == "created";
        const bool duplicate = status.rfind("200", 0) == 0 || status == "duplicate";
        if (!created && !duplicate) {
            return malformed("result " + std::to_string(i) + " has status \"" +
                             status.substr(0, 40) + "\"");
        }
        results.push_back({batch[i].outboxId, true, duplicate, ""});
    }
    return results;
}

}  // namespace vax

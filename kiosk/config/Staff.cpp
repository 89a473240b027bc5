// Reader of [[staff]]: who may sign in to the staff console, with the hash of their PIN.

#include <string>
#include <string_view>

#include "config/DevicesAndScanning.h"

namespace vax::config_detail {

namespace {

constexpr std::string_view kStaffKeys[] = {"id", "name", "pin_hash"};
constexpr std::string_view kArgon2id = "$argon2id$";

// Only a hash belongs in the file: a PIN written there by mistake must not start the kiosk.
std::string checkPinHash(std::string_view text) {
    if (text.substr(0, kArgon2id.size()) != kArgon2id) {
        return "must be an Argon2id hash starting with \"$argon2id$\" (make one with "
               "'vaxctl staff hash-pin'), never the PIN itself";
    }
    return "";
}

}  // namespace

void readStaff(Reader& reader, const Scope& root, std::vector<StaffMember>& staff) {
    for (const Scope& scope : reader.tableArray(root, "staff")) {
        if (!reader.checkKeys(scope, kStaffKeys)) {
            return;
        }
        StaffMember member;
        member.id = reader.string(scope, "id", true, checkIdentifier).value_or("");
        member.name = reader.string(scope, "name", true, checkNonEmpty).value_or("");
        member.pinHash = reader.string(scope, "pin_hash", true, checkPinHash).value_or("");
        if (reader.failed()) {
            return;
        }
        for (const auto& earlier : staff) {
            if (earlier.id == member.id) {
                reader.fail(keyLine(scope, "id"), scope.key("id"),
                            "duplicate staff id " + inQuotes(member.id));
                return;
            }
        }
        staff.push_back(std::move(member));
    }
}

}  // namespace vax::config_detail

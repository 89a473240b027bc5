#include "store/Journal.h"

#include "store/Migrations.h"

namespace vax {

Result<Journal> Journal::open(const std::filesystem::path& path) {
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    if (auto st = migrate(*db); !st) {
        return Error{"database " + path.string() + ": " + st.error().message};
    }
    return Journal(std::move(db).value());
}

}  // namespace vax

// Runs a libFuzzer target over saved inputs without libFuzzer (GCC builds, CTest): every file
// named on the command line, and every regular file inside a named directory.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool runFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>()};
    // An empty vector's data() may be null; libFuzzer never passes null, so neither do we.
    static const uint8_t kEmpty = 0;
    const auto* data = bytes.empty() ? &kEmpty : reinterpret_cast<const uint8_t*>(bytes.data());
    LLVMFuzzerTestOneInput(data, bytes.size());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t ran = 0;
    bool failed = false;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
                if (entry.is_regular_file(error)) {
                    if (runFile(entry.path())) {
                        ++ran;
                    } else {
                        failed = true;
                    }
                }
            }
            if (error) {
                std::cerr << "cannot list " << path << ": " << error.message() << "\n";
                failed = true;
            }
        } else if (runFile(path)) {
            ++ran;
        } else {
            failed = true;
        }
    }
    std::cout << "ran " << ran << " inputs\n";
    return ran == 0 || failed ? 1 : 0;
}

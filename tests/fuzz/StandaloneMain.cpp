// Replays fuzz inputs without libFuzzer, so the normal test build (GCC) runs every harness over
// its corpus: the seeds in tests/fuzz/corpus/<target>/ and every crash input ever found, which
// are kept there as regression cases. Usage: <harness> FILE_OR_DIR...
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int runFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
                if (entry.is_regular_file())
                    inputs += runFile(entry.path());
        } else {
            inputs += runFile(path);
        }
    }
    std::printf("%d inputs replayed without a crash\n", inputs);
    return inputs > 0 ? 0 : 1; // an empty corpus would prove nothing
}

// The demo generator of issue 5, must-show 5: adds COUNT lines to the operation log of a
// citycode-server's database through the server's own repository (OperationLogRepository, the
// code every admin change writes its log line with), in transactions of 10,000, so the console
// can be shown browsing a list of 100,000 rows. Operation log lines hold no personal data, so
// nothing bypasses the personal data cipher. Safe while the server runs (SQLite WAL and
// BEGIN IMMEDIATE; PostgreSQL row locks).
//
// Usage: citycode-demo-rows DATABASE_URL DATA_DIR COUNT
//   e.g. citycode-demo-rows sqlite:citycode.db ./data 100000
#include "storage/Database.h"
#include "storage/OperationLogRepository.h"
#include "storage/Transaction.h"

#include <Poco/Exception.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

using namespace citycode::server;

constexpr int BatchRows = 10000;

OperationLogEntry entry(int n)
{
    static const std::array<const char*, 6> users = {"admin",     "zhang.wei", "li.na",
                                                     "wang.fang", "liu.yang",  "chen.jie"};
    static const std::array<std::array<const char*, 2>, 8> actions = {{{"operator.create", "operator"},
                                                                       {"operator.update", "operator"},
                                                                       {"app.create", "app"},
                                                                       {"app.update", "app"},
                                                                       {"platform.update", "platform"},
                                                                       {"role.update", "role"},
                                                                       {"dictionary.create", "dictionary"},
                                                                       {"static-code.enable", "static-code"}}};
    const auto& action = actions[static_cast<std::size_t>(n) % actions.size()];
    OperationLogEntry line;
    line.operatorId = 1 + n % static_cast<int>(users.size());
    line.username = users[static_cast<std::size_t>(n) % users.size()];
    line.platformId = 1;
    line.action = action[0];
    line.targetType = action[1];
    line.targetId = std::to_string(1 + n % 5000);
    line.detail = "demo line " + std::to_string(n);
    line.remoteAddress = "127.0.0.1";
    line.requestId = "demo-" + std::to_string(n);
    line.result = n % 50 == 0 ? "failure" : "success";
    return line;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: citycode-demo-rows DATABASE_URL DATA_DIR COUNT\n");
        return EXIT_FAILURE;
    }
    const int count = std::atoi(argv[3]);
    try {
        const auto started = std::chrono::steady_clock::now();
        Database database(argv[1], argv[2], 2);
        for (int done = 0; done < count;) {
            Poco::Data::Session session = database.session();
            Transaction transaction(session);
            OperationLogRepository log(session);
            const int end = std::min(count, done + BatchRows);
            for (; done < end; ++done) {
                log.insert(entry(done));
            }
            transaction.commit();
        }
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        std::printf("added %d operation log lines in %lld ms\n", count, static_cast<long long>(ms));
    } catch (const Poco::Exception& e) {
        std::fprintf(stderr, "citycode-demo-rows: %s\n", e.displayText().c_str());
        return EXIT_FAILURE;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "citycode-demo-rows: %s\n", e.what());
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

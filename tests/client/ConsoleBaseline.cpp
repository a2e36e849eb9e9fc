// The baseline of bench/console-startup.sh (built with the console tests): a bare QApplication
// showing one empty QWidget, timed and measured as the console's --startup-probe is (wall time
// from outside, start to exit after the first paint; then VmRSS/VmHWM), so the console's figures
// can be quoted as ratios.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <cstdlib>

namespace {

QByteArray memoryFigures()
{
    QFile status(QStringLiteral("/proc/self/status"));
    QByteArray figures;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                figures += line.simplified() + ' ';
            }
        }
    }
    return figures.trimmed();
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication application(argc, argv);
    QWidget window;
    window.resize(520, 360);
    window.show();
    QTimer::singleShot(0, &window, [&window, &clock]() {
        window.repaint();
        std::printf("window painted %lld ms after main() began\n", static_cast<long long>(clock.elapsed()));
        std::printf("memory: %s\n", memoryFigures().constData());
        std::fflush(stdout);
        QApplication::exit(EXIT_SUCCESS);
    });
    return QApplication::exec();
}

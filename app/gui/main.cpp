// partlab: the desktop application. Wires the engine and the UI library together.
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Partlab"));
    QApplication::setOrganizationName(QStringLiteral("Partlab"));
    partlab::MainWindow window;
    window.show();
    return QApplication::exec();
}

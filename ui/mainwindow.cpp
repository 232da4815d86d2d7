#include "mainwindow.h"

#include <QLabel>

namespace partlab {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Partlab"));
    auto *label = new QLabel(tr("Partlab: partitioned state routing"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1280, 800);
}

} // namespace partlab

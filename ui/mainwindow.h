#pragma once

#include <QMainWindow>

namespace partlab {

/** The Partlab main window. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace partlab

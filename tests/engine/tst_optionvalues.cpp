// Whole-number and decimal command-line options (engine/model/optionvalues.h): the range, the
// one error text every command and the GUI print, and readIntegerOption(), which leaves its
// target alone when the option was not given.
#include "model/optionvalues.h"

#include <QCommandLineParser>
#include <QTest>

#include <limits>

using namespace partlab;

namespace {

/** A parser with --count and --rate, given @p arguments (without the program name). */
void parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addOption({QStringLiteral("count"), QStringLiteral("A count."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("rate"), QStringLiteral("A rate."), QStringLiteral("R")});
    if (!parser.parse(QStringList{QStringLiteral("partlab")} + arguments))
        qFatal("bad test arguments: %s", qPrintable(parser.errorText()));
}

} // namespace

class TestOptionValues : public QObject
{
    Q_OBJECT

private slots:
    void integerInRangeOrOneError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::newRow("low end") << QStringLiteral("1") << qint64(1);
        QTest::newRow("high end") << QStringLiteral("1024") << qint64(1024);
        QTest::newRow("spaces around") << QStringLiteral(" 7 ") << qint64(7);
        QTest::newRow("below") << QStringLiteral("0") << qint64(-1);
        QTest::newRow("above") << QStringLiteral("1025") << qint64(-1);
        QTest::newRow("a decimal") << QStringLiteral("2.5") << qint64(-1);
        QTest::newRow("text") << QStringLiteral("x") << qint64(-1);
        QTest::newRow("past 64 bits") << QStringLiteral("99999999999999999999") << qint64(-1);
    }
    void integerInRangeOrOneError()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        QCommandLineParser parser;
        parse(parser, {QStringLiteral("--count"), text});
        QString error;
        const auto value = integerOption(parser, QStringLiteral("count"), 1, 1024, &error);
        if (expected < 0) {
            QVERIFY(!value);
            QCOMPARE(error, QStringLiteral("--count must be a whole number between 1 and 1024 (got '%1')").arg(text));
        } else {
            QCOMPARE(value, std::optional<qint64>(expected));
            QVERIFY(error.isEmpty());
        }
    }

    void readIntegerOptionOnlyWhenGiven()
    {
        QString error;
        {
            QCommandLineParser parser;
            parse(parser, {});
            int target = 42; // a default the caller chose
            QVERIFY(readIntegerOption(parser, QStringLiteral("count"), 1, 10, target, &error));
            QCOMPARE(target, 42);
            QVERIFY(error.isEmpty());
        }
        {
            QCommandLineParser parser;
            parse(parser, {QStringLiteral("--count=9")});
            quint32 target = 42; // converted to the target's type
            QVERIFY(readIntegerOption(parser, QStringLiteral("count"), 1, 10, target, &error));
            QCOMPARE(target, 9u);
        }
        {
            QCommandLineParser parser;
            parse(parser, {QStringLiteral("--count"), QStringLiteral("11")});
            qint64 target = 42;
            QVERIFY(!readIntegerOption(parser, QStringLiteral("count"), 1, 10, target, &error));
            QCOMPARE(target, qint64(42)); // a bad value changes nothing
            QCOMPARE(error, QStringLiteral("--count must be a whole number between 1 and 10 (got '11')"));
        }
    }

    void decimalIsFiniteAndInRange()
    {
        for (const QString &bad : {QStringLiteral("inf"), QStringLiteral("nan"), QStringLiteral("-0.5"), QStringLiteral("1e10")}) {
            QCommandLineParser parser;
            parse(parser, {QStringLiteral("--rate"), bad});
            QString error;
            QVERIFY2(!numberOption(parser, QStringLiteral("rate"), 0.0, 1e9, &error), qPrintable(bad));
            QCOMPARE(error, QStringLiteral("--rate must be a number between 0 and 1000000000 (got '%1')").arg(bad));
        }
        QCommandLineParser parser;
        parse(parser, {QStringLiteral("--rate=2.5")});
        QString error;
        QCOMPARE(numberOption(parser, QStringLiteral("rate"), 0.0, 1e9, &error), std::optional<double>(2.5));
    }
};

QTEST_GUILESS_MAIN(TestOptionValues)
#include "tst_optionvalues.moc"

// The partitioner options of every command line (engine/routing/partitionerargs.h): what each kind
// of command offers, the limits and defaults it applies, and the one error text for each mistake.
#include "routing/partitionerargs.h"

#include <QTest>

using namespace partlab;

namespace {

/** Parses @p arguments (without the program name) with the options @p args asks for. */
QString read(const PartitionerArgs &args, const QStringList &arguments, const QString &partitioner,
             PartitionerOptions &options, bool *parsed = nullptr)
{
    QCommandLineParser parser;
    addPartitionerOptions(parser, args);
    const bool ok = parser.parse(QStringList{QStringLiteral("partlab")} + arguments);
    if (parsed)
        *parsed = ok;
    if (!ok)
        return parser.errorText();
    return readPartitionerOptions(parser, partitioner, options, args);
}

PartitionerArgs guiArgs()
{
    return PartitionerArgs::nameAndCount(QString(), 1024);
}

} // namespace

class TestPartitionerArgs : public QObject
{
    Q_OBJECT

private slots:
    void fullSetReadsEveryOption()
    {
        PartitionerOptions o;
        QCOMPARE(read({}, {QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--partitions"), QStringLiteral("12"),
                           QStringLiteral("--max-parallelism"), QStringLiteral("256")},
                      QStringLiteral("flink"), o),
                 QString());
        QCOMPARE(o.partitions, 12);
        QCOMPARE(o.maxParallelism, 256);
        PartitionerOptions r;
        QCOMPARE(read({}, {QStringLiteral("--vnodes"), QStringLiteral("7"), QStringLiteral("--seed"), QStringLiteral("42")},
                      QStringLiteral("ring"), r),
                 QString());
        QCOMPARE(r.virtualNodes, 7);
        QCOMPARE(r.seed, quint64(42));
    }

    void optionOfAnotherPartitionerIsAnError()
    {
        PartitionerOptions o;
        QCOMPARE(read({}, {QStringLiteral("--vnodes"), QStringLiteral("7")}, QStringLiteral("kafka"), o),
                 QStringLiteral("--vnodes applies to --partitioner ring only"));
    }

    void registryDefaultCountOrTheCountThereIs()
    {
        PartitionerOptions o;
        QCOMPARE(read({}, {}, QStringLiteral("hazelcast"), o), QString());
        QCOMPARE(o.partitions, 271); // Hazelcast's own default
        PartitionerOptions kept;
        kept.partitions = 16; // a scenario's
        QCOMPARE(read(guiArgs(), {}, QStringLiteral("hazelcast"), kept), QString());
        QCOMPARE(kept.partitions, 16);
    }

    void eachCommandItsOwnLimitSameWords()
    {
        PartitionerOptions o;
        QCOMPARE(read(guiArgs(), {QStringLiteral("--partitions"), QStringLiteral("2000")}, QStringLiteral("xap"), o),
                 QStringLiteral("--partitions must be a whole number between 1 and 1024 (got '2000')"));
        QCOMPARE(read({}, {QStringLiteral("--partitions"), QStringLiteral("2000")}, QStringLiteral("xap"), o), QString());
        QCOMPARE(o.partitions, 2000);
        QCOMPARE(read({}, {QStringLiteral("--partitions"), QStringLiteral("0")}, QStringLiteral("xap"), o),
                 QStringLiteral("--partitions must be a whole number between 1 and 65536 (got '0')"));
    }

    void unknownPartitionerNamed()
    {
        PartitionerOptions o;
        const QString error = read(guiArgs(), {QStringLiteral("--partitioner"), QStringLiteral("modulo")}, QStringLiteral("modulo"), o);
        QVERIFY2(error.startsWith(QLatin1String("--partitioner: unknown partitioner 'modulo' (choose xap, kafka,")), qPrintable(error));
    }

    void withoutDetailsTheirOptionsDoNotExist()
    {
        PartitionerOptions o;
        bool parsed = true;
        const QString error = read(guiArgs(), {QStringLiteral("--vnodes"), QStringLiteral("7")}, QStringLiteral("ring"), o, &parsed);
        QVERIFY(!parsed);
        QVERIFY2(error.contains(QLatin1String("vnodes")), qPrintable(error));
        PartitionerArgs movement;
        movement.partitions = false; // --from / --to instead
        QVERIFY(!read(movement, {QStringLiteral("--partitions"), QStringLiteral("4")}, QString(), o, &parsed).isEmpty());
        QVERIFY(!parsed);
    }

    void helpNamesTheDefaultAndTheLimit()
    {
        PartitionerArgs args = guiArgs();
        args.defaultPartitioner = QStringLiteral("xap");
        QCommandLineParser parser;
        addPartitionerOptions(parser, args);
        const QString help = parser.helpText().simplified(); // one line: the help wraps at the terminal width
        QVERIFY2(help.contains(QLatin1String("(default xap)")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("(1-1024)")), qPrintable(help));
        QVERIFY2(!help.contains(QLatin1String("--vnodes")), qPrintable(help));
    }
};

QTEST_GUILESS_MAIN(TestPartitionerArgs)
#include "tst_partitionerargs.moc"

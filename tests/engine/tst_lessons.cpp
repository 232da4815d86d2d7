#include "lessons/lesson.h"

#include <QSet>
#include <QTest>

using namespace partlab;

/** Every lesson loads and every step runs on the engine; key observations hold. */
class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void catalogue()
    {
        const std::vector<Lesson> lessons = allLessons();
        QCOMPARE(int(lessons.size()), 9);
        QSet<QString> ids;
        for (const Lesson &l : lessons) {
            QVERIFY(!l.id.isEmpty() && !l.title.isEmpty() && !l.teaches.isEmpty());
            QVERIFY2(!ids.contains(l.id), qPrintable(l.id));
            ids.insert(l.id);
            QVERIFY(l.steps.size() >= 2);
            for (const LessonStep &s : l.steps) {
                QVERIFY(!s.title.isEmpty() && !s.text.isEmpty() && !s.watch.isEmpty());
                QVERIFY(s.run);
            }
        }
        QVERIFY(findLesson(lessons, QStringLiteral("partitioned-state")));
        QVERIFY(!findLesson(lessons, QStringLiteral("nope")));
    }

    void stepsRun_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<int>("step");
        for (const Lesson &l : allLessons()) {
            for (std::size_t i = 0; i < l.steps.size(); ++i)
                QTest::addRow("%s/%d", qPrintable(l.id), int(i + 1)) << l.id << int(i);
        }
    }

    void stepsRun()
    {
        QFETCH(QString, lesson);
        QFETCH(int, step);
        const std::vector<Lesson> lessons = allLessons();
        const LessonObservation o = findLesson(lessons, lesson)->steps[std::size_t(step)].run();
        QVERIFY2(o.ok, qPrintable(o.lines.join(QLatin1Char('\n'))));
        QVERIFY(!o.lines.isEmpty());
        if (o.number(QStringLiteral("same_state")) >= 0)
            QCOMPARE(o.number(QStringLiteral("same_state")), 1.0);
    }

    /** The observations teach what the text says. */
    void observationsMatchTheText()
    {
        const std::vector<Lesson> lessons = allLessons();
        // A constant key puts everything on one partition: skew = N = 4.
        const LessonObservation poor = findLesson(lessons, QStringLiteral("key-extractor"))->steps[2].run();
        QCOMPARE(poor.number(QStringLiteral("skew")), 4.0);
        // Modulo moves most keys, consistent hashing about 1/9.
        const LessonObservation modulo = findLesson(lessons, QStringLiteral("partition-count"))->steps[0].run();
        QVERIFY(modulo.number(QStringLiteral("xap")) > 0.8);
        const LessonObservation consistent = findLesson(lessons, QStringLiteral("partition-count"))->steps[1].run();
        for (const char *name : {"jump", "rendezvous", "ring"})
            QVERIFY2(consistent.number(QLatin1String(name)) < 0.2, name);
    }

    /** The space lessons show what XAP's rules say, on a real proxy. */
    void spaceObservations()
    {
        const std::vector<Lesson> lessons = allLessons();
        const Lesson *routing = findLesson(lessons, QStringLiteral("routing-property"));
        const LessonObservation implicit = routing->steps[1].run();
        QCOMPARE(implicit.number(QStringLiteral("customerId")), 1.0); // id
        QCOMPARE(implicit.number(QStringLiteral("price")), 1.0);      // first indexed, alphabetically
        QCOMPARE(implicit.number(QStringLiteral("author")), 1.0);     // first property, alphabetically
        const LessonObservation nullRouting = routing->steps[2].run();
        QCOMPARE(nullRouting.number(QStringLiteral("null_refused")), 1.0);
        QCOMPARE(nullRouting.number(QStringLiteral("count")), 1.0); // nothing written by the refused write

        const Lesson *broadcast = findLesson(lessons, QStringLiteral("routed-vs-broadcast"));
        const LessonObservation reads = broadcast->steps[0].run();
        QCOMPARE(reads.number(QStringLiteral("routed_partitions")), 1.0);
        QCOMPARE(reads.number(QStringLiteral("broadcast_partitions")), 4.0);
        const LessonObservation blocking = broadcast->steps[2].run();
        QCOMPARE(blocking.number(QStringLiteral("broadcast_refused")), 1.0);
        QCOMPARE(blocking.number(QStringLiteral("routed_partitions")), 1.0);

        const LessonObservation fifo = findLesson(lessons, QStringLiteral("fifo"))->steps[1].run();
        QCOMPARE(fifo.number(QStringLiteral("entries")), 12.0);
        QVERIFY(fifo.number(QStringLiteral("inversions")) > 0);

        const Lesson *colocation = findLesson(lessons, QStringLiteral("co-location"));
        const LessonObservation together = colocation->steps[0].run();
        QCOMPARE(together.number(QStringLiteral("same_partition")), 1.0);
        QCOMPARE(together.number(QStringLiteral("order_partitions")), 1.0);
        QCOMPARE(colocation->steps[1].run().number(QStringLiteral("order_partitions")), 4.0);
        QVERIFY(!colocation->steps[1].spaceScript.isEmpty());
    }

    /** Capacity: stable below saturation, not above; waiting grows; a hot key caps the rate. */
    void capacityObservations()
    {
        const std::vector<Lesson> lessons = allLessons();
        const Lesson *capacity = findLesson(lessons, QStringLiteral("capacity"));
        QVERIFY(capacity);
        const LessonObservation one = capacity->steps[0].run();
        QCOMPARE(one.number(QStringLiteral("stable_below")), 1.0);
        QCOMPARE(one.number(QStringLiteral("stable_above")), 0.0);
        QVERIFY(one.number(QStringLiteral("saturation")) < 20000.0);
        const LessonObservation two = capacity->steps[1].run();
        QVERIFY(two.number(QStringLiteral("wait_at_90")) > 4 * two.number(QStringLiteral("wait_at_50")));
        const LessonObservation three = capacity->steps[2].run();
        QVERIFY(three.number(QStringLiteral("saturation_2")) < three.number(QStringLiteral("saturation_4")));
        QCOMPARE(three.number(QStringLiteral("saturation_8")), three.number(QStringLiteral("saturation_16"))); // partition-bound
        QVERIFY(three.number(QStringLiteral("saturation_16")) <= 12500.0 + 1e-6);
    }

    /** Elasticsearch custom routing: the hot shard, its spread, and the default that undoes it. */
    void customRoutingObservations()
    {
        const std::vector<Lesson> lessons = allLessons();
        const Lesson *routing = findLesson(lessons, QStringLiteral("custom-routing"));
        QVERIFY(routing);
        const double hot = routing->steps[0].run().number(QStringLiteral("skew"));
        const double spread = routing->steps[1].run().number(QStringLiteral("skew"));
        const double undone = routing->steps[2].run().number(QStringLiteral("skew"));
        QVERIFY2(hot > 1.4, qPrintable(QString::number(hot)));
        QVERIFY2(spread < hot * 0.8, qPrintable(QStringLiteral("%1 vs %2").arg(spread).arg(hot)));
        QVERIFY2(undone > spread && std::abs(undone - hot) < std::abs(spread - hot), qPrintable(QStringLiteral("%1 %2 %3").arg(hot).arg(spread).arg(undone)));
        QCOMPARE(routing->steps[0].preset.partitioner, QStringLiteral("elasticsearch"));
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"

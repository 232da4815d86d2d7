// Lessons on partitioned state: one state object vs partitions, the key extractor, and changing
// the partition count. Every number a step prints comes from a run of the real engine.
#include "lessonrun.h"

#include "model/numberformat.h"
#include "routing/movementcounter.h"
#include "workload/scenariosource.h"

#include <QCoreApplication>

namespace partlab {

namespace {


LessonObservation failed(const QString &error)
{
    LessonObservation o;
    o.ok = false;
    o.lines << error;
    return o;
}

Lesson naiveVersusPartitioned()
{
    Lesson l;
    l.id = QStringLiteral("partitioned-state");
    l.title = QCoreApplication::translate("Lesson", "One state object vs partitioned state");
    l.teaches = QCoreApplication::translate("Lesson", "Why splitting state into partitions lets state computations run in parallel.");

    LessonPreset naive;
    naive.scenario = QStringLiteral("builtin:orders");
    naive.mode = RuntimeMode::Naive;
    naive.partitions = 8;
    naive.messages = 400'000;
    LessonPreset partitioned = naive;
    partitioned.mode = RuntimeMode::Partitioned;

    LessonStep one;
    one.title = QCoreApplication::translate("Lesson", "One state object, one computation at a time");
    one.text = QCoreApplication::translate("Lesson",
        "If all of the application state lives in one state object, only one state computation at a time may touch it. "
        "Here two workers share one dictionary of customer totals behind one lock: every order waits for the lock.");
    one.watch = QCoreApplication::translate("Lesson", "Throughput, and how both workers wait on the same lock.");
    one.preset = naive;
    one.run = [naive] {
        QString error;
        const auto s = runLessonPreset(naive, &error);
        if (!s)
            return failed(error);
        LessonObservation o;
        o.lines << QCoreApplication::translate("Lesson", "naive mode: %1 orders in %2 s = %3")
                       .arg(s->messages).arg(fmt::decimal(s->elapsedSeconds, 3)).arg(lessonRate(s->throughput));
        o.numbers = {{QStringLiteral("throughput"), s->throughput}};
        return o;
    };

    LessonStep two;
    two.title = QCoreApplication::translate("Lesson", "Partitioned state");
    two.text = QCoreApplication::translate("Lesson",
        "A customer's total does not depend on any other customer, so the state can be split: one state partition per "
        "group of customers, each owned by one worker. Different partitions are updated in parallel, with no lock.");
    two.watch = QCoreApplication::translate("Lesson", "Throughput against the naive run, and the identical final state.");
    two.preset = partitioned;
    two.run = [naive, partitioned] {
        QString error;
        const auto a = runLessonPreset(naive, &error);
        const auto b = a ? runLessonPreset(partitioned, &error) : std::nullopt;
        if (!b)
            return failed(error);
        LessonObservation o;
        o.lines << QCoreApplication::translate("Lesson", "naive: %1   partitioned: %2   ratio %3x")
                       .arg(lessonRate(a->throughput), lessonRate(b->throughput)).arg(fmt::decimal(b->throughput / a->throughput, 2));
        o.lines << (a->checksum == b->checksum
                        ? QCoreApplication::translate("Lesson", "Same final state (checksum %1): partitioning changes who computes, not what.").arg(b->checksum.left(16))
                        : QCoreApplication::translate("Lesson", "The final states differ: this is a bug, please report it."));
        o.numbers = {{QStringLiteral("naive"), a->throughput}, {QStringLiteral("partitioned"), b->throughput},
                     {QStringLiteral("same_state"), a->checksum == b->checksum ? 1.0 : 0.0}};
        return o;
    };

    LessonStep three;
    three.title = QCoreApplication::translate("Lesson", "Parallelism needs partitions and cores");
    three.text = QCoreApplication::translate("Lesson",
        "With one partition only one worker has anything to do, however many workers there are. "
        "With more partitions than workers, every worker owns some.");
    three.watch = QCoreApplication::translate("Lesson", "The busy time per partition and per worker.");
    LessonPreset single = partitioned;
    single.partitions = 1;
    three.preset = single;
    three.run = [single, partitioned] {
        QString error;
        const auto a = runLessonPreset(single, &error);
        const auto b = a ? runLessonPreset(partitioned, &error) : std::nullopt;
        if (!b)
            return failed(error);
        LessonObservation o;
        o.lines << QCoreApplication::translate("Lesson", "1 partition: %1   8 partitions: %2 (2 workers each)")
                       .arg(lessonRate(a->throughput), lessonRate(b->throughput));
        o.numbers = {{QStringLiteral("one_partition"), a->throughput}, {QStringLiteral("eight_partitions"), b->throughput}};
        return o;
    };
    l.steps = {one, two, three};
    return l;
}

Lesson keyExtractor()
{
    Lesson l;
    l.id = QStringLiteral("key-extractor");
    l.title = QCoreApplication::translate("Lesson", "The key extractor and partition keys");
    l.teaches = QCoreApplication::translate("Lesson", "How a message finds its state partition, and what a poor partition key does.");

    LessonPreset stocks;
    stocks.scenario = QStringLiteral("builtin:stocks");
    stocks.partitions = 4;
    stocks.messages = 100'000;
    stocks.rate = 2000;

    LessonStep one;
    one.title = QCoreApplication::translate("Lesson", "From message to partition");
    one.text = QCoreApplication::translate("Lesson",
        "Each stock tick carries a symbol, a price and a volume. The key extractor returns the symbol: that is the partition "
        "key. The partitioner (here XAP's rule) turns it into a partition: safeAbs(hashCode(symbol)) % 4.");
    one.watch = QCoreApplication::translate("Lesson", "Step through single messages and follow each to its partition.");
    one.preset = stocks;
    one.run = [stocks] {
        ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
        spec.messages = 6;
        ScenarioSource source(spec);
        PartitionerOptions po;
        po.partitions = stocks.partitions;
        QString error;
        const auto xap = createPartitioner(QStringLiteral("xap"), po, &error);
        LessonObservation o;
        SourceMessage m;
        while (source.next(m) == MessageSource::Status::Message) {
            const RouteExplanation e = xap->explain(RoutingKey::text(m.key));
            o.lines << QCoreApplication::translate("Lesson", "tick %1 @ %2 x %3  ->  key %1  ->  hashCode %4  ->  partition %5")
                           .arg(QString::fromUtf8(m.key.data(), qsizetype(m.key.size()))).arg(fmt::decimal(m.value, 2))
                           .arg(fmt::decimal(m.volume, 0)).arg(e.hash).arg(e.partition);
        }
        return o;
    };

    LessonStep two;
    two.title = QCoreApplication::translate("Lesson", "Same key, same partition, always");
    two.text = QCoreApplication::translate("Lesson",
        "Every tick of one symbol goes to the same partition, so that symbol's state is updated by one worker, in order, "
        "and needs no lock. Partitions differ in load because symbols differ in popularity.");
    two.watch = QCoreApplication::translate("Lesson", "Messages and keys per partition; click a bar to see its symbols.");
    two.preset = stocks;
    two.run = [stocks] {
        QString error;
        const auto s = runLessonPreset(stocks, &error);
        if (!s)
            return failed(error);
        LessonObservation o;
        for (std::size_t p = 0; p < s->partitionMessages.size(); ++p)
            o.lines << QCoreApplication::translate("Lesson", "partition %1: %2 ticks, %3 symbols").arg(p).arg(s->partitionMessages[p]).arg(s->partitionKeys[p]);
        for (const KeyResult &r : s->state) {
            if (r.key == "AAPL")
                o.lines << QCoreApplication::translate("Lesson", "AAPL: all %1 ticks applied on partition %2").arg(r.count).arg(r.partition);
        }
        o.lines << QCoreApplication::translate("Lesson", "skew (busiest / mean): %1").arg(fmt::decimal(s->skew, 2));
        o.numbers = {{QStringLiteral("skew"), s->skew}};
        return o;
    };

    LessonStep three;
    three.title = QCoreApplication::translate("Lesson", "A poor key extractor");
    three.text = QCoreApplication::translate("Lesson",
        "Suppose the key extractor returned the exchange ('NYSE') instead of the symbol. Every message then has the same "
        "partition key: one partition does all the work, the others idle, and the skew equals the partition count.");
    three.watch = QCoreApplication::translate("Lesson", "One bar full, the others empty.");
    three.preset = stocks;
    three.run = [stocks] {
        QString error;
        const auto s = runLessonPreset(stocks, &error, [](std::string_view) { return std::string("NYSE"); });
        if (!s)
            return failed(error);
        LessonObservation o;
        o.lines << QCoreApplication::translate("Lesson", "skew with the exchange as key: %1 (the maximum for %2 partitions)")
                       .arg(fmt::decimal(s->skew, 2)).arg(stocks.partitions);
        o.numbers = {{QStringLiteral("skew"), s->skew}};
        return o;
    };
    l.steps = {one, two, three};
    return l;
}

LessonObservation movementObservation(const QStringList &partitioners, int from, int to)
{
    LessonObservation o;
    for (const QString &name : partitioners) {
        PartitionerOptions po;
        po.partitions = from;
        QString error;
        auto p = createPartitioner(name, po, &error);
        if (!p)
            return failed(error);
        MovementCounter counter(std::move(p), to);
        for (quint32 i = 0; i < 20000; ++i)
            counter.add(RoutingKey::text(ScenarioSource::keyName(ScenarioSpec::Generator::Orders, i)));
        const MovementResult r = counter.result();
        QString units;
        if (!r.unitName.isEmpty() && r.unitsMoved >= 0)
            units = QCoreApplication::translate("Lesson", " (%1 of %2 %3s change owner)").arg(r.unitsMoved).arg(r.unitsTotal).arg(r.unitName);
        o.lines << QCoreApplication::translate("Lesson", "%1: %2 -> %3 partitions moves %4 of 20000 keys (the new partition's fair share: %5)%6")
                       .arg(name).arg(from).arg(to).arg(fmt::percent(r.fraction()))
                       .arg(fmt::percent(r.minimumFraction())).arg(units);
        o.numbers.emplace_back(name, r.fraction());
    }
    return o;
}

Lesson changingPartitionCount()
{
    Lesson l;
    l.id = QStringLiteral("partition-count");
    l.title = QCoreApplication::translate("Lesson", "Changing the partition count");
    l.teaches = QCoreApplication::translate("Lesson", "Modulo hashing vs consistent hashing vs slots: how many keys move when N changes.");

    LessonStep one;
    one.title = QCoreApplication::translate("Lesson", "Modulo: almost everything moves");
    one.text = QCoreApplication::translate("Lesson",
        "With hash % N, going from 8 to 9 partitions changes the partition of about 8 keys in 9: their state must move.");
    one.watch = QCoreApplication::translate("Lesson", "The rebalance preview before applying the new count.");
    one.preset.partitions = 8;
    one.run = [] { return movementObservation({QStringLiteral("xap"), QStringLiteral("kafka")}, 8, 9); };

    LessonStep two;
    two.title = QCoreApplication::translate("Lesson", "Consistent hashing: only the new partition's share moves");
    two.text = QCoreApplication::translate("Lesson",
        "Jump hash, rendezvous hashing and a hash ring move only the keys the new partition takes over: about 1 in 9.");
    two.watch = QCoreApplication::translate("Lesson", "Keys moved against the minimum.");
    two.preset.partitions = 8;
    two.preset.partitioner = QStringLiteral("jump");
    two.run = [] { return movementObservation({QStringLiteral("jump"), QStringLiteral("rendezvous"), QStringLiteral("ring")}, 8, 9); };

    LessonStep three;
    three.title = QCoreApplication::translate("Lesson", "Slots and key groups: move whole units");
    three.text = QCoreApplication::translate("Lesson",
        "Redis Cluster hashes keys to 16384 slots and Flink to key groups; nodes own ranges of them. Resizing moves whole "
        "slots or key groups, never single keys, so a key's unit never changes. Here the new owners are the contiguous "
        "ranges a fresh cluster of 9 would get, which shifts many ranges; an incremental rebalance could move fewer.");
    three.watch = QCoreApplication::translate("Lesson", "Units that change owner.");
    three.preset.partitions = 8;
    three.preset.partitioner = QStringLiteral("redis");
    three.run = [] { return movementObservation({QStringLiteral("redis"), QStringLiteral("flink")}, 8, 9); };

    LessonStep four;
    four.title = QCoreApplication::translate("Lesson", "Resizing live");
    four.text = QCoreApplication::translate("Lesson",
        "Partlab can change N while messages flow: it pauses intake, moves the state of every moved key to its new owner and "
        "resumes. Nothing is lost or applied twice: the final state equals a run without resizing.");
    four.watch = QCoreApplication::translate("Lesson", "Change the partition count while it runs and watch the pause.");
    four.preset.scenario = QStringLiteral("builtin:orders");
    four.preset.partitions = 8;
    four.preset.rate = 5000;
    four.run = [] {
        LessonPreset p;
        p.scenario = QStringLiteral("builtin:orders");
        p.partitions = 8;
        QString error;
        std::vector<ResizeReport> resizes;
        const auto resized = runLessonPreset(p, &error, {}, &resizes, p.messages / 2, 12);
        const auto plain = resized ? runLessonPreset(p, &error) : std::nullopt;
        if (!plain || resizes.empty())
            return failed(error);
        LessonObservation o;
        o.lines << QCoreApplication::translate("Lesson", "after %1 messages: 8 -> 12 partitions, %2 keys moved, paused %3 ms")
                       .arg(resizes[0].atMessage).arg(resizes[0].keysMoved).arg(fmt::decimal(resizes[0].pauseMs, 2));
        o.lines << (resized->checksum == plain->checksum
                        ? QCoreApplication::translate("Lesson", "final state identical to the run without resizing")
                        : QCoreApplication::translate("Lesson", "the final states differ: this is a bug, please report it"));
        o.numbers = {{QStringLiteral("keys_moved"), double(resizes[0].keysMoved)},
                     {QStringLiteral("same_state"), resized->checksum == plain->checksum ? 1.0 : 0.0}};
        return o;
    };
    l.steps = {one, two, three, four};
    return l;
}

} // namespace

std::vector<Lesson> runtimeLessons()
{
    return {naiveVersusPartitioned(), keyExtractor(), changingPartitionCount()};
}

} // namespace partlab

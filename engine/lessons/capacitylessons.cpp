// The capacity lesson: lag, waiting and saturation in virtual time (engine/capacity). Every
// number comes from a run of the capacity model on a built-in scenario's exact key mix.
#include "lesson.h"

#include "capacity/capacitymodel.h"
#include "model/numberformat.h"
#include "workload/scenario.h"

#include <QCoreApplication>

#include <functional>

namespace partlab {

namespace {

CapacityConfig stocksCluster(const KeyDistributionSpec &distribution)
{
    ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
    spec.distribution = distribution;
    CapacityConfig c;
    c.keys = scenarioKeys(spec);
    c.partitionerOptions.partitions = 8;
    c.consumers = 4;
    c.service = ServiceTimeSpec{ServiceTimeSpec::Kind::Exponential, 200.0, 0.0};
    c.messages = 400'000;
    return c;
}

QString describe(const CapacityConfig &c, const CapacityResult &r)
{
    return QCoreApplication::translate("Lesson", "%1 on %2 consumers: %3, utilisation of the busiest consumer %4, mean wait %5 us, p99 %6 us")
        .arg(fmt::rate(c.rate)).arg(c.consumers)
        .arg(r.stable ? QCoreApplication::translate("Lesson", "stable") : QCoreApplication::translate("Lesson", "NOT stable"))
        .arg(fmt::percent(std::max_element(r.consumers.begin(), r.consumers.end(),
                                           [](const auto &a, const auto &b) { return a.utilization < b.utilization; })->utilization))
        .arg(fmt::decimal(r.meanWaitUs, 0), fmt::decimal(r.latencyUs.p99, 0));
}

/**
 * Runs @p c at each share of its saturation rate, adds a line per run and, per share, the number
 * @p pick takes from the run under the name @p names gives it.
 */
void runAtShares(CapacityConfig c, double saturation, std::initializer_list<std::pair<double, const char *>> shares,
                 const std::function<double(const CapacityResult &)> &pick, LessonObservation &o)
{
    for (const auto &[share, name] : shares) {
        c.rate = saturation * share;
        const CapacityResult r = simulateCapacity(c);
        o.lines << describe(c, r);
        o.numbers.emplace_back(QLatin1String(name), pick(r));
    }
}

LessonPreset preset()
{
    LessonPreset p;
    p.scenario = QStringLiteral("builtin:stocks");
    p.partitions = 8;
    return p;
}

Lesson capacity()
{
    Lesson l;
    l.id = QStringLiteral("capacity");
    l.title = QCoreApplication::translate("Lesson", "Capacity: lag, waiting and saturation");
    l.teaches = QCoreApplication::translate("Lesson", "How close to saturation a cluster may run, and when more consumers stop helping.");
    KeyDistributionSpec zipf;
    zipf.kind = KeyDistributionSpec::Kind::Zipf;
    zipf.zipfExponent = 0.8;

    LessonStep one;
    one.title = QCoreApplication::translate("Lesson", "The saturation rate");
    one.text = QCoreApplication::translate("Lesson",
        "8 partitions of stock ticks go to 4 consumers, one thread each; a tick costs 200 us on average. The busiest "
        "consumer decides how many ticks per second the cluster can take: beyond that its lag grows without end.");
    one.watch = QCoreApplication::translate("Lesson", "The Capacity tab: 4 consumers, exponential 200 us, Predict; then raise the rate.");
    one.preset = preset();
    one.run = [zipf] {
        CapacityConfig c = stocksCluster(zipf);
        const double saturation = analyticSaturationRate(c);
        LessonObservation o;
        o.lines << QCoreApplication::translate("Lesson", "saturation rate: %1 (4 consumers could do 20 k msg/s if the load were even)")
                       .arg(fmt::rate(saturation));
        runAtShares(c, saturation, {{0.8, "stable_below"}, {1.1, "stable_above"}},
                    [](const CapacityResult &r) { return r.stable ? 1.0 : 0.0; }, o);
        o.numbers.emplace_back(QStringLiteral("saturation"), saturation);
        return o;
    };

    LessonStep two;
    two.title = QCoreApplication::translate("Lesson", "Waiting grows like 1 / (1 - utilisation)");
    two.text = QCoreApplication::translate("Lesson",
        "Below saturation the lag stays bounded, but not small: a queue with random arrivals and service waits about "
        "utilisation / (1 - utilisation) service times. At half the saturation rate messages barely wait; at 90 % they wait "
        "many times longer. Plan for a utilisation well below 100 %.");
    two.watch = QCoreApplication::translate("Lesson", "The p99 as the rate slider approaches the saturation rate.");
    two.preset = preset();
    two.run = [zipf] {
        CapacityConfig c = stocksCluster(zipf);
        const double saturation = analyticSaturationRate(c);
        LessonObservation o;
        runAtShares(c, saturation, {{0.5, "wait_at_50"}, {0.9, "wait_at_90"}},
                    [](const CapacityResult &r) { return r.meanWaitUs; }, o);
        return o;
    };

    LessonStep three;
    three.title = QCoreApplication::translate("Lesson", "A hot key pins its partition");
    three.text = QCoreApplication::translate("Lesson",
        "When one ticker carries 40 % of the ticks, its partition gets 40 % of the work and only one thread may serve it, in "
        "order. Its partition saturates below 1 / (0.4 x 200 us) = 12.5 k msg/s (it holds other tickers too), and once a "
        "consumer serves nothing else, more consumers do not help: salt the key or route by another property.");
    three.watch = QCoreApplication::translate("Lesson", "The heat map: the saturation rate stops growing with the consumers.");
    three.preset = preset();
    three.run = [] {
        KeyDistributionSpec hot;
        hot.kind = KeyDistributionSpec::Kind::HotKey;
        hot.hotKeyShare = 0.4;
        CapacityConfig c = stocksCluster(hot);
        c.rate = 1000;
        LessonObservation o;
        for (const int consumers : {2, 4, 8, 16}) {
            c.consumers = consumers;
            const CapacityResult r = simulateCapacity(c);
            o.lines << QCoreApplication::translate("Lesson", "%1 consumers: saturation rate %2%3")
                           .arg(consumers).arg(fmt::rate(r.analyticSaturationRate))
                           .arg(r.partitionBound ? QCoreApplication::translate("Lesson", " (partition %1, key %2, saturates first)")
                                                       .arg(r.bottleneck).arg(QString::fromStdString(r.hotKey))
                                                 : QString());
            o.numbers.emplace_back(QStringLiteral("saturation_%1").arg(consumers), r.analyticSaturationRate);
        }
        return o;
    };

    l.steps = {one, two, three};
    return l;
}

} // namespace

std::vector<Lesson> capacityLessons()
{
    return {capacity()};
}

} // namespace partlab

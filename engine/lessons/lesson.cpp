#include "lesson.h"

namespace partlab {

std::vector<Lesson> runtimeLessons(); // runtimelessons.cpp: partitioned state, key extractor, partition count
std::vector<Lesson> spaceLessons();   // spacelessons.cpp: routing property, routed/broadcast, FIFO, co-location
std::vector<Lesson> routingLessons(); // routinglessons.cpp: Elasticsearch custom routing
std::vector<Lesson> capacityLessons(); // capacitylessons.cpp: lag, waiting and saturation

std::vector<Lesson> allLessons()
{
    // Teaching order: state first (1, 2), then the partitioned space (3-6), then resizing (7),
    // then another system's routing rules (8), then capacity (9).
    std::vector<Lesson> state = runtimeLessons();
    std::vector<Lesson> space = spaceLessons();
    std::vector<Lesson> ordered{state[0], state[1]};
    ordered.insert(ordered.end(), space.begin(), space.end());
    ordered.push_back(state[2]);
    for (const Lesson &l : routingLessons())
        ordered.push_back(l);
    for (const Lesson &l : capacityLessons())
        ordered.push_back(l);
    return ordered;
}

void LessonPreset::applyTo(RuntimeConfig &config) const
{
    config.partitioner = partitioner;
    config.partitionerOptions.partitions = partitions;
    config.workers = workers;
    config.mode = mode;
    if (computation)
        config.computation = *computation;
}

const Lesson *findLesson(const std::vector<Lesson> &lessons, const QString &id)
{
    for (const Lesson &l : lessons) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

} // namespace partlab

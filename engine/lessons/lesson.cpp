#include "lesson.h"

namespace partlab {

std::vector<Lesson> runtimeLessons(); // runtimelessons.cpp

std::vector<Lesson> allLessons()
{
    std::vector<Lesson> all = runtimeLessons();
    // Teaching order: state first (1, 2), then the partitioned space (3-6), then resizing (7).
    std::vector<Lesson> ordered;
    ordered.push_back(all[0]);
    ordered.push_back(all[1]);
    ordered.push_back(all[2]);
    return ordered;
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

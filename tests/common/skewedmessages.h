#pragma once

// The stress tests' messages: skewed keys (a few hot ones, a long tail), values rising with the
// message index, so that a key's "last" value is its maximum and any reordering shows.
#include <QtGlobal>

#include <random>
#include <string>
#include <vector>

namespace partlab::test {

struct Msg
{
    std::string key;
    double value;
};

inline std::vector<Msg> makeMessages(std::size_t count, quint64 seed)
{
    std::mt19937_64 random(seed);
    std::vector<Msg> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const quint64 r = random() % 100;
        const quint64 key = r < 30 ? random() % 4 : r < 70 ? random() % 64 : random() % 3000;
        out.push_back({"k" + std::to_string(key), double(i)});
    }
    return out;
}

} // namespace partlab::test

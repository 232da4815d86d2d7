#include "measuredcost.h"

#include "runtime/keystatetable.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace partlab {

double measureServiceTimeUs(Computation computation, const std::vector<CapacityKey> &keys, quint64 messages)
{
    if (keys.empty() || messages == 0)
        return 0.0;
    // A message sequence with the keys' shares: key i appears about weight_i / total x 4096 times.
    double total = 0.0;
    for (const CapacityKey &k : keys)
        total += k.weight;
    std::vector<quint32> order;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto copies = std::max<std::size_t>(1, std::size_t(std::lround(keys[i].weight / total * 4096.0)));
        order.insert(order.end(), copies, quint32(i));
    }
    std::vector<double> perMessageUs;
    dispatchComputation(computation, [&]<Computation C>() {
        for (int pass = 0; pass < 4; ++pass) { // pass 0 warms the table and the caches
            KeyStateTable table;
            QElapsedTimer timer;
            timer.start();
            for (quint64 m = 0; m < messages; ++m) {
                const std::string &key = keys[order[m % order.size()]].key;
                const quint64 hash = hashKey(key);
                KeyState *state = table.find(key, hash);
                if (!state)
                    state = &table.insert(key, hash);
                applyComputation<C>(*state, double(m % 97) + 1.0, 1.0);
            }
            if (pass > 0)
                perMessageUs.push_back(double(timer.nsecsElapsed()) / 1000.0 / double(messages));
        }
    });
    std::sort(perMessageUs.begin(), perMessageUs.end());
    return perMessageUs[perMessageUs.size() / 2];
}

} // namespace partlab

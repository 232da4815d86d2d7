#include "keyweights.h"

#include <algorithm>
#include <unordered_map>

namespace partlab {

std::optional<std::vector<KeyWeight>> countKeys(MessageSource &source, quint64 maxKeys, QString *error)
{
    std::unordered_map<std::string, quint64> counts;
    SourceMessage m;
    std::string key;
    for (;;) {
        const MessageSource::Status status = source.next(m);
        if (status == MessageSource::Status::End)
            break;
        if (status == MessageSource::Status::Error) {
            if (error)
                *error = source.errorString();
            return std::nullopt;
        }
        key.assign(m.key);
        auto it = counts.find(key);
        if (it == counts.end()) {
            if (counts.size() >= maxKeys) {
                if (error) {
                    const QString where = source.location();
                    *error = QStringLiteral("%1more than %2 distinct keys (raise --max-keys)")
                                 .arg(where.isEmpty() ? QString() : where + QStringLiteral(": ")).arg(maxKeys);
                }
                return std::nullopt;
            }
            it = counts.emplace(key, 0).first;
        }
        ++it->second;
    }
    std::vector<KeyWeight> out;
    out.reserve(counts.size());
    for (auto &[k, w] : counts)
        out.push_back({k, w});
    std::sort(out.begin(), out.end(), [](const KeyWeight &a, const KeyWeight &b) { return a.key < b.key; });
    return out;
}

} // namespace partlab

#include "scenario.h"

#include "model/limits.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace partlab {

QString ScenarioSpec::generatorName(Generator g)
{
    switch (g) {
    case Generator::Words: return QStringLiteral("words");
    case Generator::Orders: return QStringLiteral("orders");
    case Generator::Stocks: break;
    }
    return QStringLiteral("stocks");
}

std::optional<ScenarioSpec::Generator> ScenarioSpec::generatorFromName(const QString &name)
{
    if (name == QLatin1String("stocks"))
        return Generator::Stocks;
    if (name == QLatin1String("words"))
        return Generator::Words;
    if (name == QLatin1String("orders"))
        return Generator::Orders;
    return std::nullopt;
}

QStringList ScenarioSpec::builtinNames()
{
    return {QStringLiteral("stocks"), QStringLiteral("words"), QStringLiteral("orders")};
}

std::optional<ScenarioSpec> ScenarioSpec::builtin(const QString &name)
{
    ScenarioSpec s;
    s.name = name;
    if (name == QLatin1String("stocks")) {
        // Ticker popularity is skewed: a few symbols trade far more than the rest.
        s.generator = Generator::Stocks;
        s.distribution.kind = KeyDistributionSpec::Kind::Zipf;
        s.distribution.zipfExponent = 0.8;
        s.keys = 200;
        s.computation = Computation::Vwap;
        return s;
    }
    if (name == QLatin1String("words")) {
        s.generator = Generator::Words;
        s.distribution.kind = KeyDistributionSpec::Kind::Zipf;
        s.distribution.zipfExponent = 1.1; // natural language is close to Zipf's law
        s.keys = 5000;
        s.computation = Computation::Count;
        return s;
    }
    if (name == QLatin1String("orders")) {
        s.generator = Generator::Orders;
        s.distribution.kind = KeyDistributionSpec::Kind::Uniform;
        s.keys = 1000;
        s.computation = Computation::Sum;
        return s;
    }
    return std::nullopt;
}

QString ScenarioSpec::validate() const
{
    if (keys < 1 || keys > kMaxKeys)
        return QStringLiteral("'keys' must be between 1 and %1 (got %2)").arg(kMaxKeys).arg(keys);
    if (partitions < 1 || partitions > limits::kMaxPartitions)
        return QStringLiteral("'partitions' must be between 1 and %1 (got %2)").arg(limits::kMaxPartitions).arg(partitions);
    if (workers < 0 || workers > 1024)
        return QStringLiteral("'workers' must be between 0 (one per core) and 1024 (got %1)").arg(workers);
    if (!(rate >= 0.0) || std::isinf(rate))
        return QStringLiteral("'rate' must be 0 (as fast as possible) or a positive number");
    if (distribution.kind == KeyDistributionSpec::Kind::Zipf
        && !(distribution.zipfExponent > 0.0 && distribution.zipfExponent <= 10.0))
        return QStringLiteral("'zipf_exponent' must be in (0, 10] (got %1)").arg(distribution.zipfExponent);
    if (!(distribution.hotKeyShare >= 0.0 && distribution.hotKeyShare <= 1.0))
        return QStringLiteral("'hot_key_share' must be between 0 and 1 (got %1)").arg(distribution.hotKeyShare);
    return {};
}

namespace {

// Line and column of a byte offset, for JSON syntax errors.
QString lineColumn(const QByteArray &text, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

/** Reads typed fields from a JSON object, remembering the first problem. */
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, const QString &origin)
        : m_object(object)
        , m_origin(origin)
    {
    }

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString &field, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: field '%2': %3").arg(m_origin, field, problem);
    }

    std::optional<QString> string(const QString &field)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isString()) {
            fail(field, QStringLiteral("must be a string"));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<double> number(const QString &field)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(field, QStringLiteral("must be a number"));
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::optional<qint64> integer(const QString &field, qint64 min, qint64 max)
    {
        const std::optional<double> d = number(field);
        if (!d)
            return std::nullopt;
        if (*d != std::floor(*d) || *d < double(min) || *d > double(max)) {
            fail(field, QStringLiteral("must be a whole number between %1 and %2 (got %3)")
                            .arg(min).arg(max).arg(*d));
            return std::nullopt;
        }
        return qint64(*d);
    }

private:
    QJsonObject m_object;
    QString m_origin;
    QString m_error;
};

} // namespace

std::optional<ScenarioSpec> parseScenarioJson(const QByteArray &json, const QString &origin, QString *error)
{
    auto failWith = [&](const QString &message) -> std::optional<ScenarioSpec> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failWith(QStringLiteral("%1:%2: invalid JSON: %3")
                            .arg(origin, lineColumn(json, parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        return failWith(QStringLiteral("%1: a scenario must be a JSON object").arg(origin));
    const QJsonObject obj = doc.object();

    static const QStringList known = {
        QStringLiteral("name"), QStringLiteral("generator"), QStringLiteral("distribution"),
        QStringLiteral("zipf_exponent"), QStringLiteral("hot_key_share"), QStringLiteral("keys"),
        QStringLiteral("messages"), QStringLiteral("rate"), QStringLiteral("partitions"),
        QStringLiteral("workers"), QStringLiteral("computation"), QStringLiteral("partitioner"),
        QStringLiteral("seed")};
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!known.contains(it.key()))
            return failWith(QStringLiteral("%1: unknown field '%2' (known fields: %3)")
                                .arg(origin, it.key(), known.join(QStringLiteral(", "))));
    }

    FieldReader r(obj, origin);
    const QString generatorText = r.string(QStringLiteral("generator")).value_or(QStringLiteral("stocks"));
    const auto generator = ScenarioSpec::generatorFromName(generatorText);
    if (!generator) {
        r.fail(QStringLiteral("generator"), QStringLiteral("unknown generator '%1' (stocks, words, orders)").arg(generatorText));
        return failWith(r.error());
    }
    ScenarioSpec s = *ScenarioSpec::builtin(ScenarioSpec::generatorName(*generator));
    s.name = r.string(QStringLiteral("name")).value_or(QFileInfo(origin).completeBaseName());
    if (const auto d = r.string(QStringLiteral("distribution"))) {
        const auto kind = KeyDistributionSpec::kindFromName(*d);
        if (!kind)
            r.fail(QStringLiteral("distribution"), QStringLiteral("unknown distribution '%1' (uniform, zipf, hotkey)").arg(*d));
        else
            s.distribution.kind = *kind;
    }
    if (const auto v = r.number(QStringLiteral("zipf_exponent")))
        s.distribution.zipfExponent = *v;
    if (const auto v = r.number(QStringLiteral("hot_key_share")))
        s.distribution.hotKeyShare = *v;
    if (const auto v = r.integer(QStringLiteral("keys"), 1, ScenarioSpec::kMaxKeys))
        s.keys = quint32(*v);
    if (const auto v = r.integer(QStringLiteral("messages"), 0, qint64(1) << 50))
        s.messages = quint64(*v);
    if (const auto v = r.number(QStringLiteral("rate")))
        s.rate = *v;
    if (const auto v = r.integer(QStringLiteral("partitions"), 1, limits::kMaxPartitions))
        s.partitions = int(*v);
    if (const auto v = r.integer(QStringLiteral("workers"), 0, 1024))
        s.workers = int(*v);
    if (const auto v = r.integer(QStringLiteral("seed"), 0, qint64(1) << 53))
        s.seed = quint64(*v);
    if (const auto v = r.string(QStringLiteral("computation"))) {
        const auto c = computationFromName(*v);
        if (!c)
            r.fail(QStringLiteral("computation"), QStringLiteral("unknown computation '%1' (%2)")
                                                      .arg(*v, computationNames().join(QStringLiteral(", "))));
        else
            s.computation = *c;
    }
    if (const auto v = r.string(QStringLiteral("partitioner")))
        s.partitioner = *v;
    if (r.failed())
        return failWith(r.error());
    const QString problem = s.validate();
    if (!problem.isEmpty())
        return failWith(QStringLiteral("%1: %2").arg(origin, problem));
    return s;
}

std::optional<ScenarioSpec> loadScenarioFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Scenario files are small; anything huge is not a scenario. Read at most one byte past the
    // limit: size() is 0 for a device or a pipe (/dev/zero, <(...)), so it cannot be trusted.
    constexpr qint64 kMaxBytes = 1 << 20;
    const QByteArray text = file.read(kMaxBytes + 1);
    if (text.size() > kMaxBytes) {
        if (error)
            *error = QStringLiteral("%1: too large for a scenario file (more than %2 bytes)").arg(path).arg(kMaxBytes);
        return std::nullopt;
    }
    return parseScenarioJson(text, path, error);
}

std::optional<ScenarioSpec> resolveScenario(const QString &spec, QString *error)
{
    if (spec.isEmpty()) { // QFile would warn on stderr and fail with a vaguer reason
        if (error)
            *error = QStringLiteral("no scenario given (builtin:%1 or a scenario JSON file)")
                         .arg(ScenarioSpec::builtinNames().join(QStringLiteral(", builtin:")));
        return std::nullopt;
    }
    if (spec.startsWith(QLatin1String("builtin:"))) {
        const QString name = spec.mid(8);
        auto s = ScenarioSpec::builtin(name);
        if (!s && error)
            *error = QStringLiteral("unknown built-in scenario '%1' (choose builtin:%2)")
                         .arg(name, ScenarioSpec::builtinNames().join(QStringLiteral(", builtin:")));
        return s;
    }
    return loadScenarioFile(spec, error);
}

} // namespace partlab

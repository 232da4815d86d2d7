#pragma once

#include "keydistribution.h"
#include "runtime/computation.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace partlab {

/**
 * A built-in or file-defined workload: which generator, how keys are distributed, how many
 * messages, and the runtime settings it suggests. Deterministic for a seed.
 */
struct ScenarioSpec
{
    enum class Generator { Stocks, Words, Orders };

    QString name = QStringLiteral("stocks");
    Generator generator = Generator::Stocks;
    KeyDistributionSpec distribution;
    quint32 keys = 200;
    quint64 messages = 200'000;
    double rate = 0.0; ///< messages per second, 0 = as fast as possible
    int partitions = 8;
    int workers = 0;   ///< 0 = one per core
    Computation computation = Computation::Last;
    QString partitioner = QStringLiteral("xap");
    quint64 seed = 1;

    /** Field by field (defaulted: a new field can never be left out). */
    friend bool operator==(const ScenarioSpec &, const ScenarioSpec &) = default;

    static constexpr quint32 kMaxKeys = 10'000'000;

    static QString generatorName(Generator g);
    static std::optional<Generator> generatorFromName(const QString &name);
    /** The names accepted after "builtin:". */
    static QStringList builtinNames();
    /** builtin:stocks, builtin:words, builtin:orders. */
    static std::optional<ScenarioSpec> builtin(const QString &name);
    /** A one-line error for impossible values, or an empty string. */
    QString validate() const;
};

/**
 * Reads a scenario JSON file (format in README). Unknown fields and wrong types are errors that
 * name the file and the field ("FILE: field 'keys': ..."); a JSON syntax error names the line.
 * Fields not given keep the values of the generator's built-in scenario.
 */
std::optional<ScenarioSpec> loadScenarioFile(const QString &path, QString *error);

/** Parses scenario JSON from memory (@p origin names it in errors). */
std::optional<ScenarioSpec> parseScenarioJson(const QByteArray &json, const QString &origin, QString *error);

/** "builtin:NAME" or a file path. */
std::optional<ScenarioSpec> resolveScenario(const QString &spec, QString *error);

} // namespace partlab

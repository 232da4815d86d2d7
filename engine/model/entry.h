#pragma once

#include "value.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace partlab {

/**
 * One space entry (or a template): a type name and its property values.
 *
 * An unset property is null. As a template, set properties must match by equality and unset
 * ones are wildcards, exactly as XAP matches a template object.
 *
 * Compact and implicitly shared, because a space holds millions of them: the type name and the
 * sorted names of the set properties live in a *shape* shared by every entry with the same type
 * and the same set properties; an entry itself is one allocation holding a reference count, its
 * shape and its values in name order. Copying an entry copies a pointer; changing a shared one
 * copies its values first.
 */
class Entry
{
public:
    // The representation (public for the space's tables and the helpers in entry.cpp).
    struct Shape;
    struct Data;

    Entry() = default;
    explicit Entry(const QString &typeName);
    Entry(const Entry &other) noexcept;
    Entry(Entry &&other) noexcept : d(other.d) { other.d = nullptr; }
    Entry &operator=(const Entry &other) noexcept;
    Entry &operator=(Entry &&other) noexcept;
    ~Entry();

    const QString &typeName() const;
    void setTypeName(const QString &name);

    /** The value of @p property, null when unset. */
    Value value(const QString &property) const { return valueRef(property); }
    /** The same without a copy (a shared null when unset): queries and indexes read every entry. */
    const Value &valueRef(const QString &property) const;
    /** Sets @p property; a null value unsets it. Returns false (nothing changed) past kMaxProperties. */
    bool setValue(const QString &property, const Value &value);
    bool has(const QString &property) const { return position(property) >= 0; }

    /** The set properties, by name (sorted, which keeps output deterministic). */
    int propertyCount() const;
    const QString &propertyName(int i) const;
    const Value &propertyValue(int i) const;

    /** Where @p property is among the set properties (propertyName order), -1 when unset. */
    int position(const QString &property) const;

    /**
     * The same entry stored compactly by a space partition: exactly as many slots as values,
     * under @p shape (one equal to this entry's, shared by the partition's entries of the type),
     * and each value replaced by the equal one @p intern returns (an index's key, so that equal
     * strings share one buffer). @p intern(i, value) returns nullptr to keep the value.
     */
    template<typename Intern>
    Entry compacted(const std::shared_ptr<const Shape> &shape, Intern intern) const;

    /** The allocation that holds the values (nullptr for a null entry): a space table's id index points at it. */
    const Data *data() const { return d; }
    /** Another reference to @p data, which an entry holds (not null): a space table hands out a stored entry so. */
    static Entry sharing(const Data *data);

    /** No allocation at all: a default-constructed entry (a space row marks a taken entry so). */
    bool isNull() const { return !d; }
    /** The type name and property names (shared by alike entries; null for a null entry). */
    const std::shared_ptr<const Shape> &shape() const;

    friend bool operator==(const Entry &a, const Entry &b);
    friend bool operator!=(const Entry &a, const Entry &b) { return !(a == b); }

    /** Properties one entry can hold (a template or an entry of any type). */
    static constexpr int kMaxProperties = 65535;

    /** Bytes one stored entry of @p properties values takes in its allocation (for the memory figures). */
    static std::size_t storedBytes(int properties);

private:
    explicit Entry(Data *data) : d(data) {}
    static Data *allocate(std::shared_ptr<const Shape> shape, int capacity);
    static void release(Data *data);
    /** d, unshared and with room for @p capacity values (the values kept). */
    Data *detach(int capacity);

    Data *d = nullptr;
};

/** Immutable: a type name and the sorted names of the set properties. */
struct Entry::Shape
{
    QString typeName;
    QStringList names;
    /** The shape with @p name added (cached: entries are built one property at a time). */
    std::shared_ptr<const Shape> with(const QString &name, const std::shared_ptr<const Shape> &self) const;
    std::shared_ptr<const Shape> without(int position) const;
    /** with() through the shape's own cache, under its lock. */
    std::shared_ptr<const Shape> shared(const QString &name) const;
    bool sameAs(const Shape &other) const { return this == &other || (typeName == other.typeName && names == other.names); }

private:
    mutable std::mutex m_mutex;
    mutable std::vector<std::pair<QString, std::shared_ptr<const Shape>>> m_children;
};

struct Entry::Data
{
    std::atomic<int> ref{1};
    quint16 count = 0;    ///< at most kMaxProperties
    quint16 capacity = 0;
    std::shared_ptr<const Shape> shape;
    Value *values() { return reinterpret_cast<Value *>(this + 1); }
    const Value *values() const { return reinterpret_cast<const Value *>(this + 1); }
};
static_assert(sizeof(Entry::Data) % alignof(Value) == 0, "the values follow the header directly");
static_assert(sizeof(Entry::Data) == 24, "one stored entry: 24 bytes of header, then its values");

template<typename Intern>
Entry Entry::compacted(const std::shared_ptr<const Shape> &shape, Intern intern) const
{
    if (!d)
        return Entry();
    Q_ASSERT(shape->sameAs(*d->shape));
    Data *copy = allocate(shape, d->count);
    for (int i = 0; i < d->count; ++i) {
        const Value *shared = intern(i, d->values()[i]);
        new (copy->values() + i) Value(shared ? *shared : d->values()[i]);
        ++copy->count;
    }
    return Entry(copy);
}

} // namespace partlab

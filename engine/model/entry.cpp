#include "entry.h"

#include <algorithm>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

namespace partlab {

namespace {

/** The position of @p name in the sorted @p names, or where it would go (as ~position). */
int find(const QStringList &names, const QString &name)
{
    int low = 0, high = int(names.size());
    while (low < high) {
        const int mid = (low + high) / 2;
        const int order = QStringView(names[mid]).compare(QStringView(name));
        if (order == 0)
            return mid;
        if (order < 0)
            low = mid + 1;
        else
            high = mid;
    }
    return ~low;
}

using ShapePtr = std::shared_ptr<const Entry::Shape>;

/** The shape of an entry of @p typeName with no value set; recent ones per thread are reused. */
ShapePtr rootShape(const QString &typeName)
{
    // Per thread: no lock on the path every new entry takes. Shapes equal by content compare
    // equal whichever thread made them.
    thread_local std::vector<ShapePtr> recent;
    for (const ShapePtr &shape : recent)
        if (shape->typeName == typeName)
            return shape;
    auto shape = std::make_shared<Entry::Shape>();
    shape->typeName = typeName;
    if (recent.size() >= 16)
        recent.erase(recent.begin());
    recent.push_back(shape);
    return shape;
}

} // namespace

ShapePtr Entry::Shape::with(const QString &name, const ShapePtr &self) const
{
    Q_ASSERT(self.get() == this);
    // Per thread first: building entries (every write does) takes no lock. The cache holds its
    // parents, so a pointer in it always names the shape it was made for.
    struct Recent
    {
        ShapePtr parent, child;
        QString name;
    };
    thread_local std::vector<Recent> recent;
    thread_local std::size_t next = 0;
    for (const Recent &r : recent)
        if (r.parent.get() == this && r.name == name)
            return r.child;
    ShapePtr child = shared(name);
    constexpr std::size_t kRecent = 16;
    if (recent.size() < kRecent)
        recent.push_back({self, child, name});
    else
        recent[next++ % kRecent] = {self, child, name};
    return child;
}

ShapePtr Entry::Shape::shared(const QString &name) const
{
    // Bounded: a shape with many different children (names typed by hand) stops caching them.
    constexpr std::size_t kMaxChildren = 32;
    std::lock_guard lock(m_mutex);
    for (const auto &[added, child] : m_children)
        if (added == name)
            return child;
    auto child = std::make_shared<Shape>();
    child->typeName = typeName;
    child->names = names;
    child->names.insert(~find(names, name), name);
    if (m_children.size() < kMaxChildren)
        m_children.emplace_back(name, child);
    return child;
}

ShapePtr Entry::Shape::without(int position) const
{
    auto child = std::make_shared<Shape>();
    child->typeName = typeName;
    child->names = names;
    child->names.removeAt(position);
    return child;
}

Entry::Data *Entry::allocate(ShapePtr shape, int capacity)
{
    void *memory = ::operator new(sizeof(Data) + std::size_t(capacity) * sizeof(Value));
    Data *data = new (memory) Data;
    data->capacity = quint16(capacity);
    data->shape = std::move(shape);
    return data;
}

void Entry::release(Data *data)
{
    if (!data || data->ref.fetch_sub(1, std::memory_order_acq_rel) != 1)
        return;
    for (int i = 0; i < data->count; ++i)
        data->values()[i].~Value();
    data->~Data();
    ::operator delete(data);
}

std::size_t Entry::storedBytes(int properties)
{
    return sizeof(Data) + std::size_t(properties) * sizeof(Value);
}

Entry::Entry(const QString &typeName)
    : d(allocate(rootShape(typeName), 4))
{
}

Entry::Entry(const Entry &other) noexcept
    : d(other.d)
{
    if (d)
        d->ref.fetch_add(1, std::memory_order_relaxed);
}

Entry Entry::sharing(const Data *data)
{
    Q_ASSERT(data);
    Data *shared = const_cast<Data *>(data); // the count is the only thing that changes
    shared->ref.fetch_add(1, std::memory_order_relaxed);
    return Entry(shared);
}

Entry &Entry::operator=(const Entry &other) noexcept
{
    if (other.d)
        other.d->ref.fetch_add(1, std::memory_order_relaxed);
    release(d);
    d = other.d;
    return *this;
}

Entry &Entry::operator=(Entry &&other) noexcept
{
    std::swap(d, other.d);
    return *this;
}

Entry::~Entry()
{
    release(d);
}

Entry::Data *Entry::detach(int capacity)
{
    if (!d) {
        d = allocate(rootShape(QString()), std::max(capacity, 4));
        return d;
    }
    if (d->ref.load(std::memory_order_acquire) == 1 && d->capacity >= capacity)
        return d;
    Data *copy = allocate(d->shape, std::max(capacity, int(d->count)));
    for (int i = 0; i < d->count; ++i) {
        new (copy->values() + i) Value(d->values()[i]);
        ++copy->count;
    }
    release(d);
    d = copy;
    return d;
}

const QString &Entry::typeName() const
{
    static const QString none;
    return d ? d->shape->typeName : none;
}

void Entry::setTypeName(const QString &name)
{
    if (typeName() == name)
        return;
    Data *data = detach(d ? d->count : 0);
    auto shape = std::make_shared<Shape>();
    shape->typeName = name;
    shape->names = data->shape->names;
    data->shape = std::move(shape);
}

const std::shared_ptr<const Entry::Shape> &Entry::shape() const
{
    static const std::shared_ptr<const Shape> none;
    return d ? d->shape : none;
}

int Entry::propertyCount() const
{
    return d ? d->count : 0;
}

const QString &Entry::propertyName(int i) const
{
    return d->shape->names[i];
}

const Value &Entry::propertyValue(int i) const
{
    return d->values()[i];
}

int Entry::position(const QString &property) const
{
    if (!d)
        return -1;
    const int at = find(d->shape->names, property);
    return at >= 0 ? at : -1;
}

const Value &Entry::valueRef(const QString &property) const
{
    static const Value null;
    const int at = position(property);
    return at >= 0 ? d->values()[at] : null;
}

bool Entry::setValue(const QString &property, const Value &value)
{
    const int at = d ? find(d->shape->names, property) : ~0;
    if (at >= 0) {
        Data *data = detach(d->count);
        if (!value.isNull()) {
            data->values()[at] = value;
            return true;
        }
        // Unset: the values after it move down one slot, under the shape without the name.
        Value *values = data->values();
        for (int i = at; i + 1 < data->count; ++i)
            values[i] = std::move(values[i + 1]);
        values[data->count - 1].~Value();
        --data->count;
        data->shape = data->shape->without(at);
        return true;
    }
    if (value.isNull())
        return true;
    const int insertAt = ~at;
    const int count = d ? d->count : 0;
    if (count >= kMaxProperties)
        return false;
    Data *data = detach(count + 1 > (d ? d->capacity : 0) ? std::min(kMaxProperties, std::max(4, 2 * count)) : count + 1);
    data->shape = data->shape->with(property, data->shape);
    Value *values = data->values();
    new (values + data->count) Value();
    ++data->count;
    for (int i = data->count - 1; i > insertAt; --i)
        values[i] = std::move(values[i - 1]);
    values[insertAt] = value;
    return true;
}

bool operator==(const Entry &a, const Entry &b)
{
    if (a.d == b.d)
        return true;
    if (a.typeName() != b.typeName() || a.propertyCount() != b.propertyCount())
        return false;
    if (a.propertyCount() == 0)
        return true;
    if (!a.d->shape->sameAs(*b.d->shape))
        return false;
    for (int i = 0; i < a.d->count; ++i)
        if (a.d->values()[i] != b.d->values()[i])
            return false;
    return true;
}

} // namespace partlab

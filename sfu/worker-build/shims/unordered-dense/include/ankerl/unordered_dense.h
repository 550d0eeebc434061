// Visite: stand-in for ankerl::unordered_dense (not packaged in Debian), backed by abseil's
// Swiss tables (absl::flat_hash_map / absl::flat_hash_set), which the worker already links.
// Like ankerl's containers, they are open-addressing tables without pointer stability.
// One API difference is bridged: absl's erase(iterator) returns void, while mediasoup uses
// the std/ankerl form `it = map.erase(it)`; the wrappers below return the next iterator
// (absl's erase only invalidates the erased iterator, so advancing first is safe).
#ifndef ANKERL_UNORDERED_DENSE_H
#define ANKERL_UNORDERED_DENSE_H
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <utility>
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"

namespace ankerl { namespace unordered_dense {

template <class T, class Enable = void>
struct hash {
  using is_avalanching = void;
  uint64_t operator()(const T& v) const { return static_cast<uint64_t>(absl::Hash<T>{}(v)); }
};

template <class K, class V, class H = absl::Hash<K>, class E = std::equal_to<K>,
          class A = std::allocator<std::pair<const K, V>>>
class map : public absl::flat_hash_map<K, V, H, E, A> {
  using Base = absl::flat_hash_map<K, V, H, E, A>;
public:
  using Base::Base;
  using Base::erase;
  using iterator = typename Base::iterator;
  using const_iterator = typename Base::const_iterator;
  iterator erase(iterator it) { iterator next = std::next(it); Base::erase(it); return next; }
};

template <class K, class H = absl::Hash<K>, class E = std::equal_to<K>, class A = std::allocator<K>>
class set : public absl::flat_hash_set<K, H, E, A> {
  using Base = absl::flat_hash_set<K, H, E, A>;
public:
  using Base::Base;
  using Base::erase;
  using iterator = typename Base::iterator;
  using const_iterator = typename Base::const_iterator;
  iterator erase(iterator it) { iterator next = std::next(it); Base::erase(it); return next; }
};

}} // namespace ankerl::unordered_dense
#endif

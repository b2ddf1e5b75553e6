// cache.h: a least-recently-used map from request keys to immutable values
// made from one store generation, shared by the server's worker threads.
//
//   LruCache<std::string> bodies(64 << 20);
//   if (auto hit = bodies.Get(key, generation)) return *hit;
//   bodies.Put(key, generation, std::make_shared<const std::string>(body), body.size());
//
// A value is only ever returned for the generation it was made from, so a
// change to the store (a new generation) makes every older entry a miss; old
// entries leave as new ones push the total cost past the budget.
//
// Thread-safety: every member may be called from any thread.
#ifndef STORYLINE_SERVE_CACHE_H_
#define STORYLINE_SERVE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace storyline::serve_internal {

template <typename V>
class LruCache {
 public:
  // `budget`: the most total cost (as given to Put) kept.
  explicit LruCache(size_t budget) : budget_(budget) {}
  LruCache(const LruCache&) = delete;  // owns a lock
  LruCache& operator=(const LruCache&) = delete;

  // The value stored under `key` for `generation`, or null.
  std::shared_ptr<const V> Get(const std::string& key, int64_t generation) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end() || it->second->generation != generation) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->value;
  }

  // Stores `value` under `key`, replacing what was there; a value costing
  // more than the whole budget is not kept.
  void Put(const std::string& key, int64_t generation, std::shared_ptr<const V> value, size_t cost) {
    if (cost > budget_) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = index_.find(key); it != index_.end()) {
      used_ -= it->second->cost;
      order_.erase(it->second);
      index_.erase(it);
    }
    order_.push_front(Entry{key, generation, std::move(value), cost});
    index_[key] = order_.begin();
    used_ += cost;
    while (used_ > budget_ && !order_.empty()) {
      used_ -= order_.back().cost;
      index_.erase(order_.back().key);
      order_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string key;
    int64_t generation;
    std::shared_ptr<const V> value;
    size_t cost;
  };
  const size_t budget_;
  std::mutex mu_;
  std::list<Entry> order_;  // most recently used first; guarded by mu_
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;  // guarded by mu_
  size_t used_ = 0;  // guarded by mu_
};

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_CACHE_H_

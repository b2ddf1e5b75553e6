// gate.h: admission of requests to the cores, first come first served.
//
//   FifoGate gate(2);                 // two requests compute at once
//   {
//     FifoGate::Slot slot(gate);      // waits its turn
//     ... make the answer ...
//   }                                 // the next in line goes in
//
// The server has many more worker threads than cores (one per connection,
// so slow or idle clients never hold the others up). Were every request
// that misses the response cache to compute at once, the OS would share
// the cores among all of them, and each would take as long as the queue is
// deep: a heavy request's latency is stretched by everything that arrived
// beside it. Through this gate at most `slots` compute, each at full speed,
// and the others wait in arrival order, so a request's latency is its wait
// in line plus its own work. Only the computing goes through it: reading a
// request and writing its answer stay outside, so a slow client never holds
// a slot.
//
// Thread-safety: every member may be called from any thread.
#ifndef STORYLINE_SERVE_GATE_H_
#define STORYLINE_SERVE_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace storyline::serve_internal {

class FifoGate {
 public:
  // REQUIRES: slots >= 1.
  explicit FifoGate(size_t slots) : slots_(slots) {}
  FifoGate(const FifoGate&) = delete;  // threads wait on it
  FifoGate& operator=(const FifoGate&) = delete;

  // Waits until a slot is free and every earlier caller has entered.
  void Enter();
  // Frees the caller's slot: handed to the longest waiter, if any.
  // REQUIRES: the caller entered and has not left.
  void Leave();

  // Inside the gate for the life of the object.
  class Slot {
   public:
    explicit Slot(FifoGate& gate) : gate_(gate) { gate_.Enter(); }
    ~Slot() { gate_.Leave(); }
    Slot(const Slot&) = delete;  // holds a slot
    Slot& operator=(const Slot&) = delete;

   private:
    FifoGate& gate_;
  };

  // Callers inside now, and the most there have been at once (for tests).
  size_t inside() const;
  size_t most_inside() const;
  // Callers waiting now.
  size_t waiting() const;

 private:
  // One caller in line: woken alone when a slot is handed to it, so a
  // Leave wakes one thread, not every waiter.
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;  // guarded by mu_
  };

  const size_t slots_;
  mutable std::mutex mu_;
  size_t inside_ = 0;           // guarded by mu_
  size_t most_inside_ = 0;      // guarded by mu_
  std::deque<Waiter*> line_;    // guarded by mu_; first come first
};

inline void FifoGate::Enter() {
  std::unique_lock<std::mutex> lock(mu_);
  if (inside_ < slots_ && line_.empty()) {
    ++inside_;
  } else {
    Waiter me;
    line_.push_back(&me);
    me.cv.wait(lock, [&] { return me.admitted; });
    // Leave counted us in when it handed over its slot.
  }
  if (inside_ > most_inside_) most_inside_ = inside_;
}

inline void FifoGate::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  if (line_.empty()) {
    --inside_;
    return;
  }
  Waiter* next = line_.front();
  line_.pop_front();
  next->admitted = true;  // the slot passes on: inside_ is unchanged
  next->cv.notify_one();
}

inline size_t FifoGate::inside() const {
  std::lock_guard<std::mutex> lock(mu_);
  return inside_;
}

inline size_t FifoGate::most_inside() const {
  std::lock_guard<std::mutex> lock(mu_);
  return most_inside_;
}

inline size_t FifoGate::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return line_.size();
}

}  // namespace storyline::serve_internal

#endif  // STORYLINE_SERVE_GATE_H_

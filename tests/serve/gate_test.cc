// The server's admission gate (src/serve/gate.h): at most N requests
// compute at once, and the others go in in the order they came. Internal
// class, tested directly: the server's concurrency has no other window.
// No test asserts a time: each waits for a state, then checks it.
#include "serve/gate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace storyline::serve_internal {
namespace {

// Yields until `done()` holds (a test that never gets there hangs, which
// ctest's timeout reports).
template <typename Pred>
void WaitUntil(Pred done) {
  while (!done()) std::this_thread::yield();
}

TEST(FifoGateTest, AtMostSlotsInsideAtOnce) {
  struct Row {
    size_t slots, callers;
  };
  const Row rows[] = {{1, 1}, {1, 8}, {2, 2}, {2, 16}, {3, 7}};
  for (const Row& row : rows) {
    FifoGate gate(row.slots);
    std::atomic<bool> release{false};
    std::vector<std::thread> callers;
    for (size_t i = 0; i < row.callers; ++i) {
      callers.emplace_back([&] {
        FifoGate::Slot slot(gate);
        WaitUntil([&] { return release.load(); });
      });
    }
    const size_t in = std::min(row.slots, row.callers);
    WaitUntil([&] { return gate.inside() == in && gate.waiting() == row.callers - in; });
    EXPECT_EQ(gate.inside(), in) << row.slots << " slots, " << row.callers << " callers";
    release = true;
    for (std::thread& t : callers) t.join();
    EXPECT_EQ(gate.most_inside(), in) << row.slots << " slots, " << row.callers << " callers";
    EXPECT_EQ(gate.inside(), 0u);
    EXPECT_EQ(gate.waiting(), 0u);
  }
}

TEST(FifoGateTest, WaitersGoInInTheOrderTheyCame) {
  constexpr size_t kCallers = 12;
  FifoGate gate(1);
  gate.Enter();  // the slot is taken: every caller below waits in line
  std::mutex mu;
  std::vector<size_t> order;
  std::vector<std::thread> callers;
  for (size_t i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] {
      FifoGate::Slot slot(gate);
      std::lock_guard<std::mutex> lock(mu);
      order.push_back(i);
    });
    WaitUntil([&] { return gate.waiting() == i + 1; });  // in line before the next comes
  }
  gate.Leave();
  for (std::thread& t : callers) t.join();
  std::vector<size_t> expected;
  for (size_t i = 0; i < kCallers; ++i) expected.push_back(i);
  EXPECT_EQ(order, expected);
  EXPECT_EQ(gate.most_inside(), 1u);
}

TEST(FifoGateTest, ALeaverHandsItsSlotToTheFirstWaiterNotANewcomer) {
  FifoGate gate(1);
  gate.Enter();
  std::atomic<bool> waiter_in{false};
  std::thread waiter([&] {
    gate.Enter();
    waiter_in = true;
    gate.Leave();
  });
  WaitUntil([&] { return gate.waiting() == 1; });
  gate.Leave();
  // The slot went to the waiter at Leave: a newcomer now queues behind it
  // (or finds it already gone) and never enters first.
  gate.Enter();
  EXPECT_TRUE(waiter_in.load());
  gate.Leave();
  waiter.join();
}

}  // namespace
}  // namespace storyline::serve_internal

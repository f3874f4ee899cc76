#!/usr/bin/env python3
"""Where a silo's CPU goes, from a dotnet-trace sampled-thread-time trace converted to speedscope JSON.

Usage: dotnet-trace convert --format speedscope -o t.json t.nettrace && python3 categorize.py t.speedscope.json

The sample profiler samples every managed thread, running or not; samples whose innermost frame is a wait
(Monitor.Wait, semaphores, socket reads, sleeps) are set aside, and the rest are attributed to the first
category (in the order of CATEGORIES) that any of their frames matches, innermost frames first. Prints
each category's share of the on-CPU samples and the top innermost frames.
"""
import collections
import json
import sys

WAITS = ("Monitor.Wait", "WaitHandle.Wait", "LowLevelLifoSemaphore.WaitNative", "Interop+Sys.Read",
         "Thread.Sleep", "WaitHandle.WaitMultiple", "ManualResetEventSlim.Wait", "Interop+Sys.WaitForSocketEvents",
         "Interop+Sys.Poll", "SemaphoreSlim.Wait", "Thread.Join", "LowLevelMonitor.Wait")

# (category, substrings of a frame name); the first category whose substring appears in a sample's stack,
# scanning from the innermost frame outwards, takes the sample.
CATEGORIES = [
    ("spinning for work / locks (thread pool, LowLevelSpinWaiter, SpinWait)", ("LowLevelSpinWaiter", "SpinWait.Spin", "LowLevelLifoSemaphore.Wait", "Lock.TryEnterSlow", "Monitor.Enter_Slowpath")),
    ("GC (allocation slow path, PollGC, suspension)", ("PollGC", "GCHeap", "Alloc", "GC.")),
    ("state JSON (System.Text.Json, storage serializer)", ("System.Text.Json", "Utf8JsonWriter", "Utf8JsonReader", "JsonSerializer", "JsonConverter", "JsonGrainStorageSerializer", "StoredTasksJsonConverter")),
    ("SQLite commit (the writer's COMMIT: page writes and the fsync it waits for)", ("SqliteTransaction.Commit",)),
    ("SQLite (writer, readers, sqlite3)", ("SQLite", "Sqlite")),
    ("PostgreSQL client (Npgsql, Orleans ADO.NET storage)", ("Npgsql", "AdoNet", "RelationalStorage", "DbStorage")),
    ("bandit and features (TipChooser, policies, features)", ("TipChooser", "OO.Learning", "LinUcb", "Thompson", "FeatureRegistry", "FeatureVector", "VectorMath", "DecisionLogEntry")),
    ("OO grain code (user grain, candidate pool, analytics)", ("OO.Grains", "UserGrain", "CandidatePool", "StoredTasks", "AnalyticsWriter")),
    ("tracing and metrics (OpenTelemetry, Activity, EventSource)", ("OpenTelemetry", "Activity", "EventSource", "Metrics", "Meter", "Instrument", "Histogram")),
    ("Orleans dashboard", ("Dashboard",)),
    ("authentication (cookies, Data Protection, session check)", ("Authentication", "Cookie", "DataProtection", "Cryptography", "Claims", "SessionStamp")),
    ("rate limiter", ("RateLimit",)),
    ("Orleans messaging, scheduling and serialization", ("Orleans",)),
    ("Kestrel, HTTP pipeline, routing, JSON results", ("Kestrel", "AspNetCore", "Http", "System.Net", "Sockets", "Routing")),
    ("thread pool and async machinery", ("ThreadPool", "WorkerThread", "AsyncStateMachine", "ExecutionContext", "Task", "MoveNext")),
]


def stacks(data, frames):
    """(stack outermost first, milliseconds) for every stretch of time a thread spent in one stack."""
    for profile in data["profiles"]:
        if profile["type"] == "sampled":
            for stack, weight in zip(profile["samples"], profile["weights"]):
                yield [frames[i] for i in stack], weight
            continue
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and event["at"] > last and stack:
                yield [frames[i] for i in stack], event["at"] - last
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    on_cpu = collections.Counter()
    leaves = collections.Counter()
    total = waiting = 0
    for names, weight in stacks(data, frames):
        total += weight
        # The converter ends each stack with CPU_TIME (managed code running) or UNMANAGED_CODE_TIME (in native
        # code: a wait, or native work such as sqlite3_step); the frame before it is the real innermost one.
        native = bool(names) and names[-1] == "UNMANAGED_CODE_TIME"
        if names and names[-1] in ("CPU_TIME", "UNMANAGED_CODE_TIME"):
            names = names[:-1]
        # Native frames without symbols ("?!?") under a managed wait are the wait itself (epoll_wait under the
        # socket engine's event loop).
        innermost = names[-2] if native and len(names) > 1 and names[-1] == "?!?" else (names[-1] if names else "")
        if not names or any(w in innermost for w in WAITS) or (native and "SocketAsyncEngine.EventLoop" in innermost):
            waiting += weight
            continue
        category = "other"
        # The writer's COMMIT is named by an outer frame (the inner ones are Microsoft.Data.Sqlite's reader).
        if any("SqliteTransaction.Commit" in name for name in names):
            names = ["SqliteTransaction.Commit"]
        for name in reversed(names):
            found = next((c for c, keys in CATEGORIES if any(k in name for k in keys)), None)
            if found:
                category = found
                break
        on_cpu[category] += weight
        leaves[names[-1][:110]] += weight
    busy = sum(on_cpu.values())
    idle_categories = {CATEGORIES[0][0], "thread pool and async machinery"}
    work = sum(w for c, w in on_cpu.items() if c not in idle_categories)
    print(f"thread time: {total / 1000:.1f} s, waiting {waiting / total:.0%}, on CPU {busy / total:.0%}")
    print("on-CPU samples by category (innermost matching frame):")
    for category, weight in on_cpu.most_common():
        share = "" if category in idle_categories else f"  ({weight / work:5.1%} of the work)"
        print(f"  {weight / busy:6.1%}{share}  {category}")
    print("top innermost frames on CPU:")
    for name, weight in leaves.most_common(25):
        print(f"  {weight / busy:6.1%}  {name}")


if __name__ == "__main__":
    main(sys.argv[1])

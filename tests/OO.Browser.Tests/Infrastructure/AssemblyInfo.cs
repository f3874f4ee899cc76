// Each test class starts its own silo and Chromium; on a two-core machine one at a time is faster than all at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using Xunit;

// One collection at a time. Each collection starts its own portal and Chromium; two of them side by
// side on the machine's two cores made page loads and axe runs slow enough (axe 7–8 s a page) that a
// navigation sometimes outlasted its timeout. One after another, every journey has the processor to itself.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

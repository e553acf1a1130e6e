using Xunit;

// The generator is CPU-bound and the end-to-end tests share the dev broker on a 2-core machine: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

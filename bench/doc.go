// Package bench runs comparison benchmarks as library code, the same ones
// `qml bench` prints: model against model on the same data, and simulator
// against simulator on the same circuits.
//
// # Models
//
// A suite file (ParseSuite; examples/bench/*.yaml) names datasets, one split
// seed and a list of model entries whose model, train and backend sections
// are those of a `qml train` run spec (package spec). Every model trains on
// the identical split of every dataset it names, once per seed; the grid of
// (dataset, model, seed) runs (Suite.Grid) can be cut into deterministic
// shards (ShardOf) and run in parallel (RunModels). Each finished run is a
// Record, appended to a File (bench.json) that is rewritten atomically, so
// an interrupted suite leaves every finished run on disk and a resumed one
// skips them. Merge joins shard files; Summarise reduces a File to mean ±
// standard deviation per (dataset, model), sorted by the test metric, and
// Markdown and PlotModels print and draw it.
//
// Reading the numbers: Bowles, Ahmed and Schuld, "Better than classical? The
// subtle art of benchmarking quantum machine learning models",
// arXiv:2403.07059 (2024), found simple classical models at or near the top
// on every small dataset they tried; a suite must therefore put a classical
// reference beside every dataset (ParseSuite refuses one without).
//
// # Simulators
//
// RunSim times engines — the state vector on one thread and on all, with
// and without gate fusion, the matrix product state at a given χ, and
// github.com/itsubaki/q as the Go peer — on the same circuits, reporting
// the median wall time of several runs after a warm-up, ns per gate per
// amplitude, the ratio to itsubaki/q and the ratio to the memory-bandwidth
// floor (a streaming copy of a state of the same size, measured in the same
// run). Only gate application is timed; states are allocated before.
package bench

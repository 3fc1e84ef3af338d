// Package cputime reads the processor time this process has used, all
// threads together. Benchmarks and timing tables report it beside wall time
// because on a shared machine other jobs inflate wall time but not the work
// done.
package cputime

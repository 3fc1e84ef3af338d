// Package cputime reads the processor time this process has used, all
// threads together. Benchmarks and timing tables report it beside wall time
// because on a shared machine other jobs inflate wall time but not the work
// done.
package cputime

import "time"

// Process returns the user + system processor time of this process so far,
// or 0 where the system does not report it.
func Process() time.Duration { return process() }

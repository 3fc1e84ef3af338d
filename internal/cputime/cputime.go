package cputime

import "time"

// Process returns the user + system processor time of this process so far,
// or 0 where the system does not report it.
func Process() time.Duration { return process() }

//go:build !unix

package bench

import "time"

// cpuTime is not measured on this system; CPU columns stay empty.
func cpuTime() time.Duration { return 0 }

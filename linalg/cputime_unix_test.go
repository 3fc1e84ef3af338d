//go:build unix

package linalg

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user + system) this process has used, to
// report work beside wall time on a machine other jobs share.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
